import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { redactText } from './redact-text.js';

// Issue 9, as a property: a marker written into a Secret's values in any shape (block, flow, JSON,
// quoted, block scalar, PEM, alias, List / SecretList item, last-applied annotation, broken YAML)
// never survives parse. A failing case prints fast-check's seed and path to replay it.

const markerArb = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/).map((s) => `MK${s}`);

interface Shape {
  readonly marker: string;
  readonly field: 'data' | 'stringData';
  readonly value: 'plain' | 'double' | 'single' | 'literal' | 'folded' | 'pem';
  readonly style: 'block' | 'flow' | 'json';
  readonly kindAfterData: boolean;
  readonly indent: 2 | 4;
  readonly wrap: 'none' | 'list' | 'secretList' | 'lastApplied';
  readonly alias: 'none' | 'valueAnchor' | 'dataAnchor';
  readonly breakage: 'none' | 'duplicateKey' | 'tab' | 'unclosedQuote' | 'badIndent' | 'garbage';
  readonly kindQuoted: boolean;
  readonly multiLinePlain: boolean;
  readonly crlf: boolean;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  marker: markerArb,
  field: fc.constantFrom('data', 'stringData'),
  value: fc.constantFrom('plain', 'double', 'single', 'literal', 'folded', 'pem'),
  style: fc.constantFrom('block', 'flow', 'json'),
  kindAfterData: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  wrap: fc.constantFrom('none', 'list', 'secretList', 'lastApplied'),
  alias: fc.constantFrom('none', 'valueAnchor', 'dataAnchor'),
  breakage: fc.constantFrom('none', 'duplicateKey', 'tab', 'unclosedQuote', 'badIndent', 'garbage'),
  kindQuoted: fc.boolean(),
  multiLinePlain: fc.boolean(),
  crlf: fc.boolean(),
});

const pad = (n: number) => ' '.repeat(n);

function valueLines(s: Shape, at: number): string {
  const m = s.marker;
  switch (s.value) {
    case 'plain':
      return s.multiLinePlain ? ` ${m}\n${pad(at + s.indent)}${m}` : ` ${m}`;
    case 'double':
      return ` "${m}"`;
    case 'single':
      return ` '${m}'`;
    case 'literal':
    case 'folded':
      return ` ${s.value === 'literal' ? '|' : '>'}\n${pad(at + s.indent)}${m}\n${pad(at + s.indent)}${m.slice(3)}${m}`;
    case 'pem':
      return ` |\n${['-----BEGIN EC PRIVATE KEY-----', m, `${m}==`, '-----END EC PRIVATE KEY-----'].map((l) => pad(at + s.indent) + l).join('\n')}`;
  }
}

/** One Secret as YAML lines, its mapping's keys at column `at`. */
function secretYaml(s: Shape, at: number, withKind: boolean): string[] {
  const p = pad(at);
  const kind = withKind ? [`${p}kind: ${s.kindQuoted ? '"Secret"' : 'Secret'}`] : [];
  let data: string[];
  if (s.alias === 'dataAnchor') data = [`${p}${s.field}: *vals`];
  else if (s.style === 'block' || s.value === 'literal' || s.value === 'folded' || s.value === 'pem') {
    const anchor = s.alias === 'valueAnchor' ? ' &v' : '';
    data = [`${p}${s.field}:`, `${pad(at + s.indent)}tls.key:${anchor}${valueLines(s, at + s.indent)}`];
  } else {
    const anchor = s.alias === 'valueAnchor' ? '&v ' : '';
    data = [`${p}${s.field}: {tls.key: ${anchor}${JSON.stringify(s.marker)}}`];
  }
  const head = [`${p}apiVersion: v1`, `${p}metadata:`, `${pad(at + s.indent)}name: s`];
  const body = s.kindAfterData ? [...head, ...data, ...kind] : [...head, ...kind, ...data];
  if (s.alias === 'valueAnchor') body.push(`${p}x-copy: *v`);
  if (s.alias === 'dataAnchor') body.unshift(`${p}x-vals: &vals`, `${pad(at + s.indent)}tls.key:${valueLines(s, at + s.indent)}`);
  return body;
}

function document(s: Shape): string {
  let lines: string[];
  if (s.style === 'json' && s.alias === 'none' && s.wrap !== 'lastApplied') {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, [s.field]: { 'tls.key': s.marker } };
    const obj = s.wrap === 'none' ? secret : { apiVersion: 'v1', kind: s.wrap === 'list' ? 'List' : 'SecretList', items: [secret] };
    lines = JSON.stringify(obj, null, s.indent).split('\n');
    if (s.breakage === 'duplicateKey') lines.splice(1, 0, `${pad(s.indent)}"apiVersion": "v1",`);
  } else if (s.wrap === 'list' || s.wrap === 'secretList') {
    const item = secretYaml(s, 2, s.wrap === 'list').map((l, i) => (i === 0 ? `- ${l.slice(2)}` : l));
    lines = ['apiVersion: v1', `kind: ${s.wrap === 'list' ? 'List' : 'SecretList'}`, 'items:', ...item];
  } else if (s.wrap === 'lastApplied') {
    const embedded = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, [s.field]: { 'tls.key': s.marker } });
    lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: s', '  annotations:', '    kubectl.kubernetes.io/last-applied-configuration: |', `      ${embedded}`, `${s.field}: {}`];
  } else lines = secretYaml(s, 0, true);
  if (s.breakage === 'duplicateKey' && s.style !== 'json') lines.push(lines.find((l) => /^\s*-?\s*kind:/.test(l)) ?? 'kind: Secret');
  if (s.breakage === 'tab') lines = lines.map((l) => l.replace(/^( {2,})(?=\S)/, (sp) => `\t${sp.slice(2)}`));
  if (s.breakage === 'unclosedQuote') lines.splice(1, 0, 'note: "unclosed');
  if (s.breakage === 'badIndent') lines.splice(2, 0, ' misplaced: x');
  if (s.breakage === 'garbage') lines.push(')) not yaml: [');
  return lines.join(s.crlf ? '\r\n' : '\n') + (s.crlf ? '\r\n' : '\n');
}

const ROUTE = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {hostnames: [a.example.com]}\n';

describe('redaction property', () => {
  it('a marker in a Secret never survives parse, and the documents around it keep every byte', () => {
    fc.assert(
      fc.property(shapeArb, (s) => {
        const text = `${ROUTE}---\n${document(s)}---\n${ROUTE.replace('name: r', 'name: r2')}`;
        expect(text).toContain(s.marker);
        const r = parse([{ name: 'f.yaml', text }]);
        const out = `${r.files[0]?.text ?? ''}${JSON.stringify(r.resources)}${JSON.stringify(r.diagnostics)}`;
        expect(out).not.toContain(s.marker);
        expect(out).not.toContain(s.marker.slice(3, 20));
        expect(redactText(text).text).not.toContain(s.marker);
        const docs = (r.files[0]?.text ?? '').split('---\n');
        expect(docs[0]).toBe(ROUTE);
        expect(docs[docs.length - 1]).toBe(ROUTE.replace('name: r', 'name: r2'));
      }),
      { numRuns: 400 },
    );
  });
});
