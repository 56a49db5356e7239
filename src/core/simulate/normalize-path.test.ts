import { describe, expect, it } from 'vitest';
import { design, ask as askIstio } from '../compile/istio/test-kit.js';
import { normalizePath, normalizePathAndQuery } from './normalize-path.js';
import { ask, basic, httpRoute, to } from './testing.js';

// Istio's default pathNormalization BASE = Envoy normalize_path (RFC 3986): unreserved escapes
// decoded (§2.3, §6.2.2.2), other escapes kept (%2F, %5C), backslash as slash, dot segments
// removed (§5.2.4), repeated slashes kept.
describe('normalizePath (Envoy normalize_path under Istio BASE)', () => {
  it.each([
    ['/', '/'],
    ['/shop/', '/shop/'],
    ['/shop/../admin', '/admin'],
    ['/shop/./cart', '/shop/cart'],
    ['/shop/cart/.', '/shop/cart/'],
    ['/shop/cart/..', '/shop/'],
    ['/..', '/'],
    ['/../../admin', '/admin'],
    ['/shop//../admin', '/shop/admin'],
    ['/shop//', '/shop//'],
    ['/shop/%2E%2E/admin', '/admin'],
    ['/shop/%2e./admin', '/admin'],
    ['/shop/.%2E', '/'],
    ['/%61dmin', '/admin'],
    ['/v%31/%7Euser', '/v1/~user'],
    ['/shop/%2Fadmin', '/shop/%2Fadmin'],
    ['/shop/%2f..%2fadmin', '/shop/%2f..%2fadmin'],
    ['/shop%5C..%5Cadmin', '/shop%5C..%5Cadmin'],
    ['/a%20b/%3F', '/a%20b/%3F'],
    ['/shop\\admin', '/shop/admin'],
    ['/shop\\..\\admin', '/admin'],
    ['/...', '/...'],
    ['/..;/admin', '/..;/admin'],
  ])('%s → %s', (input, output) => {
    expect(normalizePath(input)).toBe(output);
  });
  it('keeps the query as sent', () => {
    expect(normalizePathAndQuery('/shop/../admin?next=/../x&%61=1')).toBe('/admin?next=/../x&%61=1');
  });
  it('is idempotent', () => {
    for (const p of ['/a/../b/%2E/c', '/x//y/..', '/%2e%2e/%2e']) expect(normalizePath(normalizePath(p))).toBe(normalizePath(p));
  });
});

const routes = [
  httpRoute('r', {
    rules: [
      { matches: [{ path: { type: 'PathPrefix', value: '/public' } }], backendRefs: [to('a')] },
      { matches: [{ path: { type: 'PathPrefix', value: '/admin' } }], backendRefs: [to('b')] },
    ],
  }),
];

describe('the simulator routes the normalised path (Gateway API)', () => {
  const d = basic(routes);
  it.each([
    ['/public/../admin', 'b', '/admin'],
    ['/public/%2E%2E/admin?x=1', 'b', '/admin?x=1'],
    ['/public/%2e%2e/admin', 'b', '/admin'],
    ['/public\\..\\admin', 'b', '/admin'],
    ['/public/%2Fadmin', 'a', '/public/%2Fadmin'],
    ['/public/x', 'a', '/public/x'],
  ])('GET %s → %s, the backend receives %s', (path, backend, received) => {
    const decision = ask(d, `GET http://h${path}`);
    expect([decision.backends[0]?.name, decision.request?.path]).toEqual([backend, received]);
  });
  it('the trace and the notes show the normalised path', () => {
    const decision = ask(d, 'GET http://h/public/../admin');
    expect(decision.trace[0]).toMatchObject({ step: 'request', ref: '/public/../admin', result: 'matched', reason: 'path normalised: /public/../admin → /admin' });
    expect(decision.notes.some((n) => n.message.startsWith('path normalised: /public/../admin → /admin'))).toBe(true);
  });
  it('a path already normal gets no step and no note', () => {
    const decision = ask(d, 'GET http://h/public/x');
    expect(decision.trace.some((t) => t.step === 'request')).toBe(false);
    expect(decision.notes.some((n) => n.message.startsWith('path normalised'))).toBe(false);
  });
});

describe('the simulator routes the normalised path (Istio, gateway and mesh)', () => {
  const yaml = `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: v1
kind: Service
metadata: {name: public, namespace: shop}
spec: {ports: [{port: 80, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: admin, namespace: shop}
spec: {ports: [{port: 80, name: http}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: ["*", public.shop.svc.cluster.local]
  gateways: [gw, mesh]
  http:
  - match: [{uri: {prefix: /admin}}]
    route: [{destination: {host: admin}}]
  - route: [{destination: {host: public}}]
`;
  const d = design(yaml);
  it('at the gateway', () => {
    const decision = askIstio(d, 'GET http://h/public/%2E%2E/admin');
    expect([decision.backends[0]?.name, decision.request?.path]).toEqual(['admin', '/admin']);
  });
  it('in the mesh', () => {
    const decision = askIstio(d, 'GET http://public.shop/x/../admin/', { from: 'shop/web' });
    expect([decision.backends[0]?.name, decision.request?.path, decision.trace[0]?.step]).toEqual(['admin', '/admin/', 'request']);
  });
});
