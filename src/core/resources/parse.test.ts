import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';

const one = (text: string) => parse([{ name: 'f.yaml', text }]);
const codes = (text: string) => one(text).diagnostics.map((d) => d.code);

const route = (name: string, extra = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}${extra}
spec: {}
`;

describe('parse: documents and kinds', () => {
  it('reads a multi-document stream, keeping each resource\'s document and lines', () => {
    const r = one(`# head\n${route('a')}---\n${route('b', '\n  namespace: shop')}`);
    expect(r.resources.map((x) => x.id)).toEqual([
      'gateway.networking.k8s.io/HTTPRoute/default/a',
      'gateway.networking.k8s.io/HTTPRoute/shop/b',
    ]);
    expect(r.resources[0]?.source).toMatchObject({ document: 0, line: 2 });
    expect(r.resources[1]?.source).toMatchObject({ document: 1, line: 8 });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads JSON and kind: List', () => {
    const r = one(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }] }));
    expect(r.resources.map((x) => [x.kind, x.source.item])).toEqual([['Service', 0]]);
  });

  it.each([
    ['gateway.networking.k8s.io/v1beta1', 'HTTPRoute', 'gateway-api', []],
    ['gateway.networking.k8s.io/v1alpha2', 'TCPRoute', 'gateway-api', ['UnservedVersion']],
    ['gateway.networking.k8s.io/v1alpha1', 'HTTPRoute', 'gateway-api', ['UnservedVersion']],
    ['networking.istio.io/v1alpha3', 'VirtualService', 'istio', []],
    ['networking.istio.io/v1', 'Sidecar', 'other', ['UnknownKind']],
    ['example.com/v1', 'Widget', 'other', ['UnknownKind']],
    ['apps/v1', 'Deployment', 'other', ['UnknownKind']],
  ])('%s %s is %s', (apiVersion, kind, family, expected) => {
    const r = one(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`);
    expect(r.resources[0]?.family).toBe(family);
    expect(r.diagnostics.map((d) => d.code)).toEqual(expected);
  });

  it.each([
    ['apps/v1', 'Deployment', 'is drawn under the Services that select its pods, but its spec is not checked'],
    ['v1', 'Pod', 'is drawn under the Services that select its pods, but its spec is not checked'],
    ['v1', 'ServiceAccount', 'is not a kind Route Designer models'],
    ['apps.example.com/v1', 'Deployment', 'is not a kind Route Designer models'],
  ])('says what it does with %s %s', (apiVersion, kind, said) => {
    const r = one(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['UnknownKind', 'info']]);
    expect(r.diagnostics[0]?.message).toContain(said);
  });

  it('gives cluster-scoped kinds no namespace and others the default one', () => {
    const r = parse([{ name: 'f', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n' }], { defaultNamespace: 'team' });
    expect(r.resources.map((x) => x.namespace)).toEqual(['', 'team']);
  });
});

describe('parse: bad input gives located diagnostics and never throws', () => {
  it.each([
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 'YAMLSyntax'],
    ['a tab for indentation', 'a:\n\tb: 1\n', 'YAMLSyntax'],
    ['an unclosed quote', 'a: "x\nb: 2\n', 'YAMLSyntax'],
    ['a duplicate key', 'apiVersion: v1\nkind: Service\nkind: Service\n', 'YAMLDuplicateKey'],
    ['a scalar document', 'hello\n', 'NotAnObject'],
    ['a list document', '- a\n- b\n', 'NotAnObject'],
    ['no apiVersion', 'kind: Service\nmetadata: {name: a}\n', 'MissingApiVersion'],
    ['no kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'MissingKind'],
    ['no name', 'apiVersion: v1\nkind: Service\n', 'MissingName'],
    ['a __proto__ key', 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n__proto__: {polluted: true}\n', 'UnsafeKey'],
  ])('%s', (_what, text, code) => {
    expect(codes(text)).toContain(code);
    for (const d of one(text).diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('points at the repeated key', () => {
    const d = one('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nkind: Service\n').diagnostics[0];
    expect(d).toMatchObject({ code: 'YAMLDuplicateKey', line: 4, column: 1 });
  });

  it('refuses a billion-laughs document and keeps the others', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = one(`${route('ok')}---\n${levels.join('\n')}\n`);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['YAMLAliasBomb', 7]]);
    expect(r.resources).toHaveLength(1);
  });

  it('refuses an alias that contains itself', () => {
    expect(codes('a: &a [*a]\n')).toEqual(expect.arrayContaining([expect.stringMatching(/YAMLAliasBomb|YAMLSyntax|NotAnObject/)]));
  });

  it('keeps one resource per id and reports the duplicate', () => {
    expect(codes(`${route('a')}---\n${route('a')}`)).toEqual(['DuplicateResource']);
  });

  it('reports a syntax error in one document and still reads the others', () => {
    const r = one(`${route('a')}---\nfoo: [1\n---\n${route('b')}`);
    expect(r.resources.map((x) => x.name)).toEqual(['a', 'b']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAMLSyntax']);
  });
});

describe('parse: Secrets never keep their values', () => {
  it('replaces data and stringData in the text itself and says so', () => {
    const r = one('apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ndata:\n  tls.key: c2VjcmV0\nstringData:\n  password: hunter2\n');
    expect(r.files[0]?.text).not.toMatch(/c2VjcmV0|hunter2/);
    expect(r.files[0]?.redacted).toBe(true);
    expect(JSON.stringify(r.resources[0]?.object)).not.toMatch(/c2VjcmV0|hunter2/);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SecretRedacted']);
  });
});
