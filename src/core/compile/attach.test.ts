import { describe, expect, it } from 'vitest';
import { ask, build, cond, gateway, gatewayClass, http, httpRoute, namespace, route, service, statusOf, to } from '../simulate/testing.js';
import type { KubeObject } from '../resources/types.js';

const accepted = (objects: KubeObject[], name = 'r'): string => cond(statusOf(build(objects), 'HTTPRoute', name).status.parents?.[0]?.conditions, 'Accepted');

const GW_NS = 'infra';
const listener = (name: string, extra: Record<string, unknown> = {}) => ({ name, port: 80, protocol: 'HTTP', ...extra });
const edge = (...listeners: Record<string, unknown>[]) => gateway('gw', listeners as never, GW_NS);
const ref = (extra: Record<string, unknown> = {}) => ({ parentRefs: [{ name: 'gw', namespace: GW_NS, ...extra }] });
const base = [gatewayClass(), namespace(GW_NS), namespace('team', { env: 'prod' }), namespace('dev', { env: 'dev' }), service('s', 'team')];

// gateway-api.md §3.1; apis/v1/shared_types.go (ParentReference); conformance
// httproute-invalid-parentref-not-matching-*, httproute-listener-port-matching.
describe('parentRef sectionName and port (§3.1)', () => {
  const gw = edge(listener('a', { allowedRoutes: { namespaces: { from: 'All' } } }), listener('b', { port: 8080, allowedRoutes: { namespaces: { from: 'All' } } }));
  it.each([
    [{}, 'True/Accepted'],
    [{ sectionName: 'a' }, 'True/Accepted'],
    [{ sectionName: 'zzz' }, 'False/NoMatchingParent'],
    [{ port: 8080 }, 'True/Accepted'],
    [{ port: 9090 }, 'False/NoMatchingParent'],
    [{ sectionName: 'a', port: 8080 }, 'False/NoMatchingParent'],
    [{ sectionName: 'b', port: 8080 }, 'True/Accepted'],
  ])('%j → %s', (extra, expected) => {
    expect(accepted([...base, gw, httpRoute('r', { ...ref(extra), rules: [{ backendRefs: [to('s')] }] }, 'team')])).toBe(expected);
  });
  it('a parent that is not in the design gets no status entry, and a diagnostic', () => {
    const d = build([...base, httpRoute('r', { parentRefs: [{ name: 'nowhere' }] }, 'team')]);
    expect(statusOf(d, 'HTTPRoute', 'r').status.parents).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['ParentNotFound']);
  });
});

// gateway-api.md §3.2; apis/v1/gateway_types.go (AllowedRoutes, RouteNamespaces); conformance
// httproute-invalid-cross-namespace-parent-ref, httproute-disallowed-kind.
describe('allowedRoutes (§3.2)', () => {
  const withFrom = (namespaces: Record<string, unknown>, routeNs: string) =>
    accepted([...base, service('s', 'dev'), service('s', GW_NS), edge(listener('l', { allowedRoutes: { namespaces } })), httpRoute('r', { ...ref(), rules: [{ backendRefs: [to('s')] }] }, routeNs)]);
  it.each([
    [{}, GW_NS, 'True/Accepted', 'default from: Same'],
    [{}, 'team', 'False/NotAllowedByListeners', 'default from: Same'],
    [{ from: 'All' }, 'team', 'True/Accepted', 'All'],
    [{ from: 'Selector', selector: { matchLabels: { env: 'prod' } } }, 'team', 'True/Accepted', 'labels match'],
    [{ from: 'Selector', selector: { matchLabels: { env: 'prod' } } }, 'dev', 'False/NotAllowedByListeners', 'labels differ'],
    [{ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'prod'] }] } }, 'dev', 'True/Accepted', 'In'],
    [{ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] } }, 'dev', 'False/NotAllowedByListeners', 'NotIn'],
    [{ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } }, 'team', 'True/Accepted', 'Exists'],
    [{ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] } }, 'team', 'False/NotAllowedByListeners', 'DoesNotExist'],
    [{ from: 'Selector', selector: { matchLabels: { env: 'prod' } } }, 'ghost', 'False/NotAllowedByListeners', 'a Namespace absent from the design cannot match'],
    // The API server labels every Namespace with kubernetes.io/metadata.name (Kubernetes ≥ 1.21).
    [{ from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'ghost' } } }, 'ghost', 'True/Accepted', 'the name label is known without the Namespace object'],
    [{ from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['dev'] }] } }, 'dev', 'True/Accepted', 'the name label on a Namespace of the design'],
    [{ from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'ghost', env: 'prod' } } }, 'ghost', 'False/NotAllowedByListeners', 'other labels of an absent Namespace stay unknown'],
  ])('%j, route in %s → %s (%s)', (namespaces: Record<string, unknown>, routeNs, expected, _why) => {
    expect(withFrom(namespaces, routeNs)).toBe(expected);
  });
  it('says why in the trace: namespace not allowed by listener', () => {
    const d = build([...base, edge(listener('l')), httpRoute('r', { ...ref(), rules: [{ backendRefs: [to('s')] }] }, 'team')]);
    const t = ask(d, 'GET http://h/').trace.find((s) => s.step === 'route');
    expect(t?.reason).toMatch(/^route r: not attached — namespace team not allowed by listener/);
  });
  it.each([
    [undefined, 'HTTPRoute', 'True/Accepted'],
    [undefined, 'TCPRoute', 'False/NotAllowedByListeners'],
    [[{ kind: 'GRPCRoute' }], 'HTTPRoute', 'False/NotAllowedByListeners'],
    [[{ kind: 'HTTPRoute' }], 'HTTPRoute', 'True/Accepted'],
  ])('kinds %j, a %s → %s', (kinds, kind, expected) => {
    const l = listener('l', { allowedRoutes: { namespaces: { from: 'All' }, ...(kinds ? { kinds } : {}) } });
    const r = route(kind, 'r', { ...ref(), rules: [{ backendRefs: [to('s')] }] }, 'team');
    expect(cond(statusOf(build([...base, edge(l), r]), kind, 'r').status.parents?.[0]?.conditions, 'Accepted')).toBe(expected);
  });
});

