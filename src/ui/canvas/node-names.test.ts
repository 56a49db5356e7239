import { describe, expect, it } from 'vitest';
import { makeResourceId, type GraphEdge, type GraphNode, type GraphRow, type RouteGraph, type RowKind } from '../../core/index';
import { ariaLabelIn, linksIn, nodeAriaLabel, type NodeLinks } from './node-names';

const row = (nodeId: string, kind: RowKind, key: string): GraphRow => ({ id: `${nodeId}#${kind}:${key}`, kind, key, label: key, badges: [], chips: [], resourceId: makeResourceId('', 'Test', '', nodeId), path: '' });

function node(kind: string, namespace: string, name: string, rows: [RowKind, string][] = [], extra: Partial<GraphNode> = {}): GraphNode {
  const id = `${kind}/${namespace}/${name}`;
  return { id, role: 'route', kind, family: 'gateway-api', namespace, name, related: [], badges: [], rows: rows.map(([k, key]) => row(id, k, key)), diagnostics: { error: 0, warning: 0, info: 0 }, ...extra };
}

const none: NodeLinks = { parents: [], senders: 0 };

describe('nodeAriaLabel', () => {
  it.each<[string, GraphNode, NodeLinks, string]>([
    ['a route with two rules on a listener', node('HTTPRoute', 'shop', 'cart', [['rule', '0'], ['rule', '1']]), { parents: ['edge/https'], senders: 0 }, 'HTTPRoute shop/cart, 2 rules, attached to edge/https'],
    ['a route on two parents', node('HTTPRoute', 'shop', 'cart', [['rule', '0']]), { parents: ['edge/https', 'edge/http'], senders: 0 }, 'HTTPRoute shop/cart, 1 rule, attached to edge/https and edge/http'],
    ['a Gateway with listeners', node('Gateway', 'infra', 'edge', [['listener', 'http'], ['listener', 'https']]), none, 'Gateway infra/edge, 2 listeners'],
    ['an Istio Gateway with one server', node('Gateway', 'istio-system', 'ingress', [['server', '0']]), none, 'Gateway istio-system/ingress, 1 server'],
    ['a Service sent to by two routes', node('Service', 'shop', 'cart', [['port', '8080']]), { parents: [], senders: 2 }, 'Service shop/cart, 1 port, receives from 2 routes'],
    ['a Service with subsets', node('Service', 'bookinfo', 'reviews', [['port', '9080'], ['subset', 'v1'], ['subset', 'v2']]), none, 'Service bookinfo/reviews, 1 port, 2 subsets'],
    ['a cluster-scoped kind', node('GatewayClass', '', 'istio'), none, 'GatewayClass istio'],
    ['problems are said', node('HTTPRoute', 'shop', 'cart', [], { diagnostics: { error: 1, warning: 3, info: 2 } }), none, 'HTTPRoute shop/cart, 1 error, 3 warnings'],
    ['a placeholder says why', node('Service', 'shop', 'cart-v3', [], { role: 'missing', missing: 'Service shop/cart-v3 is not in this design' }), { parents: [], senders: 1 }, 'Missing Service shop/cart-v3, receives from 1 route, Service shop/cart-v3 is not in this design'],
    ['a collapsed namespace', node('Namespace', '', 'shop', [], { collapsed: { group: 'ns:shop', members: 5 } }), none, 'Namespace shop, collapsed, 5 objects'],
  ])('%s', (_what, n, links, expected) => {
    expect(nodeAriaLabel(n, links)).toBe(expected);
  });
});

describe('linksIn', () => {
  const gw = node('Gateway', 'infra', 'edge', [['listener', 'https']]);
  const svcParent = node('Service', 'shop', 'front', [['port', '80']]);
  const route = node('HTTPRoute', 'shop', 'cart', [['rule', '0'], ['rule', '1']]);
  const svc = node('Service', 'shop', 'cart', [['port', '8080']]);
  const edge = (id: string, kind: GraphEdge['kind'], source: GraphNode, target: GraphNode, sourceRow?: string): GraphEdge => ({ id, kind, source: source.id, target: target.id, ...(sourceRow ? { sourceRow } : {}) });
  const graph: RouteGraph = {
    nodes: [gw, svcParent, route, svc],
    edges: [
      edge('a1', 'attach', gw, route, gw.rows[0]?.id),
      edge('a2', 'attach', svcParent, route),
      edge('b1', 'backend', route, svc, route.rows[0]?.id),
      edge('b2', 'backend', route, svc, route.rows[1]?.id), // the same route twice: one sender
      edge('r1', 'ref', gw, svc),
    ],
    groups: [],
    nodeByResource: {},
  };

  it('names listener parents by gateway/listener and other parents by kind and name', () => {
    expect(linksIn(graph).get(route.id)).toEqual({ parents: ['edge/https', 'Service shop/front'], senders: 0 });
    expect(ariaLabelIn(graph, route)).toBe('HTTPRoute shop/cart, 2 rules, attached to edge/https and Service shop/front');
  });

  it('counts distinct senders, not edges; references are not traffic', () => {
    expect(ariaLabelIn(graph, svc)).toBe('Service shop/cart, 1 port, receives from 1 route');
    expect(ariaLabelIn(graph, gw)).toBe('Gateway infra/edge, 1 listener');
  });
});
