import { describe, expect, it } from 'vitest';
import { collapseNamespaces, collapsedId } from './collapse.js';
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
    // The Gateway's listener row attached both routes: one edge now, from the same row.
    expect(lines.filter((l) => l.startsWith('attach'))).toEqual(['attach Gateway/infra/edge#listener:http -> collapsed:ns:shop']);
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
