/**
 * The tests file's text → test cases, each located at its `name`. Problems are diagnostics with
 * file, line and column; a file with any error yields no case to run (the CLI exits 2).
 * The format: README.md "Route tests".
 */
import { parseAllDocuments, type Node as YamlNode } from 'yaml';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import { parseExpectation } from './parse-expect.js';
import { parseWitness, stringMap } from './parse-witness.js';
import type { ParsedRouteTests, RouteTestCase } from './types.js';
import { TestsReader, type Field } from './yaml-reader.js';

export const TESTS_API_VERSION = 'route-designer.dev/v1alpha1';
export const TESTS_KIND = 'RouteTests';

const CASE_FIELDS = ['name', 'request', 'headers', 'sni', 'gateway', 'mesh', 'backendStatus', 'backendDelay', 'expect'] as const;

export function parseRouteTests(source: { readonly name: string; readonly text: string }): ParsedRouteTests {
  const docs = parseAllDocuments(source.text, { prettyErrors: false, uniqueKeys: true, schema: 'core', merge: false, strict: true });
  const first = docs[0];
  const yamlErrors: Diagnostic[] = [];
  for (const doc of docs) {
    const reader = new TestsReader(source.name, source.text, doc);
    for (const e of doc.errors) {
      const at = reader.range({ range: [e.pos[0], e.pos[1], e.pos[1]] } as unknown as YamlNode);
      yamlErrors.push({ ...at, code: e.code === 'DUPLICATE_KEY' ? 'YAMLDuplicateKey' : 'YAMLSyntax', severity: 'error', message: e.message.split('\n')[0] ?? e.message });
    }
  }
  if (yamlErrors.length > 0) return { cases: [], diagnostics: yamlErrors };
  if (!first) return { cases: [], diagnostics: [noCases(source.name, 'the tests file is empty')] };
  const reader = new TestsReader(source.name, source.text, first);
  const second = docs[1];
  if (second) reader.report('TestInvalidValue', 'a tests file is one YAML document: put every case under the first one\'s tests', reader.range(second.contents as YamlNode | null));
  const root = first.contents as YamlNode | null;
  const top = reader.fields(root, 'the tests file', ['apiVersion', 'kind', 'metadata', 'tests'], root ?? ({ range: [0, 0, 0] } as unknown as YamlNode));
  if (!top) return { cases: [], diagnostics: reader.diagnostics };
  parseMetadata(reader, top.get('metadata'));
  for (const [field, expected] of [['apiVersion', TESTS_API_VERSION], ['kind', TESTS_KIND]] as const) {
    const f = top.get(field);
    if (!f) continue;
    const v = reader.string(f.value, field, f.key);
    if (v !== null && v !== expected) reader.report('TestInvalidValue', `${field} is ${expected} (or left out), not ${JSON.stringify(v)}`, reader.range(f.value, f.key));
  }
  const tests = top.get('tests');
  if (!tests) {
    reader.diagnostics.push(noCases(source.name, 'the tests file has no tests: write them as a list under tests:'));
    return { cases: [], diagnostics: [...reader.diagnostics].sort(compareDiagnostics) };
  }
  const list = reader.items(tests.value, 'tests', tests.key);
  const items = list ?? [];
  if (list?.length === 0) reader.report('TestNoCases', 'tests is empty: a tests file that checks nothing would always pass', reader.range(tests.value, tests.key));
  const cases: RouteTestCase[] = [];
  const names = new Set<string>();
  for (const item of items) {
    const c = parseCase(reader, item, tests.key);
    if (!c) continue;
    if (names.has(c.name)) reader.report('TestDuplicateName', `another case is already named ${JSON.stringify(c.name)}: names tell the results apart`, c.location);
    names.add(c.name);
    cases.push(c);
  }
  const ok = reader.diagnostics.length === 0;
  return { cases: ok ? cases : [], diagnostics: [...reader.diagnostics].sort(compareDiagnostics) };
}

function parseCase(reader: TestsReader, item: YamlNode | null, at: YamlNode): RouteTestCase | null {
  const fields = reader.fields(item, 'a test case', CASE_FIELDS, at);
  if (!fields) return null;
  const here = item ?? at;
  const nameField = fields.get('name');
  const name = nameField ? reader.string(nameField.value, 'name', nameField.key) : null;
  if (!nameField) reader.report('TestMissingField', 'a test case needs a name', reader.range(here));
  else if (name === '') reader.report('TestInvalidValue', 'name is empty', reader.range(nameField.value, nameField.key));
  const witness = parseWitness(reader, fields, here);
  const expectField = fields.get('expect');
  if (!expectField) reader.report('TestMissingField', 'a test case needs expect: what the request must get', reader.range(here));
  const expect = expectField ? parseExpectation(reader, expectField) : null;
  if (!name || !witness || !expect || !nameField) return null;
  return { name, ...witness, expect, location: reader.range(nameField.value, nameField.key) };
}

/**
 * `metadata` names the file as a Kubernetes-style object, so that it can sit among the manifests
 * a command reads (they pass it over as a kind they do not model); it is not used otherwise.
 */
function parseMetadata(reader: TestsReader, field: Field | undefined): void {
  if (!field) return;
  const f = reader.fields(field.value, 'metadata', ['name', 'namespace', 'labels', 'annotations'], field.key);
  for (const name of ['name', 'namespace'] as const) {
    const g = f?.get(name);
    if (g) reader.string(g.value, `metadata.${name}`, g.key);
  }
  stringMap(reader, f?.get('labels'), 'metadata.labels');
  stringMap(reader, f?.get('annotations'), 'metadata.annotations');
}

function noCases(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, code: 'TestNoCases', severity: 'error', message };
}
