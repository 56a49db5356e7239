import { isSeq, parseDocument, type Document } from 'yaml';
import { TESTS_API_VERSION, TESTS_KIND } from '../core/index';

/**
 * Edits of the design's tests as YAML text (append a case, rename one, delete one), through the
 * YAML library's document model: the user's comments, order and blank lines are kept. A case is
 * addressed by its index under `tests:` — the index of its row, since a file that parses yields
 * one case per item, in order.
 */
export type TestsEdit = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** A case to write: the fields of README.md "Route tests", as plain data. */
export interface CaseFields {
  readonly name: string;
  readonly request: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly sni?: string;
  readonly gateway?: string;
  readonly mesh?: { readonly from: string; readonly labels?: Readonly<Record<string, string>> };
  /** How the backend answers each try, as `simulate --backend-status` / `--backend-delay` take it. */
  readonly backendStatus?: string;
  readonly backendDelay?: string;
  readonly expect: Readonly<Record<string, unknown>>;
}

const OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The start of a tests file for the design `designName` (its metadata.name). */
export function emptyTestsText(designName: string): string {
  const name = designName.replace(/\.(ya?ml|json)$/i, '').toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'design';
  return `# Route tests: route-designer test ${name}.tests.yaml ${designName}\napiVersion: ${TESTS_API_VERSION}\nkind: ${TESTS_KIND}\nmetadata:\n  name: ${name}\ntests: []\n`;
}

function open(text: string): { doc: Document } | { error: string } {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { error: `the tests' YAML does not read (${doc.errors[0]?.message.split('\n')[0] ?? 'syntax error'}): fix it under Edit as YAML first` };
  const tests = doc.get('tests', true);
  if (tests !== undefined && tests !== null && !isSeq(tests)) return { error: 'tests: is not a list: fix it under Edit as YAML first' };
  return { doc };
}

/** The text with one more case at the end of `tests:` (a new file when the text is blank). */
export function appendCase(text: string, fields: CaseFields, designName: string): TestsEdit {
  const base = text.trim() === '' ? emptyTestsText(designName) : text;
  const opened = open(base);
  if ('error' in opened) return { ok: false, error: opened.error };
  const { doc } = opened;
  const item = doc.createNode(fields);
  const tests = doc.get('tests', true);
  if (isSeq(tests) && tests.items.length > 0) item.spaceBefore = true;
  if (isSeq(tests)) {
    tests.flow = false;
    tests.items.push(item);
  } else doc.set('tests', doc.createNode([fields]));
  return { ok: true, text: doc.toString(OPTIONS) };
}

function itemAt(doc: Document, index: number): boolean {
  const tests = doc.get('tests', true);
  return isSeq(tests) && index >= 0 && index < tests.items.length;
}

export function renameCase(text: string, index: number, name: string): TestsEdit {
  const opened = open(text);
  if ('error' in opened) return { ok: false, error: opened.error };
  if (name.trim() === '') return { ok: false, error: 'a test needs a name' };
  if (!itemAt(opened.doc, index)) return { ok: false, error: `there is no test ${index + 1}` };
  opened.doc.setIn(['tests', index, 'name'], name.trim());
  return { ok: true, text: opened.doc.toString(OPTIONS) };
}

export function deleteCase(text: string, index: number): TestsEdit {
  const opened = open(text);
  if ('error' in opened) return { ok: false, error: opened.error };
  if (!itemAt(opened.doc, index)) return { ok: false, error: `there is no test ${index + 1}` };
  opened.doc.deleteIn(['tests', index]);
  return { ok: true, text: opened.doc.toString(OPTIONS) };
}

/** The names the tests' YAML gives its cases (to name a new one apart); [] when it does not read. */
export function caseNames(text: string): string[] {
  const doc = parseDocument(text);
  const tests = doc.get('tests', true);
  if (!isSeq(tests)) return [];
  return tests.items.map((_, i) => doc.getIn(['tests', i, 'name'])).filter((n): n is string => typeof n === 'string');
}

/** True when a YAML text is a RouteTests file: every top-level `kind:` it writes says RouteTests (and one does). */
export function isRouteTestsText(text: string): boolean {
  const kinds = [...text.matchAll(/^kind:[ \t]*(.*)$/gm)].map((m) => (m[1] ?? '').replace(/[ \t]+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2'));
  return kinds.length > 0 && kinds.every((k) => k === TESTS_KIND);
}

/** The tests' file name for a design: `shop.yaml` → `shop.tests.yaml`. */
export function testsFileName(designFileName: string): string {
  return `${designFileName.replace(/\.(ya?ml|json)$/i, '') || 'design'}.tests.yaml`;
}
