import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFaults, headersOf } from './testing.js';

/**
 * diff over two independent random Gateway API designs on one Gateway (listener hostnames,
 * route hostnames, path / method / header / query matches, weights, header filters, redirects):
 * every witness shows its change, skipping alike sites loses no class, and every request of a
 * grid that behaves differently falls in a reported class.
 */
const GWV = 'gateway.networking.k8s.io/v1';
const fixed = [
  { apiVersion: GWV, kind: 'GatewayClass', metadata: { name: 'gc' }, spec: { controllerName: 'example.com/gateway' } },
  ...['a', 'b'].map((n) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: n, namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } })),
];
const listener = fc.constantFrom(undefined, 'a.example.com', '*.example.com').map((hostname) => ({ apiVersion: GWV, kind: 'Gateway', metadata: { name: 'gw', namespace: 'default' }, spec: { gatewayClassName: 'gc', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', ...(hostname ? { hostname } : {}) }] } }));
const match = fc.record({
  path: fc.constantFrom(null, ['PathPrefix', '/x'], ['PathPrefix', '/x/y'], ['Exact', '/x'], ['PathPrefix', '/z']),
  method: fc.constantFrom(null, 'GET', 'POST'),
  header: fc.constantFrom(null, '1', '2'),
  query: fc.constantFrom(null, 'q'),
}).map((m) => ({
  ...(m.path ? { path: { type: m.path[0], value: m.path[1] } } : {}),
  ...(m.method ? { method: m.method } : {}),
  ...(m.header ? { headers: [{ name: 'x-h', value: m.header }] } : {}),
  ...(m.query ? { queryParams: [{ name: 'v', value: m.query }] } : {}),
}));
const backend = fc.record({ name: fc.constantFrom('a', 'b', 'missing'), weight: fc.constantFrom(undefined, 0, 1, 3) }).map((b) => ({ name: b.name, port: 80, ...(b.weight === undefined ? {} : { weight: b.weight }) }));
const rule = fc.record({ matches: fc.array(match, { maxLength: 2 }), backendRefs: fc.array(backend, { minLength: 1, maxLength: 2 }), filter: fc.constantFrom(null, 'set', 'redirect') }).map((r) => ({
  ...(r.matches.length > 0 ? { matches: r.matches } : {}),
  ...(r.filter === 'set' ? { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-set', value: 'v' }] } }] } : {}),
  ...(r.filter === 'redirect' ? { filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'elsewhere.example.com' } }] } : { backendRefs: r.backendRefs }),
}));
const routeArb = fc.record({ hostnames: fc.constantFrom([], ['a.example.com'], ['b.example.com'], ['*.example.com']), rules: fc.array(rule, { minLength: 1, maxLength: 3 }) });
const designArb = fc.record({ gateway: listener, routes: fc.array(routeArb, { maxLength: 3 }) }).map((d) => [...fixed, d.gateway, ...d.routes.map((r, i) => ({
  apiVersion: GWV, kind: 'HTTPRoute', metadata: { name: `r${i}`, namespace: 'default' },
  spec: { parentRefs: [{ name: 'gw' }], ...(r.hostnames.length > 0 ? { hostnames: r.hostnames } : {}), rules: r.rules },
}))].map((o) => JSON.stringify(o)).join('\n---\n'));

const requestArb = fc.record({
  host: fc.constantFrom('a.example.com', 'b.example.com', 'c.example.com', 'other.test'),
  method: fc.constantFrom('GET', 'POST'),
  path: fc.constantFrom('/', '/x', '/x/y', '/x/yz', '/z/1', '/q', '/x?v=q', '/?v=q', '/x/y?v=r'),
  header: fc.constantFrom(null, '1', '2', '3'),
});

describe('diff properties over two random Gateway API designs', () => {
  it('witnesses show their change; the shortcut loses no class; every grid request that changes is in a class', () => {
    fc.assert(fc.property(designArb, designArb, fc.array(requestArb, { minLength: 1, maxLength: 15 }), (before, after, requests) => {
      const grid = requests.map((q) => ({ request: `${q.method} http://${q.host}${q.path}`, headers: headersOf(q.header), gateway: 'default/gw', mesh: null }));
      expect(diffFaults(before, after, grid)).toEqual([]);
    }), { numRuns: 60 });
  });
});
