import { describe, expect, it } from 'vitest';
import { ask, backendOf, basic, httpRoute, to } from './testing.js';

const one = (match: Record<string, unknown>) => basic([httpRoute('r', { rules: [{ matches: [match], backendRefs: [to('a')] }] })]);
const hits = (match: Record<string, unknown>, request: string, headers: string[] = []): boolean => backendOf(ask(one(match), request, headers)) === 'a';

// gateway-api.md §4.2; apis/v1/httproute_types.go (PathMatchType); conformance
// httproute-exact-path-matching, httproute-matching (`/v2example` does not match `/v2`).
describe('path matching (§4.2)', () => {
  it.each([
    ['Exact', '/abc', '/abc', true],
    ['Exact', '/abc', '/abc/', false],
    ['Exact', '/abc', '/Abc', false],
    ['Exact', '/abc', '/abcd', false],
    ['Exact', '/abc', '/abc?x=1', true],
    ['PathPrefix', '/foo', '/foo', true],
    ['PathPrefix', '/foo', '/foo/', true],
    ['PathPrefix', '/foo', '/foo/bar', true],
    ['PathPrefix', '/foo', '/foobar', false],
    ['PathPrefix', '/foo/', '/foo', true],
    ['PathPrefix', '/foo/', '/foo/bar', true],
    ['PathPrefix', '/foo/', '/foobar', false],
    ['PathPrefix', '/v2', '/v2example', false],
    ['PathPrefix', '/', '/anything/at/all', true],
    ['PathPrefix', '/Foo', '/foo', false],
    ['RegularExpression', '/items/[0-9]+', '/items/42', true],
    ['RegularExpression', '/items/[0-9]+', '/items/42/x', false],
  ])('%s %s vs %s → %s', (type, value, path, expected) => {
    expect(hits({ path: { type, value } }, `GET http://h.example.com${path}`)).toBe(expected);
  });

  it('notes that regular expressions are implementation-specific', () => {
    const d = ask(one({ path: { type: 'RegularExpression', value: '/x.*' } }), 'GET http://h/xyz');
    expect(d.notes.map((n) => n.code)).toContain('ImplementationSpecific');
  });
});

// gateway-api.md §4.3: names case-insensitive, values exact; a repeated header is comma-joined.
describe('header matching (§4.3)', () => {
  it.each([
    [{ name: 'X-Canary', value: '1' }, ['x-canary: 1'], true],
    [{ name: 'x-canary', value: '1' }, ['X-CANARY: 1'], true],
    [{ name: 'x-canary', value: 'yes' }, ['x-canary: YES'], false],
    [{ name: 'x-canary', value: '1' }, [], false],
    [{ name: 'x-v', type: 'RegularExpression', value: 'v[0-9]' }, ['x-v: v7'], true],
    [{ name: 'x-v', type: 'RegularExpression', value: 'v[0-9]' }, ['x-v: v77'], false],
    [{ name: 'x-a', value: '1,2' }, ['x-a: 1', 'x-a: 2'], true],
  ])('%j with %j → %s', (header, headers, expected) => {
    expect(hits({ headers: [header] }, 'GET http://h/', headers)).toBe(expected);
  });

  it('says why a header condition fails', () => {
    const d = ask(one({ headers: [{ name: 'x-canary', value: '1' }] }), 'GET http://h/');
    expect(d.status).toBe(404);
    expect(d.trace.some((t) => t.reason === 'header x-canary absent')).toBe(true);
  });

  it('only the first of two header matches with the same name counts', () => {
    const m = { headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] };
    expect(hits(m, 'GET http://h/', ['x-a: 1'])).toBe(true);
  });
});

// gateway-api.md §4.4: query names are case-sensitive; repeated parameters use the first value.
describe('query parameter matching (§4.4)', () => {
  it.each([
    ['animal', 'whale', '/?animal=whale', true],
    ['animal', 'whale', '/?ANIMAL=Whale', false],
    ['ANIMAL', 'Whale', '/?ANIMAL=Whale', true],
    ['animal', 'whale', '/?animal=dolphin&animal=whale', false],
    ['animal', 'whale', '/?animal=whale&animal=dolphin', true],
    ['q', 'a b', '/?q=a%20b', true],
  ])('%s=%s with %s → %s', (name, value, path, expected) => {
    expect(hits({ queryParams: [{ name, value }] }, `GET http://h${path}`)).toBe(expected);
  });
});

// gateway-api.md §4.5: method is an exact match.
describe('method matching (§4.5)', () => {
  it.each([
    ['GET', 'GET', true],
    ['GET', 'POST', false],
    ['PATCH', 'PATCH', true],
  ])('%s vs %s → %s', (method, sent, expected) => {
    expect(hits({ method }, `${sent} http://h/`)).toBe(expected);
  });
});

// gateway-api.md §4.1: a rule matches if any of its matches does; inside one match every condition must hold.
describe('AND inside a match, OR across matches (§4.1)', () => {
  const r = basic([
    httpRoute('r', {
      rules: [{ matches: [{ path: { type: 'Exact', value: '/a' }, method: 'POST' }, { headers: [{ name: 'x', value: '1' }] }], backendRefs: [to('a')] }],
    }),
  ]);
  it.each([
    ['POST http://h/a', [], 'a'],
    ['GET http://h/a', [], 404],
    ['GET http://h/zzz', ['x: 1'], 'a'],
  ])('%s %j → %s', (req, headers, expected) => {
    expect(backendOf(ask(r, req, headers))).toBe(expected);
  });
  it('reports the match index that matched', () => {
    expect(ask(r, 'GET http://h/zzz', ['x: 1']).match).toBe(1);
  });
});
