import { describe, expect, it } from 'vitest';
import { codes, convertText } from './test-helpers.js';

// A route that attaches nowhere routes no request: leaving it out changes no answer, but the
// user's object never vanishes without a loss entry (so `convert` exits 3, not 0).
const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;
const route = (kind: string, parentRefs: string): string => `---
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: r, namespace: shop}
spec:
${parentRefs}  rules: [{backendRefs: [{name: a, port: 80}]}]
`;
const SVC = `---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {ports: [{port: 80}]}
`;

describe('Gateway API → Istio: a route left out is reported', () => {
  it.each([
    ['an HTTPRoute without parentRefs', route('HTTPRoute', ''), ['NoParentRefs']],
    ['a GRPCRoute with parentRefs: []', route('GRPCRoute', '  parentRefs: []\n'), ['NoParentRefs']],
    ['an HTTPRoute its Gateway does not admit (other namespace, from: Same)', GW + route('HTTPRoute', '  parentRefs: [{name: edge, namespace: infra}]\n'), ['RouteNotAttached']],
    ['an HTTPRoute naming a section the Gateway lacks', GW + route('HTTPRoute', '  parentRefs: [{name: edge, namespace: infra, sectionName: https}]\n'), ['RouteNotAttached']],
    ['a route on a Service port the Service lacks', route('HTTPRoute', '  parentRefs: [{group: "", kind: Service, name: a, port: 81}]\n'), ['RouteNotAttached']],
    ['a non-Gateway parent (already reported)', route('HTTPRoute', '  parentRefs: [{group: multicluster.x-k8s.io, kind: ServiceImport, name: a}]\n'), ['UnsupportedKind']],
  ])('%s → %j', (_, text, expected) => {
    const { result } = convertText(text + SVC, { to: 'istio' });
    expect(codes(result)).toEqual(expected);
    expect(result.items.map((o) => o.kind)).toEqual(text.startsWith('apiVersion') ? ['Gateway', 'Service'] : ['Service']);
  });
  it('a route accepted but left no host by listener isolation gets a note, not a loss (gateway-api.md §2.3)', () => {
    const gw = GW.replace('[{name: http, port: 80, protocol: HTTP}]', '[{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}, {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com"}]');
    const { result } = convertText(gw + route('HTTPRoute', '  parentRefs: [{name: edge, namespace: infra}]\n  hostnames: ["*.example.com"]\n') + SVC, { to: 'istio' });
    expect([codes(result), result.notes.filter((n) => n.resource.kind === 'HTTPRoute').map((n) => n.code)]).toEqual([[], ['ListenerIsolation']]);
  });
  it('a route that attaches gets no such entry', () => {
    const { result } = convertText(GW.replace('protocol: HTTP}', 'protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}') + route('HTTPRoute', '  parentRefs: [{name: edge, namespace: infra}]\n') + SVC, { to: 'istio' });
    expect(codes(result)).toEqual([]);
    expect(result.items.map((o) => o.kind)).toEqual(['Gateway', 'VirtualService', 'Service']);
  });
});

describe('Istio → Gateway API: a VirtualService left out is reported', () => {
  const vs = (spec: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: shop}
spec:
${spec}`;
  it('one without http, tls or tcp rules → NoRules', () => {
    const { result } = convertText(vs('  hosts: [a]\n') + SVC, { to: 'gateway-api' });
    expect([codes(result), result.items.map((o) => o.kind)]).toEqual([['NoRules'], ['Service']]);
  });
  it('one with rules converts, with no NoRules entry', () => {
    const { result } = convertText(vs('  hosts: [a]\n  http: [{route: [{destination: {host: a}}]}]\n') + SVC, { to: 'gateway-api' });
    expect([codes(result), result.items.map((o) => o.kind)]).toEqual([[], ['HTTPRoute', 'Service']]);
  });
});
