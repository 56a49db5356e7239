import { describe, expect, it } from 'vitest';
import { generatePeerDesign } from '../../bench/generate-peer.js';
import { parse } from '../resources/parse.js';
import { ask } from '../simulate/testing.js';
import { buildGraph } from './build-graph.js';
import { decisionPath } from './decision-path.js';
import { groupMissingBackends, isMissingGroup, MISSING_GROUP_NAME, missingGroupId, missingMemberId, plural } from './missing-group.js';
import { compiledGraphOf, edgeLines, graphOf, short } from './test-helpers.js';
import type { RouteGraph } from './types.js';

const GW = 'gateway.networking.k8s.io/v1';
const GATEWAY = `apiVersion: ${GW}
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
`;
/** An HTTPRoute in `ns` whose one rule sends to each of `backends` (`name` or `name.namespace`). */
const route = (name: string, ns: string, backends: readonly string[], extra = '') => `---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: edge, namespace: infra}${extra}]
  hostnames: [${name}.example.com]
  rules:
    - backendRefs: [${backends.map((b) => { const [n, namespace] = b.split('.'); return `{name: ${n}, port: 80${namespace ? `, namespace: ${namespace}` : ''}}`; }).join(', ')}]
`;
const service = (name: string, ns: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {ports: [{name: http, port: 80}]}
`;

/** The graph as drawn before issue 15: every missing backend its own node. */
const ungrouped = (yaml: string): RouteGraph => {
  const parsed = parse([{ name: 'design.yaml', text: yaml }]);
  return buildGraph(parsed.resources, parsed.diagnostics, undefined, [], Number.POSITIVE_INFINITY);
};

/** `role short-id [rows]` per node, for readable expectations. */
const drawn = (g: RouteGraph) => g.nodes.map((n) => `${n.role} ${short(n.id)}${n.rows.length > 0 && n.role === 'missing' ? ` [${n.rows.map((r) => r.label).join(' ')}]` : ''}`);

describe('groupMissingBackends: which placeholders become one card', () => {
  it.each<[string, string, string[]]>([
    ['two missing in one namespace stay single nodes', GATEWAY + route('a', 'shop', ['x', 'y']), ['gateway Gateway/infra/edge', 'route HTTPRoute/shop/a', 'missing missing:Service/shop/x', 'missing missing:Service/shop/y']],
    [
      'three in one namespace are one card (where the first was), a row each, in the order rules first send to them',
      GATEWAY + route('a', 'shop', ['z', 'x']) + route('b', 'shop', ['y', 'x']),
      ['gateway Gateway/infra/edge', 'route HTTPRoute/shop/a', 'route HTTPRoute/shop/b', 'missing missing-group:Service/shop [z x y]'],
    ],
    [
      'namespaces are counted apart: two in shop and two in pay stay single',
      GATEWAY + route('a', 'shop', ['x', 'y', 'p.pay', 'q.pay']),
      ['gateway Gateway/infra/edge', 'route HTTPRoute/shop/a', 'missing missing:Service/shop/x', 'missing missing:Service/shop/y', 'missing missing:Service/pay/p', 'missing missing:Service/pay/q'],
    ],
    [
      'backends in the design are not counted',
      GATEWAY + route('a', 'shop', ['x', 'y', 'web']) + service('web', 'shop'),
      ['gateway Gateway/infra/edge', 'route HTTPRoute/shop/a', 'backend Service/shop/web', 'missing missing:Service/shop/x', 'missing missing:Service/shop/y'],
    ],
    [
      'a missing Service that is also a mesh parent stays a node: it starts an attach edge',
      GATEWAY + route('a', 'shop', ['x', 'y', 'mesh']) + route('b', 'shop', ['z'], ', {kind: Service, group: "", name: mesh}'),
      ['gateway Gateway/infra/edge', 'route HTTPRoute/shop/a', 'route HTTPRoute/shop/b', 'missing missing-group:Service/shop [x y z]', 'missing missing:Service/shop/mesh'],
    ],
  ])('%s', (_, yaml, expected) => {
    expect(drawn(graphOf(yaml))).toEqual(expected);
  });

  it('keeps a missing parent Gateway a node, however many routes name one', () => {
    const yaml = ['a', 'b', 'c'].map((n) => route(n, 'shop', ['web']).replace('{name: edge, namespace: infra}', `{name: gw-${n}}`)).join('') + service('web', 'shop');
    expect(drawn(graphOf(yaml)).filter((l) => l.startsWith('missing'))).toEqual(['missing missing:Gateway/shop/gw-a', 'missing missing:Gateway/shop/gw-b', 'missing missing:Gateway/shop/gw-c']);
  });

  it('keeps a missing host with DestinationRule subsets its own card (its rows are the subsets)', () => {
    const dr = (host: string) => `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${host}, namespace: shop}
