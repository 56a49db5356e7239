import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import { buildGraph, collapseNamespaces, parse, type RouteGraph } from '../../core/index';
import { edgeRoutes } from './edge-geometry';
import { columnOf, lanesOf, packLanes, seedsByColumn, toElkGraph } from './layout-graph';
import { handleCenter, nodeSize } from './metrics';

const graphOf = (yaml: string): RouteGraph => buildGraph(parse([{ name: 'd.yaml', text: yaml }]).resources);
const g = graphOf(example);
const node = (name: string) => g.nodes.find((n) => n.name === name && n.kind !== 'Service') ?? g.nodes.find((n) => n.name === name);

describe('canvas layout', () => {
  it.each([
    ['edge', 0],
    ['istio', 0],
    ['cart', 1],
    ['shop-wildcard-cert', 1],
    ['cart-v1', 2],
  ])('puts %s in column %d', (name, column) => {
    const n = node(name);
    expect(n && columnOf(n, g)).toBe(column);
  });

  it('puts the parent Service of a mesh route in the first column', () => {
    const mesh = graphOf(`apiVersion: v1
kind: Service
metadata: {name: front, namespace: a}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: a}
spec: {parentRefs: [{kind: Service, group: "", name: front}], rules: [{backendRefs: [{name: back, port: 80}]}]}
`);
    expect(mesh.nodes.map((n) => [n.name, columnOf(n, mesh)])).toEqual([
      ['front', 0],
      ['r', 1],
      ['back', 2],
    ]);
  });

  it('gives ELK every node with fixed ports, and leaves out the GatewayClass edge', () => {
    const elk = toElkGraph(g);
    expect(elk.children).toHaveLength(g.nodes.length);
    expect(elk.edges).toHaveLength(g.edges.length - 1);
    const gw = elk.children?.find((c) => c.id.endsWith('Gateway/infra/edge'));
    expect(gw?.ports?.map((p) => [p.id.split('::')[1], p.x])).toEqual([
      ['out', nodeSize(node('edge') ?? g.nodes[0]!).width],
      ['out', nodeSize(node('edge') ?? g.nodes[0]!).width],
    ]);
  });

  it('packs namespaces into lanes that never overlap', () => {
    const positions = packLanes(g, seedsByColumn(g));
    const box = (ns: string) => {
      const members = g.nodes.filter((n) => n.namespace === ns);
      const ys = members.map((n) => positions[n.id]?.y ?? NaN);
      const bottoms = members.map((n) => (positions[n.id]?.y ?? NaN) + nodeSize(n).height);
      return { top: Math.min(...ys), bottom: Math.max(...bottoms) };
    };
    expect(Object.keys(positions)).toEqual(expect.arrayContaining(g.nodes.map((n) => n.id)));
    expect(box('infra').bottom).toBeLessThan(box('shop').top);
    for (const a of g.nodes) {
      for (const b of g.nodes) {
        if (a === b) continue;
        const pa = positions[a.id];
        const pb = positions[b.id];
        if (!pa || !pb) continue;
        const overlap = pa.x < pb.x + nodeSize(b).width && pb.x < pa.x + nodeSize(a).width && pa.y < pb.y + nodeSize(b).height && pb.y < pa.y + nodeSize(a).height;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    }
  });

  it('routes every edge and puts each label at its source row, just right of the row it leaves', () => {
    const positions = packLanes(g, seedsByColumn(g));
    const routes = edgeRoutes(g, positions);
    expect([...routes.keys()].sort()).toEqual(g.edges.filter((e) => e.source !== e.target).map((e) => e.id).sort());
    for (const e of g.edges.filter((x) => x.label !== undefined && x.kind === 'backend')) {
      const source = g.nodes.find((n) => n.id === e.source);
      const p = positions[e.source];
      const label = routes.get(e.id)?.label;
      if (!source || !p || !label) throw new Error(`no label for ${e.id}`);
      const right = p.x + nodeSize(source).width;
      expect(label.x - right, e.id).toBeGreaterThan(0);
      expect(label.x - right, e.id).toBeLessThan(70);
      expect(Math.abs(label.y - (p.y + handleCenter(source, e.sourceRow))), e.id).toBeLessThanOrEqual(20);
    }
  });
});

describe('lanes', () => {
  it('puts the namespaces that hold a Gateway first, even when their routes come first in the text', () => {
    const graph = graphOf(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: apps}
spec: {parentRefs: [{name: gw, namespace: infra}]}
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: other}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec: {gatewayClassName: c, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]}
`);
    expect(graph.groups.map((g) => g.namespace)).toEqual(['apps', 'other', 'infra']);
    expect(lanesOf(graph).map((l) => l.id)).toEqual([undefined, 'ns:infra', 'ns:apps', 'ns:other']);
    const positions = packLanes(graph, seedsByColumn(graph));
    const gw = graph.nodes.find((n) => n.kind === 'Gateway');
    expect(Math.min(...graph.nodes.map((n) => positions[n.id]?.y ?? Infinity))).toBe(positions[gw?.id ?? '']?.y);
  });

  it('draws collapsed namespaces beside the Gateways that reach into them, not in a band above them', () => {
    const routes = ['a', 'b'].flatMap((ns) =>
      [1, 2, 3].map((i) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r${i}, namespace: ${ns}}
spec: {parentRefs: [{name: gw, namespace: infra}]}
`),
    );
    const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec: {gatewayClassName: c, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]}
`;
    const full = graphOf([...routes, gateway].join('---\n'));
    const graph = collapseNamespaces(full, new Set(['ns:a', 'ns:b']));
    const infra = lanesOf(graph).find((l) => l.id === 'ns:infra');
    expect(infra?.nodes.filter((n) => n.collapsed).map((n) => n.name)).toEqual(['a', 'b']);
    const positions = packLanes(graph, seedsByColumn(graph));
    const gw = graph.nodes.find((n) => n.kind === 'Gateway');
    const top = positions[gw?.id ?? '']?.y ?? Infinity;
    for (const n of graph.nodes.filter((m) => m.collapsed)) expect(positions[n.id]?.y).toBeGreaterThanOrEqual(top);
  });
});
