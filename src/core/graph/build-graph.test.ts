import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import { validate } from '../validate/index.js';
import { edgeLines, graphOf, short } from './test-helpers.js';


const GW = 'gateway.networking.k8s.io/v1';
const gateway = (listeners: string) => `apiVersion: ${GW}
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
${listeners}`;
const LISTENERS = `    - {name: http, protocol: HTTP, port: 80}
    - {name: https, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: {certificateRefs: [{name: cert}]}}
    - {name: admin, protocol: HTTP, port: 8080}
`;
const route = (parentRef: string, rules = '  rules: [{backendRefs: [{name: web, port: 80}]}]') => `---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [${parentRef}]
${rules}
`;
const service = (name: string, ns = 'infra', port = 80) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {ports: [{name: http, port: ${port}}]}
`;

describe('buildGraph: the embedded example', () => {
  const g = graphOf(example, (p) => validate(p));

  it('draws every resource: gateways, routes and Services as cards, the rest small, Namespaces as groups', () => {
    expect(g.nodes.map((n) => [n.role, short(n.id)])).toEqual([
      ['other', 'GatewayClass//istio'],
      ['gateway', 'Gateway/infra/edge'],
      ['other', 'Secret/infra/shop-wildcard-cert'],
      ['route', 'HTTPRoute/infra/https-redirect'],
      ['route', 'HTTPRoute/shop/cart'],
      ['route', 'HTTPRoute/shop/storefront'],
      ['backend', 'Service/shop/cart-v1'],
      ['backend', 'Service/shop/cart-v2'],
      ['backend', 'Service/shop/catalog'],
      ['backend', 'Service/shop/storefront'],
    ]);
    expect(g.groups.map((x) => [x.id, x.labels])).toEqual([
      ['ns:infra', {}],
      ['ns:shop', { 'gateway-access': 'true' }],
    ]);
    expect(Object.keys(g.nodeByResource)).toHaveLength(12);
    expect(g.nodes.every((n) => n.diagnostics.error === 0 && n.severity === undefined)).toBe(true);
  });

  it('gives listeners and rules one-line rows with badges and chips', () => {
    const edge = g.nodes.find((n) => n.name === 'edge');
    expect(edge?.rows.map((r) => [r.label, r.badges.map((b) => b.text)])).toEqual([
      ['http :80 *.shop.example.com', ['ns: Same']],
      ['https :443 *.shop.example.com', ['TLS', 'ns: Selector']],
    ]);
    const cart = g.nodes.find((n) => n.name === 'cart');
    expect(cart?.subtitle).toBe('www.shop.example.com');
    expect(cart?.rows.map((r) => [r.label, r.chips])).toEqual([
      ['PathPrefix /cart · x-canary=1', []],
      ['PathPrefix /cart', ['headers']],
    ]);
  });

  it('draws attach edges to listener rows and backend edges labelled with weight and share', () => {
    expect(edgeLines(g, ['attach', 'backend'])).toEqual([
      'attach Gateway/infra/edge#listener:http -> HTTPRoute/infra/https-redirect',
      'attach Gateway/infra/edge#listener:https -> HTTPRoute/shop/cart',
      'backend HTTPRoute/shop/cart#rule:0 -> Service/shop/cart-v2#port:http 100 %',
      'backend HTTPRoute/shop/cart#rule:1 -> Service/shop/cart-v1#port:http 90 · 90 %',
      'backend HTTPRoute/shop/cart#rule:1 -> Service/shop/cart-v2#port:http 10 · 10 %',
      'attach Gateway/infra/edge#listener:https -> HTTPRoute/shop/storefront',
      'backend HTTPRoute/shop/storefront#rule:0 -> Service/shop/catalog#port:http 100 %',
      'backend HTTPRoute/shop/storefront#rule:1 -> Service/shop/storefront#port:http 100 %',
    ]);
    expect(edgeLines(g, ['ref'])).toEqual([
      'ref GatewayClass//istio -> Gateway/infra/edge',
      'ref Gateway/infra/edge#listener:https -> Secret/infra/shop-wildcard-cert',
    ]);
  });

  it('has unique edge ids and every row id unique', () => {
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    const rows = g.nodes.flatMap((n) => n.rows.map((r) => r.id));
    expect(new Set(rows).size).toBe(rows.length);
  });
});

describe('buildGraph: parentRefs', () => {
  it.each([
    ['no sectionName → every listener', '{name: edge}', ['http', 'https', 'admin']],
    ['sectionName → that listener', '{name: edge, sectionName: https}', ['https']],
    ['port → the listeners on it', '{name: edge, port: 8080}', ['admin']],
    ['sectionName and port must both match', '{name: edge, sectionName: http, port: 80}', ['http']],
  ])('%s', (_name, ref, listeners) => {
    const g = graphOf(gateway(LISTENERS) + route(ref));
    const attach = g.edges.filter((e) => e.kind === 'attach');
    expect(attach.map((e) => e.sourceRow?.split(':').pop())).toEqual(listeners);
    expect(attach.every((e) => e.broken === undefined && e.target.endsWith('HTTPRoute/infra/r'))).toBe(true);
  });

  it.each([
    ['an unknown sectionName', '{name: edge, sectionName: nope}', 'Gateway infra/edge has no listener named nope'],
    ['a port no listener uses', '{name: edge, port: 9}', 'Gateway infra/edge has no listener on port 9'],
  ])('%s → a broken edge to the gateway itself', (_name, ref, reason) => {
    const g = graphOf(gateway(LISTENERS) + route(ref));
    expect(edgeLines(g, ['attach'])).toEqual([`attach Gateway/infra/edge -> HTTPRoute/infra/r !${reason}`]);
  });

  it('a Gateway not in the design → a missing placeholder', () => {
    const g = graphOf(route('{name: other, namespace: infra}'));
    const missing = g.nodes.find((n) => n.role === 'missing' && n.kind === 'Gateway');
    expect(missing).toMatchObject({ id: 'missing:Gateway/infra/other', missing: 'Gateway infra/other is not in this design', group: 'ns:infra' });
    expect(edgeLines(g, ['attach'])).toEqual(['attach missing:Gateway/infra/other -> HTTPRoute/infra/r !Gateway infra/other is not in this design']);
  });

  it('GAMMA: a parentRef to a Service is drawn from that Service (its port row when named)', () => {
    const g = graphOf(service('reviews') + route('{group: "", kind: Service, name: reviews, port: 80}'));
    expect(edgeLines(g, ['attach'])).toEqual(['attach Service/infra/reviews#port:http -> HTTPRoute/infra/r']);
    const noPort = graphOf(service('reviews') + route('{kind: Service, group: core, name: reviews}'));
    expect(edgeLines(noPort, ['attach'])).toEqual(['attach Service/infra/reviews -> HTTPRoute/infra/r']);
  });
});

describe('buildGraph: backendRefs', () => {
  it.each([
    ['weights 90/10', '[{name: a, port: 80, weight: 90}, {name: b, port: 80, weight: 10}]', ['90 · 90 %', '10 · 10 %'], [0.9, 0.1]],
    ['default weight 1 each', '[{name: a, port: 80}, {name: b, port: 80}]', ['1 · 50 %', '1 · 50 %'], [0.5, 0.5]],
    ['one backend, implicit weight', '[{name: a, port: 80}]', ['100 %'], [1]],
    ['all weights 0', '[{name: a, port: 80, weight: 0}, {name: b, port: 80, weight: 0}]', ['0 · 0 %', '0 · 0 %'], [0, 0]],
    ['three-way', '[{name: a, port: 80, weight: 1}, {name: b, port: 80, weight: 1}, {name: a, port: 80, weight: 1}]', ['1 · 33.3 %', '1 · 33.3 %', '1 · 33.3 %'], [1 / 3, 1 / 3, 1 / 3]],
  ])('%s', (_name, refs, labels, split) => {
    const g = graphOf(service('a') + service('b') + route('{name: edge}', `  rules: [{backendRefs: ${refs}}]`));
    const backends = g.edges.filter((e) => e.kind === 'backend');
    expect(backends.map((e) => e.label)).toEqual(labels);
    expect(backends.map((e) => e.share)).toEqual(split);
  });

  it('a Service not in the design → a red placeholder with its reason', () => {
    const g = graphOf(route('{name: edge}', '  rules: [{backendRefs: [{name: cart-v3, namespace: shop, port: 8080}]}]'));
    expect(g.nodes.find((n) => n.id === 'missing:Service/shop/cart-v3')).toMatchObject({ role: 'missing', kind: 'Service', missing: 'Service shop/cart-v3 is not in this design' });
    expect(edgeLines(g, ['backend'])).toEqual(['backend HTTPRoute/infra/r#rule:0 -> missing:Service/shop/cart-v3 100 % !Service shop/cart-v3 is not in this design']);
  });

  it('a port the Service does not expose → a broken edge to the Service', () => {
    const g = graphOf(service('a') + route('{name: edge}', '  rules: [{backendRefs: [{name: a, port: 9090}]}]'));
    expect(edgeLines(g, ['backend'])).toEqual(['backend HTTPRoute/infra/r#rule:0 -> Service/infra/a 100 % !Service infra/a has no port 9090']);
  });

  it('a RequestMirror filter → a mirror edge with its percentage', () => {
    const rules = `  rules:
    - backendRefs: [{name: a, port: 80}]
      filters: [{type: RequestMirror, requestMirror: {backendRef: {name: b, port: 80}, percent: 10}}]`;
    const g = graphOf(service('a') + service('b') + route('{name: edge}', rules));
    expect(edgeLines(g, ['mirror'])).toEqual(['mirror HTTPRoute/infra/r#rule:0 -> Service/infra/b#port:http mirror 10 %']);
    expect(g.nodes.find((n) => n.kind === 'HTTPRoute')?.rows[0]?.chips).toEqual(['mirror']);
  });
});

const ISTIO = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ingress, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*"]
      tls: {httpsRedirect: true}
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [bookinfo.example.com]
      tls: {mode: SIMPLE, credentialName: bookinfo-cert}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  gateways: [istio-system/ingress, mesh]
  http:
    - name: canary
      match: [{headers: {end-user: {exact: jason}}}]
      route: [{destination: {host: reviews, subset: v2}}]
    - route:
        - {destination: {host: reviews, subset: v1}, weight: 75}
        - {destination: {host: reviews.bookinfo.svc.cluster.local, subset: v3}, weight: 25}
      mirror: {host: api.example.com}
      mirrorPercentage: {value: 5}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  subsets:
    - {name: v1, labels: {version: v1}}
    - {name: v2, labels: {version: v2}}
---
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {ports: [{name: http, port: 9080}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: api, namespace: bookinfo}
spec:
  hosts: [api.example.com]
  ports: [{number: 443, name: https, protocol: TLS}]
  resolution: DNS
`;