spec: {host: ${host}, subsets: [{name: v1, labels: {version: v1}}]}
`;
    const vs = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop.example.com]
  http: [{route: [{destination: {host: a, subset: v1}}, {destination: {host: b, subset: v1}}, {destination: {host: c, subset: v1}}]}]
`;
    const g = graphOf(vs + dr('a') + dr('b') + dr('c'));
    expect(g.nodes.filter(isMissingGroup)).toEqual([]);
    expect(g.nodes.filter((n) => n.role === 'missing').map((n) => [short(n.id), n.rows.map((r) => r.label)])).toEqual([
      ['missing:Service/shop/a', ['subset v1 · version=v1']],
      ['missing:Service/shop/b', ['subset v1 · version=v1']],
      ['missing:Service/shop/c', ['subset v1 · version=v1']],
    ]);
  });

  it('groups Istio destinations the design lacks the same way (short hosts are Services of the namespace)', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop.example.com]
  http: [{route: [{destination: {host: a}, weight: 50}, {destination: {host: b}, weight: 30}, {destination: {host: c}, weight: 20}]}]
`;
    expect(drawn(graphOf(vs))).toEqual(['route VirtualService/shop/vs', 'missing missing-group:Service/shop [a b c]']);
  });
});

describe('groupMissingBackends: the card and its edges', () => {
  const yaml = `${GATEWAY + route('a', 'shop', ['x', 'y'])}---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: b, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - backendRefs: [{name: z, port: 80, weight: 90}, {name: x, port: 80, weight: 10}]
      filters: [{type: RequestMirror, requestMirror: {backendRef: {name: y, port: 80}}}]
