import { describe, expect, it } from 'vitest';
import { ask, basic, build, gateway, gatewayClass, http, httpRoute, service, to } from '../simulate/testing.js';
import { pathCandidates } from '../simulate/path-candidates.js';
import { buildPathIndex } from './path-index.js';
import type { PathMatch, RouteEntry } from './types.js';

const entry = (path: PathMatch | undefined): RouteEntry => ({
  dialect: 'istio',
  routeKind: 'VirtualService',
  provenance: { resource: 'x' as RouteEntry['provenance']['resource'], ref: { kind: 'VirtualService', namespace: 'n', name: 'v' }, rule: 0, match: 0, path: '' },
  ruleName: null,
  hostname: '*',
  match: path ? { path } : {},
  filters: [],
  action: { kind: 'directResponse', status: 200, body: null },
  timeouts: null,
  retries: null,
  fault: null,
  precedence: null,
  notes: [],
});

// The path index may only narrow the candidates to entries whose path could match (a superset of
// the matching ones), in entry order.
describe('path index', () => {
  const entries = [
    entry({ type: 'Exact', value: '/a/b' }),
    entry({ type: 'PathPrefix', value: '/a' }),
    entry({ type: 'Prefix', value: '/ab' }),
    entry({ type: 'PathPrefix', value: '/', ignoreCase: true }),
    entry({ type: 'RegularExpression', value: '/r.*' }),
    entry(undefined),
    entry({ type: 'Exact', value: '/A/B', ignoreCase: true }),
    entry({ type: 'PathPrefix', value: '/b' }),
  ];
  const index = buildPathIndex(entries);
  it.each([
    ['/a/b', [0, 1, 3, 4, 5, 6]],
    ['/a/b/c', [1, 3, 4, 5]],
    ['/abc', [2, 3, 4, 5]],
    ['/a', [1, 3, 4, 5]],
    ['/a/', [1, 3, 4, 5]],
    ['/b', [3, 4, 5, 7]],
    ['/bb', [3, 4, 5]],
  ])('%s → %j', (path, expected) => {
    expect(pathCandidates(index, path)).toEqual(expected);
  });
});

// Per-request work must not grow with the number of routes (the benchmark asks ≤ 3× from 100 to
// 10,000 routes): the simulator looks only at the entries the indexes yield.
describe('scale', () => {
  const many = (n: number) =>
    build([
      gatewayClass(),
      gateway('gw', [http('http')]),
      service('s'),
      ...Array.from({ length: n }, (_, i) => httpRoute(`r${i}`, { hostnames: [i % 2 === 0 ? 'shop.example.com' : `h${i}.example.com`], rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/p${i}` } }], backendRefs: [to('s')] }] })),
    ]);
  const big = many(4000);
  it.each([
    ['GET http://shop.example.com/p1000/x', 'r1000'],
    ['GET http://h3001.example.com/p3001', 'r3001'],
  ])('%s looks at a handful of entries among thousands', (req, route) => {
    const d = ask(big, req);
    expect(d.route?.name).toBe(route);
    expect(d.trace.filter((t) => t.step === 'match').length).toBeLessThanOrEqual(2);
  });
  it('small vhosts are traced entry by entry', () => {
    const d = ask(basic([httpRoute('r', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/a' } }], backendRefs: [to('a')] }, { matches: [{ path: { type: 'PathPrefix', value: '/b' } }], backendRefs: [to('b')] }] })]), 'GET http://h/a');
    expect(d.trace.filter((t) => t.step === 'match').map((t) => t.result)).toEqual(['matched', 'skipped']);
  });
});