// gateway-api.md §3.3; conformance httproute-hostname-intersection, httproute-listener-hostname-matching.
describe('hostname intersection listener × route (§3.3)', () => {
  const gw = gateway('gw', [http('l', '*.example.com')], GW_NS);
  const on = (hostnames: string[]) => build([...base, gw, httpRoute('r', { ...ref(), hostnames, rules: [{ backendRefs: [to('s')] }] }, 'team')]);
  it.each([
    [[], 'True/Accepted'],
    [['a.example.com'], 'True/Accepted'],
    [['*.example.com'], 'True/Accepted'],
    [['*.com'], 'True/Accepted'],
    [['test.example.net'], 'False/NoMatchingListenerHostname'],
    [['example.com'], 'False/NoMatchingListenerHostname'],
  ])('%j → %s', (hostnames, expected) => {
    expect(cond(statusOf(on(hostnames), 'HTTPRoute', 'r').status.parents?.[0]?.conditions, 'Accepted')).toBe(expected);
  });
  it('a route only serves the intersected names', () => {
    const d = on(['a.example.com', 'test.example.net']);
    expect(ask(d, 'GET http://a.example.com/').status).toBe(200);
    expect(ask(d, 'GET http://b.example.com/').status).toBe(404);
  });
  it('a *.com route on a *.example.com listener serves other.example.com', () => {
    expect(ask(on(['*.com']), 'GET http://other.example.com/').status).toBe(200);
  });
  it('a route rejected for its hostname is not counted in attachedRoutes', () => {
    const gwStatus = statusOf(on(['example.net']), 'Gateway', 'gw').status;
    expect(gwStatus.listeners?.[0]?.attachedRoutes).toBe(0);
  });
});

// apis/v1/grpcroute_types.go (Hostnames): HTTPRoute and GRPCRoute never share a hostname on a listener.
describe('HTTPRoute vs GRPCRoute on the same hostname (§4.6)', () => {
  it('the older one is accepted, the other is not', () => {
    const l = listener('l', { allowedRoutes: { namespaces: { from: 'All' } } });
    const d = build([
      ...base,
      edge(l),
      route('GRPCRoute', 'g', { ...ref(), hostnames: ['api.example.com'], rules: [{ backendRefs: [to('s')] }] }, 'team', '2020-01-01T00:00:00Z'),
      route('HTTPRoute', 'h', { ...ref(), hostnames: ['*.example.com'], rules: [{ backendRefs: [to('s')] }] }, 'team', '2021-01-01T00:00:00Z'),
    ]);
    expect(cond(statusOf(d, 'GRPCRoute', 'g').status.parents?.[0]?.conditions, 'Accepted')).toBe('True/Accepted');
    expect(cond(statusOf(d, 'HTTPRoute', 'h').status.parents?.[0]?.conditions, 'Accepted')).toBe('False/NotAllowedByListeners');
  });
});
