import { describe, expect, it } from 'vitest';
import { ask, build, namespace, route, service, to } from './testing.js';

const svcParent = (name: string, ns: string, extra: Record<string, unknown> = {}) => ({ parentRefs: [{ group: '', kind: 'Service', name, namespace: ns, ...extra }] });

// gateway-api.md §3.5; GEP-1294 ("producer"/"consumer" routes); conformance mesh-consumer-route,
// mesh-frontend.
describe('GAMMA mesh routing (§3.5)', () => {
  const d = build([
    namespace('shop'),
    namespace('web'),
    namespace('batch'),
    service('cart', 'shop', [80, 9090]),
    service('cart-v1', 'shop'),
    service('cart-v2', 'shop'),
    service('other', 'shop'),
    route('HTTPRoute', 'producer', { ...svcParent('cart', 'shop', { port: 80 }), rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/v2' } }], backendRefs: [to('cart-v2')] }, { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [to('cart-v1')] }] }, 'shop'),
    route('HTTPRoute', 'consumer', { ...svcParent('cart', 'shop'), rules: [{ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-from', value: 'web' }] } }], backendRefs: [{ name: 'cart-v1', namespace: 'shop', port: 80 }] }] }, 'web'),
  ]);
  const from = (ns: string) => ({ mesh: { namespace: ns, workload: 'client', labels: {} } });
  it('producer routes apply to clients in other namespaces', () => {
    const decision = ask(d, 'GET http://cart.shop/v2/items', [], from('batch'));
    expect([decision.status, decision.backends[0]?.name, decision.gateway, decision.listener]).toEqual([200, 'cart-v2', { kind: 'Service', namespace: 'shop', name: 'cart' }, 'p80']);
  });
  it('a consumer route replaces the producer routes for clients in its namespace (no ReferenceGrant needed)', () => {
    const decision = ask(d, 'GET http://cart.shop.svc.cluster.local/v2/items', [], from('web'));
    expect([decision.backends[0]?.name, decision.request?.headers['x-from'], decision.route?.name]).toEqual(['cart-v1', 'web', 'consumer']);
  });
  it('short names resolve in the client namespace', () => {
    expect(ask(d, 'GET http://cart/api', [], from('shop')).backends[0]?.name).toBe('cart-v1');
  });
  it('once routes are attached, a request no rule matches is rejected', () => {
    expect(ask(d, 'GET http://cart.shop/nothing', [], from('batch')).status).toBe(404);
  });
  it('a port the producer route does not cover, or a Service without routes, goes straight to the Service', () => {
    const p = ask(d, 'GET http://cart.shop:9090/v2', [], from('batch'));
    expect([p.status, p.backends[0]?.name]).toEqual([200, 'cart']);
    const o = ask(d, 'GET http://other.shop/', [], from('batch'));
    expect([o.status, o.backends[0]?.name]).toEqual([200, 'other']);
  });
  it('a Service absent from the design → 503 with a note', () => {
    const decision = ask(d, 'GET http://ghost.shop/', [], from('batch'));
    expect(decision.status).toBe(503);
    expect(decision.notes[0]?.code).toBe('NotInDesign');
  });
  it('parentRef to a Service port that does not exist → NoMatchingParent', () => {
    const e = build([service('cart', 'shop'), route('HTTPRoute', 'r', { ...svcParent('cart', 'shop', { port: 81 }), rules: [{ backendRefs: [to('cart')] }] }, 'shop')]);
    expect(e.status.items[0]?.status.parents?.[0]?.conditions[0]).toMatchObject({ status: 'False', reason: 'NoMatchingParent' });
  });
});

// gateway-api.md §3.5 and §8: a TCPRoute with a Service parent takes the connections to that
// Service port; HTTPRoutes of the same Service never take a connection, nor TCPRoutes a request.
describe('GAMMA TCPRoute (§3.5, §8)', () => {
  const d = build([
    namespace('shop'),
    service('db', 'shop', [5432, 80]),
    service('db-v2', 'shop', [5432]),
    route('TCPRoute', 'tcp', { ...svcParent('db', 'shop', { port: 5432 }), rules: [{ backendRefs: [{ name: 'db-v2', port: 5432 }] }] }, 'shop'),
    route('HTTPRoute', 'web', { ...svcParent('db', 'shop'), rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/ui' } }], backendRefs: [{ name: 'db-v2', port: 5432 }] }] }, 'shop'),
  ]);
  const from = { mesh: { namespace: 'shop', workload: 'client', labels: {} } };
  it.each([
    ['TCP tcp://db.shop:5432', 'CONNECTED', 'db-v2', 'tcp'],
    ['TCP tcp://db.shop:80', 'CONNECTED', 'db', null],
    ['GET http://db.shop:5432/ui', 200, 'db-v2', 'web'],
    ['GET http://db.shop:5432/other', 404, undefined, null],
  ])('%s → %s %s', (request, status, backend, routeName) => {
    const decision = ask(d, request, [], from);
    expect([decision.status, decision.backends[0]?.name, decision.route?.name ?? null]).toEqual([status, backend, routeName]);
  });
});
