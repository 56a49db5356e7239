import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import { buildGraph, parse, type RouteGraph } from '../../core/index';
import { placeLabels } from './edge-geometry';
import { columnOf, packLanes, seedsByColumn, toElkGraph } from './layout-graph';
import { nodeSize } from './metrics';

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

  it('places every edge label, spreading the ones that would collide', () => {
    const positions = packLanes(g, seedsByColumn(g));
    const labels = placeLabels(g, positions);
    const labelled = g.edges.filter((e) => e.label !== undefined);
    expect([...labels.keys()].sort()).toEqual(labelled.map((e) => e.id).sort());
    const toV2 = labelled.filter((e) => e.target.endsWith('cart-v2')).map((e) => labels.get(e.id));
    expect(new Set(toV2.map((s) => `${s?.t}/${s?.dy}`)).size).toBe(toV2.length);
  });
});
