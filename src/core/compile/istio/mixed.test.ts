import { describe, expect, it } from 'vitest';
import { ask, design, shares } from './test-kit.js';

// DESIGN.md: both dialects compile into one RouteTable and the simulator says which one decided.
// The same prefix written in both dialects behaves differently (istio.md §9.2; gateway-api.md §4.2).
const MIXED = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: "*.shop.example.com", allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  hostnames: [www.shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /cart}}]
    backendRefs: [{name: cart, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart-mesh, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: cart, port: 8080}]
  rules:
  - backendRefs: [{name: cart-v2, port: 8080}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ingress, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [api.example.com]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api, namespace: shop}
spec:
  hosts: [api.example.com, reviews]
  gateways: [istio-system/ingress, mesh]
  http:
  - match: [{uri: {prefix: /cart}}]
    route: [{destination: {host: cart, port: {number: 8080}}}]
  - route: [{destination: {host: reviews, subset: v1}}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart-v2, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec: {ports: [{port: 9080, name: http}]}
`;

describe('a design mixing the Gateway API and Istio', () => {
  const c = design(MIXED);

  it('compiles both dialects into one table, gateways sorted by namespace/name', () => {
    expect(c.table.gateways.map((g) => `${g.dialect} ${g.ref.namespace}/${g.ref.name}`)).toEqual(['gateway-api infra/edge', 'istio istio-system/ingress']);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    // Gateway API: PathPrefix /cart is element-wise, so /cartoon is not matched.
    ['GET http://www.shop.example.com/cart/1', 'gateway-api', 200, ['cart=1'], 'infra/edge'],
    ['GET http://www.shop.example.com/cartoon', 'gateway-api', 404, [], 'infra/edge'],
    // Istio: prefix /cart is a string prefix, so /cartoon is matched.
    ['GET http://api.example.com/cart/1', 'istio', 200, ['cart=1'], 'istio-system/ingress'],
    ['GET http://api.example.com/cartoon', 'istio', 200, ['cart=1'], 'istio-system/ingress'],
    ['GET http://api.example.com/other', 'istio', 200, ['reviews:v1=1'], 'istio-system/ingress'],
  ])('%s → %s %i %j', (request, dialect, status, expected, gateway) => {
    const d = ask(c, request);
    expect(d.dialect).toBe(dialect);
    expect(d.status).toBe(status);
    expect(shares(d)).toEqual(expected);
    expect(`${d.gateway?.namespace}/${d.gateway?.name}`).toBe(gateway);
  });

  it('in the mesh, GAMMA routes and Istio mesh routes each decide for their own Service', () => {
    const gamma = ask(c, 'GET http://cart:8080/', { from: 'shop/web' });
    expect(gamma.dialect).toBe('gateway-api');
    expect(shares(gamma)).toEqual(['cart-v2=1']);
    const istio = ask(c, 'GET http://reviews:9080/', { from: 'shop/web' });
    expect(istio.dialect).toBe('istio');
    expect(shares(istio)).toEqual(['reviews:v1=1']);
  });

  it('--gateway names a gateway of either dialect', () => {
    expect(ask(c, 'GET http://api.example.com/x', { gateway: 'infra/edge' }).status).toBe(404);
    expect(ask(c, 'GET http://api.example.com/x', { gateway: 'istio-system/ingress' }).status).toBe(200);
  });
});
