import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFaults, headersOf } from './testing.js';

/**
 * diff over generated mesh designs (GAMMA HTTPRoutes on Service shop/a, from its own namespace or a
 * consumer namespace): two independent designs, so most pairs differ. Every witness shows its
 * change, skipping alike sites loses no class, and every request of a grid that behaves
 * differently falls in a reported class.
 */
const GWV = 'gateway.networking.k8s.io/v1';
const services = ['a', 'b', 'c'].map((n) => JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: n, namespace: 'shop' }, spec: { ports: [{ name: 'http', port: 80 }] } }));

const match = fc.record({ path: fc.constantFrom(null, '/x', '/x/y', '/z'), header: fc.constantFrom(null, '1', '2') }).map((m) => ({
  ...(m.path ? { path: { type: 'PathPrefix', value: m.path } } : {}),
  ...(m.header ? { headers: [{ name: 'x-h', value: m.header }] } : {}),
}));
const backend = fc.record({ name: fc.constantFrom('a', 'b', 'c'), weight: fc.constantFrom(undefined, 0, 1, 3) }).map((b) => ({ name: b.name, namespace: 'shop', port: 80, ...(b.weight === undefined ? {} : { weight: b.weight }) }));
const rule = fc.record({ matches: fc.array(match, { maxLength: 2 }), backendRefs: fc.array(backend, { minLength: 1, maxLength: 2 }), setHeader: fc.boolean() }).map((r) => ({
  ...(r.matches.length > 0 ? { matches: r.matches } : {}),
  ...(r.setHeader ? { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-set', value: 'v' }] } }] } : {}),
  backendRefs: r.backendRefs,
}));
const routeArb = fc.record({ ns: fc.constantFrom('shop', 'client'), rules: fc.array(rule, { minLength: 1, maxLength: 3 }) });
const designArb = fc.array(routeArb, { maxLength: 3 }).map((routes) => [...services, ...routes.map((r, i) => JSON.stringify({
  apiVersion: GWV, kind: 'HTTPRoute', metadata: { name: `m${i}`, namespace: r.ns },
  spec: { parentRefs: [{ group: '', kind: 'Service', name: 'a', namespace: 'shop', port: 80 }], rules: r.rules },
}))].join('\n---\n'));

const requestArb = fc.record({
  from: fc.constantFrom('shop', 'client', 'other'),
  method: fc.constantFrom('GET', 'POST'),
  path: fc.constantFrom('/', '/x', '/x/y', '/x/yz', '/z/1', '/q'),
  header: fc.constantFrom(null, '1', '2', '3'),
});

describe('diff properties over generated mesh designs', () => {
  it('witnesses show their change; the shortcut loses no class; every grid request that changes is in a class', () => {
    fc.assert(fc.property(designArb, designArb, fc.array(requestArb, { minLength: 1, maxLength: 15 }), (before, after, requests) => {
      const grid = requests.map((q) => ({ request: `${q.method} http://a.shop.svc.cluster.local${q.path}`, headers: headersOf(q.header), gateway: null, mesh: { from: `${q.from}/client-app` } }));
      expect(diffFaults(before, after, grid)).toEqual([]);
    }), { numRuns: 60 });
  });
});
