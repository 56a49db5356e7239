import { describe, expect, it } from 'vitest';
import { ask, backendOf, basic, build, gateway, gatewayClass, http, httpRoute, namespace, service, to } from './testing.js';

const P = (value: string, type = 'PathPrefix') => ({ path: { type, value } });
const H = (name: string, value: string) => ({ name, value });

// gateway-api.md §4.6 items 2–5; apis/v1/httproute_types.go (HTTPRouteRule precedence doc);
// conformance httproute-path-match-order, -method-matching, -header-matching, -query-param-matching.
describe('precedence of matches across all routes of the listener (§4.6)', () => {
  const design = basic([
    httpRoute('one', {
      rules: [
        { matches: [P('/match/')], backendRefs: [to('a')] },
        { matches: [P('/match/exact/one', 'Exact')], backendRefs: [to('b')] },
      ],
    }),
    httpRoute('two', {
      rules: [
        { matches: [P('/match/prefix/')], backendRefs: [to('c')] },
        { matches: [P('/match/prefix/one')], backendRefs: [to('d')] },
      ],
    }),
  ]);
  it.each([
    ['/match/exact/one', 'b', 'Exact beats any prefix'],
    ['/match/exact/one/x', 'a', 'an Exact match does not cover sub-paths'],
    ['/match/prefix/one', 'd', 'longest prefix wins'],
    ['/match/prefix/one/x', 'd', 'longest prefix wins for sub-paths'],
    ['/match/prefix/two', 'c', 'next longest prefix'],
    ['/match/other', 'a', 'the shortest prefix catches the rest'],
  ])('%s → %s (%s)', (path, expected) => {
    expect(backendOf(ask(design, `GET http://h${path}`))).toBe(expected);
  });

  const methods = basic([
    httpRoute('m', {
      rules: [
        { matches: [{ method: 'PATCH' }], backendRefs: [to('a')] },
        { matches: [P('/path5')], backendRefs: [to('b')] },
        { matches: [{ headers: [H('version', 'four')] }], backendRefs: [to('c')] },
      ],
    }),
  ]);
  it('a longer path beats a method match (PATCH /path5)', () => {
    expect(backendOf(ask(methods, 'PATCH http://h/path5'))).toBe('b');
  });
  it('a method match beats more header matches (PATCH / with version: four)', () => {
    expect(backendOf(ask(methods, 'PATCH http://h/', ['version: four']))).toBe('a');
  });

  const headers = basic([
    httpRoute('h', {
      rules: [
        { matches: [{ headers: [H('version', 'two')] }], backendRefs: [to('a')] },
        { matches: [{ headers: [H('version', 'two'), H('color', 'orange')] }], backendRefs: [to('b')] },
        { matches: [{ queryParams: [{ name: 'animal', value: 'hydra' }] }], backendRefs: [to('c')] },
        { matches: [{ headers: [H('version', 'four')] }], backendRefs: [to('d')] },
        { matches: [{ headers: [H('version', 'two')], queryParams: [{ name: 'animal', value: 'whale' }] }], backendRefs: [to('e')] },
      ],
    }),
  ]);
  it.each([
    [['version: two', 'color: orange'], '/', 'b', 'more header matches win'],
    [['version: four'], '/?animal=hydra', 'd', 'header count is compared before query count'],
    [['version: two'], '/?animal=whale', 'e', 'same headers, more query params win'],
    [['version: two'], '/', 'a', 'the only match'],
  ])('%j %s → %s (%s)', (hs, path, expected) => {
    expect(backendOf(ask(headers, `GET http://h${path}`, hs))).toBe(expected);
  });
});