`;
  const before = ungrouped(yaml);
  const after = graphOf(yaml);
  const card = after.nodes.find(isMissingGroup);

  it('is a card of the kind it holds, in the namespace, saying how many the design lacks', () => {
    expect(card).toMatchObject({
      id: missingGroupId('Service', 'shop'),
      role: 'missing',
      kind: 'Service',
      family: 'core',
      namespace: 'shop',
      group: 'ns:shop',
      name: MISSING_GROUP_NAME,
      missing: '3 Services missing from this design',
      related: [],
    });
    expect(card?.rows.map((r) => [r.id, r.kind, r.key, r.label])).toEqual([
      ['missing-group:Service/shop#backend:x', 'backend', 'x', 'x'],
      ['missing-group:Service/shop#backend:y', 'backend', 'y', 'y'],
      ['missing-group:Service/shop#backend:z', 'backend', 'z', 'z'],
    ]);
    // A row names the rule that first sends to it.
    expect(card?.rows.map((r) => `${short(r.resourceId)} ${r.path}`)).toEqual(['HTTPRoute/shop/a spec.rules[0]', 'HTTPRoute/shop/a spec.rules[0]', 'HTTPRoute/shop/b spec.rules[0]']);
  });

  it('sends every edge to its backend row, with its id, label, share and broken reason kept', () => {
    expect(after.edges).toHaveLength(before.edges.length);
    expect(edgeLines(after, ['backend', 'mirror'])).toEqual([
      'backend HTTPRoute/shop/a#rule:0 -> missing-group:Service/shop#backend:x 1 · 50 % !Service shop/x is not in this design',
      'backend HTTPRoute/shop/a#rule:0 -> missing-group:Service/shop#backend:y 1 · 50 % !Service shop/y is not in this design',
      'backend HTTPRoute/shop/b#rule:0 -> missing-group:Service/shop#backend:z 90 · 90 % !Service shop/z is not in this design',
      'backend HTTPRoute/shop/b#rule:0 -> missing-group:Service/shop#backend:x 10 · 10 % !Service shop/x is not in this design',
      'mirror HTTPRoute/shop/b#rule:0 -> missing-group:Service/shop#backend:y mirror 100 % !Service shop/y is not in this design',
    ]);
    expect(after.edges.map((e) => [e.id, e.share])).toEqual(before.edges.map((e) => [e.id, e.share]));
    // Each row stands for the placeholder it replaces.
    expect(card?.rows.map((r) => (card ? missingMemberId(card, r) : ''))).toEqual(['missing:Service/shop/x', 'missing:Service/shop/y', 'missing:Service/shop/z']);
  });

  it('leaves the rule rows red with the reason, as without the card', () => {
    const rows = (g: RouteGraph) => g.nodes.flatMap((n) => n.rows.filter((r) => r.kind === 'rule').map((r) => r.problem?.message));
    expect(rows(after)).toEqual(rows(before));
    expect(rows(after)).toEqual(['Service shop/x is not in this design', 'Service shop/z is not in this design']);
  });

  it('returns the graph itself when nothing is grouped', () => {
    expect(groupMissingBackends(before)).not.toBe(before); // 3 placeholders: grouped now
    const small = graphOf(GATEWAY + route('a', 'shop', ['x']));
    expect(groupMissingBackends(small)).toBe(small);
  });
});

describe('groupMissingBackends: the peer shape (issue 15: N routes, each to its own missing Service, over 4 namespaces)', () => {
  it.each([
    // routes, nodes before (2N+3), edges (3N), nodes after (N+3 + one card per namespace), rows per card
    [20, 43, 60, 27, 5],
    [100, 203, 300, 107, 25],
    [1000, 2003, 3000, 1007, 250],
  ])('%i routes: %i nodes and %i edges → %i nodes (cards of %i rows), every edge kept', (routes, nodesBefore, edges, nodesAfter, rows) => {
    const { text } = generatePeerDesign(routes);
    const grouped = graphOf(text);
    const single = ungrouped(text);
    expect([single.nodes.length, single.edges.length]).toEqual([nodesBefore, edges]);
    expect([grouped.nodes.length, grouped.edges.length]).toEqual([nodesAfter, edges]);
    expect(grouped.nodes.filter(isMissingGroup).map((n) => [n.namespace, n.rows.length])).toEqual(['team-a', 'team-b', 'team-c', 'team-d'].map((ns) => [ns, rows]));
    expect(grouped.edges.filter((e) => e.kind === 'backend').every((e) => e.broken !== undefined && e.targetRow?.startsWith(`${e.target}#backend:`))).toBe(true);
  });
});

describe('the simulator lights the card and the row of a missing backend', () => {
  const { text } = generatePeerDesign(12); // 3 routes per namespace: one card each
  const { compiled, graph } = compiledGraphOf(text);

  it.each([
    // Routes 0, 3, 6, 9 attach to gw-0, the Gateway the simulator takes when none is named.
    ['GET http://app-3.example.com:8080/api', 'HTTPRoute/team-d/route-3', 'rule:0', 'svc-3'],
    ['GET http://app-6.example.com/health', 'HTTPRoute/team-c/route-6', 'rule:1', 'svc-6'],
  ])('%s → %s %s → the team card, row %s', (request, routeId, rule, backend) => {
    const path = decisionPath(graph, ask(compiled, request));
    const card = graph.nodes.find((n) => isMissingGroup(n) && n.rows.some((r) => r.key === backend));
    const row = card?.rows.find((r) => r.key === backend);
    expect(card && path.nodes.has(card.id)).toBe(true);
    expect(row && path.rows.has(row.id)).toBe(true);
    const lit = [...path.edges.keys()].map((id) => graph.edges.find((e) => e.id === id)).filter((e) => e?.kind === 'backend');
    expect(lit.map((e) => `${short(e?.source ?? '')}#${e?.sourceRow?.split('#')[1]} -> ${e?.targetRow}`)).toEqual([`${routeId}#${rule} -> ${row?.id}`]);
  });
});

describe('plural', () => {
  it.each([
    ['Service', 'Services'],
    ['host', 'hosts'],
    ['Ingress', 'Ingresses'],
    ['Policy', 'Policies'],
    ['Gateway', 'Gateways'],
  ])('%s → %s', (kind, expected) => expect(plural(kind)).toBe(expected));
});
