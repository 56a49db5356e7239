/**
 * The hostile corpus (issue 9): one committed fixture per attack in e2e/fixtures/hostile/ (read by
 * the unit test below and by end-to-end tests), plus inputs too big to commit, made at test time.
 * Each names what must hold besides the pipeline's invariants (hostile.test.ts).
 */
export interface HostileCase {
  readonly name: string;
  /** A fixture file (its bytes are decoded as a file reader decodes them), or text made at test time. */
  readonly source: { readonly file: string } | { readonly generate: () => string };
  /** Requests sent (the gateway chosen automatically), and the Service each must reach (null: any answer). */
  readonly requests?: readonly { readonly line: string; readonly reaches: string | null }[];
  /** Strings that must appear in no output (plain and base64 forms). */
  readonly secrets?: readonly string[];
  /** Codes that must be reported. */
  readonly codes?: readonly string[];
  /** Text whose line must carry an error or warning (an unusable value reported where it is written). */
  readonly flagged?: readonly string[];
  /** Text whose line must carry no error (a valid value). */
  readonly clean?: readonly string[];
  /** The most the whole pipeline may take, in ms (default HOSTILE_LIMIT_MS). */
  readonly limitMs?: number;
  /** Also load it into the UI store (default true; the big generated texts only go through the engine). */
  readonly store?: boolean;
}

export const HOSTILE_LIMIT_MS = 5_000;
export const FIXTURES = new URL('../../../e2e/fixtures/hostile/', import.meta.url);

const CATASTROPHIC = `/${'a'.repeat(50)}!`;
// Every fake key in the secret fixtures starts HOSTILEFAKEKEY; base64 of its first 12 letters starts every encoded one.
const FAKE_KEYS = ['HOSTILEFAKEKEY', 'SE9TVElMRUZBS0VL'];

/** A single line of 20 MB: one JSON document whose path value is the whole line. */
function twentyMegabyteLine(): string {
  const value = 'x'.repeat(20 * 1024 * 1024);
  return JSON.stringify({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'big', namespace: 'shop' }, spec: { hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/${value}` } }] }] } });
}

/** A megabyte name, label value, hostname and header value. */
function megabyteStrings(): string {
  const mb = 'm'.repeat(1024 * 1024);
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ${mb}\n  namespace: shop\n  labels: {app: ${mb}}\nspec:\n  hostnames: [${mb}.example.com]\n  rules:\n    - matches: [{headers: [{name: x-big, value: ${mb}}]}]\n      backendRefs: [{name: ${mb}, port: 80}]\n`;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'catastrophic regex in an HTTPRoute',
    source: { file: 'regex-catastrophic-httproute.yaml' },
    requests: [{ line: `GET http://shop.example.com${CATASTROPHIC}`, reaches: null }, { line: 'GET http://shop.example.com/aaaa', reaches: 'evil' }, { line: 'GET http://shop.example.com/health', reaches: 'fallback' }],
    clean: ['/(a+)+$'],
  },
  {
    name: 'catastrophic regex before an exact match in a VirtualService',
    source: { file: 'regex-catastrophic-virtualservice.yaml' },
    requests: [{ line: `GET http://shop.example.com${CATASTROPHIC}`, reaches: null }, { line: 'GET http://shop.example.com/exact', reaches: 'exact' }, { line: 'GET http://shop.example.com/aaaa', reaches: 'evil' }],
    clean: ['/(a+)+'],
  },
  {
    name: 'patterns RE2 refuses',
    source: { file: 'regex-re2-refused.yaml' },
    requests: [{ line: 'GET http://shop.example.com/aa', reaches: null }],
    flagged: ['/(a)\\1', '/(?=admin)a.*', '/(?<=x)y', '/(?<n>a)\\k<n>', '/(b)\\1', '/(?!x).*'],
  },
  {
    name: 'RE2-only syntax',
    source: { file: 'regex-re2-only.yaml' },
    requests: [{ line: 'GET http://shop.example.com/named/123', reaches: 'named' }, { line: 'GET http://shop.example.com/posix/abc', reaches: 'posix' }],
    clean: ['(?P<id>[0-9]+)', '[[:alpha:]]+'],
  },
  { name: 'a Secret whose YAML does not parse, holding a private key', source: { file: 'secret-yaml-error.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'last-applied-configuration holding a Secret', source: { file: 'secret-last-applied.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'a SecretList and a List of Secrets', source: { file: 'secret-list.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'aliases to Secret values', source: { file: 'secret-aliases.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'a Secret after a blank first line (redaction looped forever: fuzz seed 380628254)', source: { file: 'secret-after-blank-line.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'a Secret in a List broken by a tab (fuzz seed 1853836226)', source: { file: 'secret-list-tab.yaml' }, secrets: FAKE_KEYS, codes: ['SecretRedacted'] },
  { name: 'billion laughs', source: { file: 'billion-laughs.yaml' }, codes: ['YAMLAliasBomb'] },
  { name: 'nesting far past the limit', source: { file: 'deep-nesting.yaml' }, codes: ['YAMLTooDeep'] },
  { name: '__proto__, constructor and prototype keys', source: { file: 'proto-keys.yaml' }, codes: ['UnsafeKey'], requests: [{ line: 'GET http://shop.example.com/', reaches: null }] },
  { name: 'markup in names and values', source: { file: 'xss-names.yaml' }, requests: [{ line: 'GET http://shop.example.com/%3Cscript%3E', reaches: null }] },
  { name: 'control characters, bidi overrides and CRLF in values', source: { file: 'control-bidi-crlf.yaml' }, requests: [{ line: 'GET http://shop.example.com/cart', reaches: null }] },
  { name: 'invalid UTF-8 bytes', source: { file: 'invalid-utf8.yaml' }, codes: ['InvalidEncoding'], requests: [{ line: `GET http://shop.example.com${CATASTROPHIC}`, reaches: null }] },
  {
    name: 'UTF-16 with a byte order mark',
    source: { file: 'utf16-bom.yaml' },
    requests: [{ line: 'GET http://shop.example.com/aaaa', reaches: 'evil' }, { line: 'GET http://shop.example.com/health', reaches: 'fallback' }],
    clean: ['/(a+)+$'],
  },
  { name: 'numbers past every limit', source: { file: 'huge-numbers.yaml' }, requests: [{ line: 'GET http://web.shop.svc.cluster.local/', reaches: null }] },
  { name: 'very long names and strings', source: { file: 'long-names.yaml' }, requests: [{ line: 'GET http://shop.example.com/', reaches: null }] },
  // The big ones are read five times (the text, each conversion written and read back, the
  // serialized resources): 2–3 s for a megabyte per string, 5–9 s for 20 MB, on two busy cores.
  { name: 'a megabyte in every string', source: { generate: megabyteStrings }, requests: [{ line: 'GET http://shop.example.com/', reaches: null }], limitMs: 10_000, store: false },
  { name: 'a 20 MB single line', source: { generate: twentyMegabyteLine }, requests: [{ line: 'GET http://shop.example.com/x', reaches: null }], limitMs: 30_000, store: false },
];
