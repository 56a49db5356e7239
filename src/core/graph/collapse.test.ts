import { describe, expect, it } from 'vitest';
import { collapseNamespaces, collapsedId, collapsedSubtitle, kindPlural } from './collapse.js';
import { generatePeerDesign } from '../../bench/generate-peer.js';
import { makeResourceId } from '../resources/types.js';
import { missingGroupId } from './missing-group.js';
import type { GraphNode, GraphRow } from './types.js';
import { edgeLines, graphOf } from './test-helpers.js';

// A Gateway in infra, two routes in shop (one to Services in shop, one to Services in pay
// through a ReferenceGrant), and two missing backends (one in shop, one in pay).
const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - backendRefs: [{name: cart, port: 80, weight: 90}, {name: cart-v2, port: 80, weight: 10}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: pay, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - backendRefs: [{name: pay, namespace: pay, port: 80, weight: 1}, {name: pay-v2, namespace: pay, port: 80, weight: 1}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: pay, namespace: pay}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-shop, namespace: pay}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
`;

describe('collapseNamespaces', () => {
  const graph = graphOf(DESIGN);
  const shop = collapseNamespaces(graph, new Set(['ns:shop']));
  const node = shop.nodes.find((n) => n.id === collapsedId('ns:shop'));

  it('draws a collapsed namespace as one node standing for its members', () => {
    const members = graph.nodes.filter((n) => n.group === 'ns:shop');
    expect(members.length).toBeGreaterThan(2);
    expect(shop.nodes.some((n) => n.group === 'ns:shop')).toBe(false);
    expect(node).toMatchObject({ kind: 'Namespace', name: 'shop', collapsed: { group: 'ns:shop', members: members.length } });
    expect(shop.groups.map((g) => g.id)).not.toContain('ns:shop');
    // Every resource a member drew is now drawn by the collapsed node.
    expect(shop.nodeByResource['gateway.networking.k8s.io/HTTPRoute/shop/cart']).toBe(collapsedId('ns:shop'));
    expect(shop.nodeByResource['core/Service/pay/pay']).toBe('core/Service/pay/pay');
  });

  it('ends the edges of members at it, once per kind and far end, and drops those inside', () => {
    const lines = edgeLines(shop);
    // The Gateway's listener row attached both routes: one edge now, from the same row, saying how many it stands for.
    expect(lines.filter((l) => l.startsWith('attach'))).toEqual(['attach Gateway/infra/edge#listener:http -> collapsed:ns:shop 2 routes']);
    // The route in shop to the Service in pay crosses out of the namespace: kept, rows dropped on the collapsed side.
    expect(lines.filter((l) => l.startsWith('backend') && !l.includes('!'))).toEqual(['backend collapsed:ns:shop -> Service/pay/pay#port:80']);
    // cart → Services cart and cart-v2 (a placeholder, in shop too) are inside shop: gone.
    expect(lines.some((l) => l.includes('cart'))).toBe(false);
  });

  it('keeps the problem of an edge leaving it, and sums the diagnostics', () => {
    // pay-v2 is not in the design: the broken backend edge to its placeholder (in pay) stays, red.
    const broken = shop.edges.filter((e) => e.source === collapsedId('ns:shop') && e.broken !== undefined);
    expect(broken.map((e) => [e.target, e.broken])).toEqual([['missing:Service/pay/pay-v2', 'Service pay/pay-v2 is not in this design']]);
    const inside = graph.nodes.filter((n) => n.group === 'ns:shop').reduce((a, n) => a + n.diagnostics.warning + n.diagnostics.error, 0);
    expect((node?.diagnostics.warning ?? 0) + (node?.diagnostics.error ?? 0)).toBeGreaterThanOrEqual(inside);
  });

  it('leaves the graph as it is when nothing is collapsed, and never changes its input', () => {
    expect(collapseNamespaces(graph, new Set())).toBe(graph);
    expect(collapseNamespaces(graph, new Set(['ns:nowhere']))).toBe(graph);
    expect(graph.nodes.some((n) => n.group === 'ns:shop')).toBe(true);
  });
});

describe('collapseNamespaces, merged edges', () => {
  const node = (id: string, group?: string) => ({ id, role: 'route' as const, kind: 'HTTPRoute', family: 'gateway-api' as const, namespace: 'a', name: id, related: [], badges: [], rows: [], diagnostics: { error: 0, warning: 0, info: 0 }, ...(group ? { group } : {}) });
  const graph = {
    nodes: [node('gw'), node('r1', 'ns:a'), node('r2', 'ns:a')],
    edges: [
      { id: 'e1', kind: 'attach' as const, source: 'gw', sourceRow: 'gw#l', target: 'r1' },
      { id: 'e2', kind: 'attach' as const, source: 'gw', sourceRow: 'gw#l', target: 'r2', detached: { reason: 'NotAllowedByListeners', message: 'no' } },
      { id: 'e3', kind: 'ref' as const, source: 'gw', target: 'r2', broken: 'gone' },
    ],
    groups: [{ id: 'ns:a', namespace: 'a', labels: {}, diagnostics: { error: 0, warning: 1, info: 0 } }],
    nodeByResource: { r1: 'r1', r2: 'r2', Namespace: 'ns:a' },
  };
  const c = collapseNamespaces(graph, new Set(['ns:a']));

  it('keeps the first reason any merged edge had, per kind', () => {
    expect(c.edges.map((e) => [e.kind, e.source, e.sourceRow, e.target, e.detached?.reason, e.broken])).toEqual([
      ['attach', 'gw', 'gw#l', 'collapsed:ns:a', 'NotAllowedByListeners', undefined],
      ['ref', 'gw', undefined, 'collapsed:ns:a', undefined, 'gone'],
    ]);
  });

  it("counts the group's own diagnostics too, and maps the group's resource", () => {
    expect(c.nodes.find((n) => n.collapsed)?.severity).toBe('warning');
    expect(c.nodeByResource.Namespace).toBe('collapsed:ns:a');
  });
});

describe('collapsedSubtitle: what a collapsed namespace holds, in words', () => {
  let made = 0;
  const n = (kind: string, role: GraphNode['role'] = 'route', extra: Partial<GraphNode> = {}): GraphNode => ({
    id: `${kind}/${++made}`,
    role,
    kind,
    family: 'gateway-api',
    namespace: 'a',
    name: 'x',
    related: [],
    badges: [],
    rows: [],
    diagnostics: { error: 0, warning: 0, info: 0 },
    ...extra,
  });
  const times = (k: number, make: () => GraphNode): GraphNode[] => Array.from({ length: k }, make);
  const route = makeResourceId('gateway.networking.k8s.io', 'HTTPRoute', 'a', 'r');
  const backendRows = (k: number): GraphRow[] => Array.from({ length: k }, (_, i) => ({ id: `r${i}`, kind: 'backend', key: `svc-${i}`, label: `svc-${i}`, badges: [], chips: [], resourceId: route, path: 'spec.rules[0]' }));
  it.each<[string, GraphNode[], string]>([
    ['one route', [n('HTTPRoute')], '1 HTTPRoute'],
    ['routes and their missing Services, one placeholder each', [...times(25, () => n('HTTPRoute')), ...times(25, () => n('Service', 'missing'))], '25 HTTPRoutes · 25 missing Services'],
    ['a "Not in this design" card counts its rows', [...times(250, () => n('HTTPRoute')), n('Service', 'missing', { id: missingGroupId('Service', 'a'), rows: backendRows(250) })], '250 HTTPRoutes · 250 missing Services'],
    ['most first, two kinds named, the rest counted', [n('Service', 'backend'), ...times(3, () => n('HTTPRoute')), n('Deployment', 'workload'), n('ServiceEntry', 'backend')], '3 HTTPRoutes · 1 Deployment · 2 other objects'],
    ['a missing parent Gateway', [n('HTTPRoute'), n('Gateway', 'missing')], '1 HTTPRoute · 1 missing Gateway'],
    ['thousands with separators', times(1200, () => n('HTTPRoute')), '1,200 HTTPRoutes'],
    ['nothing', [], 'empty'],
  ])('%s', (_name, members, subtitle) => {
    expect(collapsedSubtitle(members)).toBe(subtitle);
  });

  it.each([
    ['HTTPRoute', 2, 'HTTPRoutes'],
    ['HTTPRoute', 1, 'HTTPRoute'],
    ['ServiceEntry', 2, 'ServiceEntries'],
    ['Gateway', 2, 'Gateways'],
    ['Ingress', 2, 'Ingresses'],
    ['AuthorizationPolicy', 3, 'AuthorizationPolicies'],
  ])('%s × %i → %s', (kind, count, plural) => {
    expect(kindPlural(kind, count)).toBe(plural);
  });
});

describe("collapseNamespaces on the peer's shape (issue 15: 3 Gateways × 2 listeners, 100 routes over team-a…team-d)", () => {
  const graph = graphOf(generatePeerDesign(100).text);
  const teams = ['ns:team-a', 'ns:team-b', 'ns:team-c', 'ns:team-d'];
  const view = collapseNamespaces(graph, new Set(teams));

  it('draws the Gateways and one node per team, saying what it holds', () => {
    expect(view.nodes.filter((x) => x.role === 'gateway')).toHaveLength(3);
    expect(view.nodes.filter((x) => x.collapsed).map((x) => [x.name, x.subtitle])).toEqual([
      ['team-a', '25 HTTPRoutes · 25 missing Services'],
      ['team-b', '25 HTTPRoutes · 25 missing Services'],
      ['team-c', '25 HTTPRoutes · 25 missing Services'],
      ['team-d', '25 HTTPRoutes · 25 missing Services'],
    ]);
    expect(view.nodes).toHaveLength(7);
  });

  it('draws one edge per listener and namespace, labelled with the routes it stands for — not one per route', () => {
    const attach = view.edges.filter((e) => e.kind === 'attach');
    // Route i is in team-(i mod 4), on gw-(i mod 3), listener http when i is even: each team hears one listener of each Gateway.
    expect(attach).toHaveLength(12);
    const pairs = new Set(attach.map((e) => `${e.sourceRow ?? ''}>${e.target}`));
    expect(pairs.size).toBe(12);
    for (const team of teams) {
      const into = attach.filter((e) => e.target === collapsedId(team));
      expect(into.map((e) => e.sourceRow?.split('#')[1])).toEqual(team === 'ns:team-a' || team === 'ns:team-c' ? ['listener:http', 'listener:http', 'listener:http'] : ['listener:http-alt', 'listener:http-alt', 'listener:http-alt']);
      expect(into.reduce((sum, e) => sum + Number(/^(\d+) routes$/.exec(e.label ?? '')?.[1]), 0)).toBe(25);
    }
    // Backends are all inside the teams: no edge leaves them.
    expect(view.edges.filter((e) => e.kind !== 'attach')).toEqual([]);
  });
});
