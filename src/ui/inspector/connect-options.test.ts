import { describe, expect, it } from 'vitest';
import { makeResourceId, type Family, type GraphNode, type GraphRow, type RouteGraph, type RowKind } from '../../core/index';
import { backendOptions, parentOptions, rowAt } from './connect-options';

function node(kind: string, family: Family, namespace: string, name: string, rows: [RowKind, string, string?][] = [], extra: Partial<GraphNode> = {}): GraphNode {
  const id = `${kind}/${namespace}/${name}`;
  const resourceId = makeResourceId(family === 'core' ? '' : family, kind, namespace, name);
  const row = ([k, key, path]: [RowKind, string, string?]): GraphRow => ({ id: `${id}#${k}:${key}`, kind: k, key, label: key, badges: [], chips: [], resourceId, path: path ?? '' });
  return { id, role: 'route', kind, family, namespace, name, resourceId, related: [], badges: [], rows: rows.map(row), diagnostics: { error: 0, warning: 0, info: 0 }, ...extra };
}

const gw = node('Gateway', 'gateway-api', 'infra', 'edge', [['listener', 'http'], ['listener', 'https']]);
const istioGw = node('Gateway', 'istio', 'istio-system', 'ingress', [['server', '0']]);
const route = node('HTTPRoute', 'gateway-api', 'shop', 'cart', [['rule', '0', 'spec.rules[0]'], ['rule', '1', 'spec.rules[1]']]);
const vs = node('VirtualService', 'istio', 'bookinfo', 'reviews', [['rule', 'http:0', 'spec.http[0]']]);
const svc = node('Service', 'core', 'shop', 'cart', [['port', '8080']]);
const reviews = node('Service', 'core', 'bookinfo', 'reviews', [['port', '9080'], ['subset', 'v1'], ['subset', 'v2']]);
const entry = node('ServiceEntry', 'istio', 'shop', 'payments');
const ghost = node('Service', 'core', 'shop', 'gone', [], { role: 'missing', missing: 'not in this design' });
const graph: RouteGraph = { nodes: [gw, istioGw, route, vs, svc, reviews, entry, ghost], edges: [], groups: [], nodeByResource: {} };
const texts = (os: { text: string }[]): string[] => os.map((o) => o.text);

describe('parentOptions', () => {
  it.each<[string, GraphNode, string[]]>([
    ['an HTTPRoute: each Gateway whole and by listener, and Services for the mesh (no placeholders)', route, ['Gateway infra/edge (every listener)', 'Gateway infra/edge · listener http', 'Gateway infra/edge · listener https', 'Service shop/cart (mesh)', 'Service bookinfo/reviews (mesh)']],
    ['a VirtualService: Istio Gateways', vs, ['Gateway istio-system/ingress']],
  ])('%s', (_what, r, expected) => {
    expect(texts(parentOptions(graph, r))).toEqual(expected);
  });

  it('gives the connection a drag from the listener to the route gives', () => {
    expect(parentOptions(graph, route)[2]?.connection).toEqual({ source: gw.id, sourceRow: `${gw.id}#listener:https`, target: route.id });
  });
});

describe('backendOptions', () => {
  it.each<[string, GraphNode, string, string[]]>([
    ['an HTTPRoute rule: Services', route, `${route.id}#rule:1`, ['Service shop/cart', 'Service bookinfo/reviews']],
    ['a VirtualService route: Services, their subsets, ServiceEntries', vs, `${vs.id}#rule:http:0`, ['Service shop/cart', 'Service bookinfo/reviews', 'Service bookinfo/reviews · subset v1', 'Service bookinfo/reviews · subset v2', 'ServiceEntry shop/payments']],
  ])('%s', (_what, r, row, expected) => {
    expect(texts(backendOptions(graph, r, row))).toEqual(expected);
  });

  it('gives the connection a drag from the rule to the subset gives; keys are unique', () => {
    const options = backendOptions(graph, vs, `${vs.id}#rule:http:0`);
    expect(options[3]?.connection).toEqual({ source: vs.id, sourceRow: `${vs.id}#rule:http:0`, target: reviews.id, targetRow: `${reviews.id}#subset:v2` });
    expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  });
});

describe('rowAt', () => {
  it.each<[string, string | undefined]>([
    ['spec.rules[1]', `${route.id}#rule:1`],
    ['spec.rules[7]', undefined],
  ])('%s', (path, expected) => {
    expect(rowAt(route, path)).toBe(expected);
  });
});