describe('buildGraph: Istio', () => {
  const g = graphOf(ISTIO);

  it('draws an Istio Gateway with its servers as rows', () => {
    const gw = g.nodes.find((n) => n.kind === 'Gateway');
    expect(gw).toMatchObject({ role: 'gateway', family: 'istio', subtitle: 'selector istio=ingressgateway' });
    expect(gw?.rows.map((r) => [r.label, r.badges.map((b) => b.text)])).toEqual([
      ['http :80 *', ['→ HTTPS']],
      ['https :443 bookinfo.example.com', ['TLS']],
    ]);
  });

  it('draws a VirtualService with its http routes as rows, in order', () => {
    const vs = g.nodes.find((n) => n.kind === 'VirtualService');
    expect(vs?.rows.map((r) => [r.key, r.name, r.label, r.chips])).toEqual([
      ['http:0', 'canary', 'end-user=jason', []],
      ['http:1', undefined, 'all requests', ['mirror']],
    ]);
  });

  it('puts DestinationRule subsets on the Service they refine', () => {
    const svc = g.nodes.find((n) => n.kind === 'Service');
    expect(svc?.rows.map((r) => [r.kind, r.label])).toEqual([
      ['port', 'http 9080'],
      ['subset', 'subset v1 · version=v1'],
      ['subset', 'subset v2 · version=v2'],
    ]);
    expect(svc?.related).toEqual(['networking.istio.io/DestinationRule/bookinfo/reviews']);
    expect(g.nodeByResource['networking.istio.io/DestinationRule/bookinfo/reviews']).toBe(svc?.id);
  });

  it('attaches to every server of the named gateway, and from the Service for mesh', () => {
    expect(edgeLines(g, ['attach'])).toEqual([
      'attach Gateway/istio-system/ingress#server:http -> VirtualService/bookinfo/reviews',
      'attach Gateway/istio-system/ingress#server:https -> VirtualService/bookinfo/reviews',
      'attach Service/bookinfo/reviews -> VirtualService/bookinfo/reviews',
    ]);
  });

  it('sends each route to subset rows with weights; an undefined subset is broken; mirrors go to the ServiceEntry', () => {
    expect(edgeLines(g, ['backend', 'mirror'])).toEqual([
      'backend VirtualService/bookinfo/reviews#rule:http:0 -> Service/bookinfo/reviews#subset:v2 100 %',
      'backend VirtualService/bookinfo/reviews#rule:http:1 -> Service/bookinfo/reviews#subset:v1 75 · 75 %',
      'backend VirtualService/bookinfo/reviews#rule:http:1 -> Service/bookinfo/reviews 25 · 25 % !no DestinationRule defines subset v3 of reviews.bookinfo.svc.cluster.local',
      'mirror VirtualService/bookinfo/reviews#rule:http:1 -> ServiceEntry/bookinfo/api mirror 5 %',
    ]);
  });

  it.each([
    ['a short name in another namespace', 'ratings', 'missing:Service/bookinfo/ratings', 'Service bookinfo/ratings is not in this design'],
    ['an external host', 'pay.example.org', 'missing:host//pay.example.org', 'no Service or ServiceEntry in this design serves host pay.example.org'],
  ])('a destination to %s → a placeholder', (_name, host, id, reason) => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: bookinfo}
spec:
  hosts: [x]
  http: [{route: [{destination: {host: ${host}}}]}]
`;
    const graph = graphOf(yaml);
    expect(graph.nodes.find((n) => n.id === id)?.missing).toBe(reason);
    expect(graph.edges.find((e) => e.kind === 'backend')).toMatchObject({ target: id, broken: reason });
  });

  it('a VirtualService naming an Istio Gateway not in the design → placeholder', () => {
    const graph = graphOf('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: a}\nspec: {hosts: [x], gateways: [gw]}\n');
    expect(edgeLines(graph, ['attach'])).toEqual(['attach missing:Gateway/a/gw -> VirtualService/a/v !Gateway a/gw is not in this design']);
  });
});

describe('buildGraph: other kinds and diagnostics', () => {
  it('keeps unknown kinds as small "other" nodes and never drops a resource', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: x}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: x}\n';
    const g = graphOf(yaml);
    expect(g.nodes.map((n) => [n.role, n.family, n.kind, n.group])).toEqual([
      ['other', 'other', 'Widget', 'ns:x'],
      ['other', 'gateway-api', 'ReferenceGrant', 'ns:x'],
    ]);
  });

  it('counts diagnostics on the node and marks the row they point into', () => {
    const yaml = gateway(LISTENERS) + route('{name: edge}', '  rules:\n    - backendRefs: [{name: a, port: 80}]\n    - backendRefs: [{name: a, port: 80}]');
    const g = graphOf(yaml, (p) => [
      { code: 'X', severity: 'error', message: 'm', file: 'design.yaml', line: 16, column: 1, endLine: 16, endColumn: 2, path: 'spec.rules[1].backendRefs[0]' },
      { code: 'Y', severity: 'warning', message: 'm', file: 'design.yaml', line: 3, column: 1, endLine: 3, endColumn: 2, path: 'spec.listeners[2]' },
      { code: 'Z', severity: 'info', message: 'm', file: 'design.yaml', line: 3, column: 1, endLine: 3, endColumn: 2 },
      ...p.diagnostics,
    ]);
    const r = g.nodes.find((n) => n.kind === 'HTTPRoute');
    expect(r).toMatchObject({ severity: 'error', diagnostics: { error: 1, warning: 0, info: 0 } });
    // Rule 0 sends to a Service the design lacks: a broken reference is a red row too.
    expect(r?.rows.map((x) => [x.severity, x.problem?.message])).toEqual([
      ['error', 'Service infra/a is not in this design'],
      ['error', 'Service infra/a is not in this design'],
    ]);
    const gw = g.nodes.find((n) => n.kind === 'Gateway');
    expect(gw).toMatchObject({ severity: 'warning', diagnostics: { error: 0, warning: 1, info: 1 } });
    expect(gw?.rows.map((x) => [x.severity, x.problem])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['warning', { severity: 'warning', message: 'm' }],
    ]);
  });
});
