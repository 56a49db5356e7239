import { describe, expect, it } from 'vitest';
import { codes, convertText, item } from './test-helpers.js';

const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
`;
const route = (name: string, rules: string, hostnames = '[shop.example.com]'): string => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  hostnames: ${hostnames}
  rules:
${rules}`;
type Http = { match?: { uri?: unknown; headers?: unknown; method?: unknown }[]; route?: unknown; redirect?: unknown; rewrite?: unknown; headers?: unknown; directResponse?: unknown; mirrors?: unknown; timeout?: string; retries?: unknown };
const http = (text: string, name = 'cart'): { http: Http[]; loss: string[]; notes: string[] } => {
  const { result } = convertText(text, { to: 'istio', assumeExternal: true });
  const vs = item(result, 'VirtualService', name) as { spec: { http: Http[] } } | undefined;
  return { http: vs?.spec.http ?? [], loss: codes(result), notes: result.notes.map((n) => n.code) };
};

describe('Gateway API → Istio: Gateway (istio.md §4.1)', () => {
  it('one Istio Gateway per listener, named <gateway>-<listener>, selecting the Gateway pods', () => {
    const { result } = convertText(GW.replace('from: All', 'from: Same') + '    - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: wild}]}, allowedRoutes: {namespaces: {from: All}}}\n', { to: 'istio' });
    expect(result.items.map((o) => (o.metadata as { name: string }).name)).toEqual(['edge-http', 'edge-https']);
    expect(item(result, 'Gateway', 'edge-https')).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'edge-https', namespace: 'infra' },
      spec: { selector: { 'gateway.networking.k8s.io/gateway-name': 'edge' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*.example.com'], tls: { mode: 'SIMPLE', credentialName: 'wild' } }] },
    });
    expect((item(result, 'Gateway', 'edge-http') as { spec: { servers: { hosts: string[] }[] } }).spec.servers[0]?.hosts).toEqual(['infra/*']);
  });
});

describe('Gateway API → Istio: HTTPRoute (istio.md §4.3)', () => {
  it('rules in precedence order: Exact before the longest PathPrefix; PathPrefix → exact + prefix/ (istio.md §9.2)', () => {
    const r = http(GW + route('cart', '    - matches: [{path: {type: PathPrefix, value: /api}}]\n      backendRefs: [{name: a, port: 80}]\n    - matches: [{path: {type: Exact, value: /api/x}}]\n      backendRefs: [{name: b, port: 80}]\n'));
    expect(r.http.map((h) => h.match)).toEqual([[{ uri: { exact: '/api/x' } }], [{ uri: { exact: '/api' } }, { uri: { prefix: '/api/' } }]]);
    expect(r.loss).toEqual([]);
  });

  it('weights: weight-0 dropped, a single backend without weight (istio.md §9.3)', () => {
    const r = http(GW + route('cart', '    - backendRefs: [{name: a, port: 80, weight: 3}, {name: b, port: 80, weight: 0}]\n'));
    expect(r.http[0]?.route).toEqual([{ destination: { host: 'a', port: { number: 80 } } }]);
  });

  it('no backends → directResponse 500 (gateway-api.md §6.2)', () => {
    expect(http(GW + route('cart', '    - matches: [{path: {type: Exact, value: /x}}]\n')).http[0]?.directResponse).toEqual({ status: 500 });
  });

  it.each([
    ['RequestRedirect with the Gateway API default code', '{type: RequestRedirect, requestRedirect: {scheme: https}}', 'Exact', { redirect: { scheme: 'https', derivePort: 'FROM_PROTOCOL_DEFAULT', redirectCode: 302 } }],
    ['URLRewrite ReplaceFullPath on an exact match', '{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /new}}}', 'Exact', { rewrite: { uri: '/new' } }],
    ['header modifiers, names lower-cased', '{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-A, value: "1"}], remove: [X-B]}}', 'Exact', { headers: { request: { set: { 'x-a': '1' }, remove: ['x-b'] } } }],
    ['mirror with percent', '{type: RequestMirror, requestMirror: {backendRef: {name: shadow, port: 80}, percent: 10}}', 'Exact', { mirrors: [{ destination: { host: 'shadow', port: { number: 80 } }, percentage: { value: 10 } }] }],
  ])('%s', (_what, filter, type, want) => {
    const backends = filter.includes('Redirect') ? '' : '      backendRefs: [{name: a, port: 80}]\n';
    const r = http(GW + route('cart', `    - matches: [{path: {type: ${type}, value: /x}}]\n      filters: [${filter}]\n${backends}`));
    expect(r.http[0]).toMatchObject(want);
  });

  it('ReplacePrefixMatch: /api → /v2 keeps segment semantics through the exact/prefix split (gateway-api.md §5.4)', () => {
    const r = http(GW + route('cart', '    - matches: [{path: {type: PathPrefix, value: /api}}]\n      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}]\n      backendRefs: [{name: a, port: 80}]\n'));
    expect(r.http.map((h) => [h.match, h.rewrite])).toEqual([
      [[{ uri: { exact: '/api' } }], { uri: '/v2' }],
      [[{ uri: { prefix: '/api/' } }], { uri: '/v2/' }],
    ]);
  });

  it('routes sharing a host are merged into one VirtualService per host, and a note says so', () => {
    const r = http(GW + route('a', '    - matches: [{path: {type: PathPrefix, value: /a}}]\n      backendRefs: [{name: a, port: 80}]\n') + route('b', '    - matches: [{path: {type: PathPrefix, value: /a/b}}]\n      backendRefs: [{name: b, port: 80}]\n'), 'shop-example-com');
    expect(r.http.map((h) => (h.route as { destination: { host: string } }[])[0]?.destination.host)).toEqual(['b', 'a']);
    expect(r.notes).toContain('RoutesMerged');
  });

  it('a cross-namespace backend without a ReferenceGrant is reported (gateway-api.md §3.4)', () => {
    expect(http(GW + route('cart', '    - backendRefs: [{name: pay, namespace: billing, port: 80}]\n')).loss).toEqual(['RefNotPermitted']);
  });

  it('GAMMA routes become mesh VirtualServices; consumer routes are exported to their namespace only (gateway-api.md §3.5)', () => {
    const { result } = convertText('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: m, namespace: client}\nspec:\n  parentRefs: [{group: "", kind: Service, name: cart, namespace: shop}]\n  rules: [{backendRefs: [{name: cart, namespace: shop, port: 80}]}]\n', { to: 'istio', assumeExternal: true });
    expect((item(result, 'VirtualService', 'm') as { spec: unknown }).spec).toEqual({ hosts: ['cart.shop.svc.cluster.local'], http: [{ route: [{ destination: { host: 'cart.shop.svc.cluster.local', port: { number: 80 } } }] }], exportTo: ['.'] });
  });

  it('UDPRoute has no Istio form', () => {
    const { result } = convertText('apiVersion: gateway.networking.k8s.io/v1\nkind: UDPRoute\nmetadata: {name: u, namespace: shop}\nspec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: dns, port: 53}]}]}\n', { to: 'istio' });
    expect(codes(result)).toEqual(['UnsupportedKind']);
  });
});