// gateway-api.md §4.6 item 1; apis/v1/httproute_types.go (Hostnames): the most specific matching
// hostname wins, across routes; conformance httproute-matching-across-routes.
describe('hostname specificity comes first (§4.6 item 1)', () => {
  const design = basic([
    httpRoute('any', { rules: [{ matches: [P('/long/path/here')], backendRefs: [to('a')] }] }, 'default', '2020-01-01T00:00:00Z'),
    httpRoute('wild', { hostnames: ['*.example.com'], rules: [{ backendRefs: [to('b')] }] }),
    httpRoute('exact', { hostnames: ['a.example.com'], rules: [{ matches: [P('/only')], backendRefs: [to('c')] }] }),
  ]);
  it.each([
    ['a.example.com', '/only', 'c', 'exact hostname route'],
    ['a.example.com', '/long/path/here', 'b', 'a wildcard hostname beats a route without hostnames, even with a longer path'],
    ['a.example.com', '/other', 'b', 'rules of less specific hostnames still serve what the exact route does not match'],
    ['z.example.com', '/only', 'b', 'wildcard route'],
    ['other.org', '/long/path/here', 'a', 'only the route without hostnames serves other.org'],
    ['other.org', '/only', 404, 'nothing for other.org/only'],
    ['example.com', '/only', 404, '*.example.com does not match example.com'],
  ])('%s%s → %s (%s)', (host, path, expected, _why) => {
    expect(backendOf(ask(design, `GET http://${host}${path}`))).toBe(expected);
  });
});

// gateway-api.md §4.6 items 6–8.
describe('ties: oldest route, then namespace/name, then rule and match order (§4.6 items 6–8)', () => {
  it('the oldest route wins', () => {
    const d = basic([
      httpRoute('aaa', { rules: [{ matches: [P('/x')], backendRefs: [to('a')] }] }, 'default', '2024-05-01T00:00:00Z'),
      httpRoute('zzz', { rules: [{ matches: [P('/x')], backendRefs: [to('b')] }] }, 'default', '2023-05-01T00:00:00Z'),
    ]);
    expect(backendOf(ask(d, 'GET http://h/x'))).toBe('b');
  });
  it('equal ages fall through to namespace/name, and the note says ages were unknown', () => {
    const d = build([
      gatewayClass(),
      gateway('gw', [http('http')]),
      service('a', 'foo'),
      service('b', 'foo'),
      namespace('foo'),
      httpRoute('baz', { parentRefs: [{ name: 'gw', namespace: 'default' }], rules: [{ matches: [P('/x')], backendRefs: [to('b')] }] }, 'foo'),
      httpRoute('bar', { parentRefs: [{ name: 'gw', namespace: 'default' }], rules: [{ matches: [P('/x')], backendRefs: [to('a')] }] }, 'foo'),
    ]);
    const decision = ask(d, 'GET http://h/x');
    expect(decision.route?.name).toBe('bar');
    expect(decision.notes.map((n) => n.code)).toContain('AgeUnknown');
  });
  it.each([
    ['a route without creationTimestamp is newer than one with it, whatever its name (DESIGN.md)', undefined, '2024-05-01T00:00:00Z', 'b'],
    ['the same in the other order', '2024-05-01T00:00:00Z', undefined, 'a'],
    ['two routes without creationTimestamp are equally old: namespace/name decides', undefined, undefined, 'a'],
  ])('%s', (_what, aaa, zzz, backend) => {
    const d = basic([
      httpRoute('aaa', { rules: [{ matches: [P('/x')], backendRefs: [to('a')] }] }, 'default', aaa),
      httpRoute('zzz', { rules: [{ matches: [P('/x')], backendRefs: [to('b')] }] }, 'default', zzz),
    ]);
    expect(backendOf(ask(d, 'GET http://h/x'))).toBe(backend);
  });
  it('within a route the first rule, then the first match, wins', () => {
    const d = basic([
      httpRoute('r', {
        rules: [
          { matches: [{ headers: [H('a', '1')] }, P('/x')], backendRefs: [to('a')] },
          { matches: [P('/x')], backendRefs: [to('b')] },
        ],
      }),
    ]);
    const decision = ask(d, 'GET http://h/x');
    expect([decision.rule, decision.match, backendOf(decision)]).toEqual([0, 1, 'a']);
  });
  it('a header match in one route beats PathPrefix / in another (httproute-matching-across-routes)', () => {
    const d = basic([
      httpRoute('r1', { rules: [{ backendRefs: [to('a')] }] }, 'default', '2020-01-01T00:00:00Z'),
      httpRoute('r2', { rules: [{ matches: [{ headers: [H('version', 'two')] }], backendRefs: [to('b')] }] }),
    ]);
    expect(backendOf(ask(d, 'GET http://h/', ['version: two']))).toBe('b');
    expect(backendOf(ask(d, 'GET http://h/'))).toBe('a');
  });
});
