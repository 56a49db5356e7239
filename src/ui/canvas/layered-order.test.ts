import { describe, expect, it } from 'vitest';
import { buildGraph, parse, type RouteGraph } from '../../core/index';
import { crossingsOf, layeredSeeds, layoutCrossings } from './layered-order';
import { columnOf, packLanes, seedsByColumn } from './layout-graph';

const graphOf = (yaml: string): RouteGraph => buildGraph(parse([{ name: 'd.yaml', text: yaml }]).resources);

const gateway = (listeners: readonly string[]): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
${listeners.map((l) => `    - {name: ${l}, port: 80, protocol: HTTP, hostname: "${l}.example.com", allowedRoutes: {namespaces: {from: All}}}`).join('\n')}`;

/** A route in `ns` on listener `listener`, sending to each of `backends`, one rule each. */
const route = (name: string, listener: string, backends: readonly string[], ns = 'apps'): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: ${listener}}]
  rules:
${backends.map((b) => `    - backendRefs: [{name: ${b}, port: 80}]`).join('\n')}`;

const service = (name: string, ns = 'apps'): string => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {ports: [{port: 80}]}`;

const design = (...docs: string[]): string => docs.join('\n---\n');

/** Names of a column's nodes (of one kind), top to bottom in the seeds' order. */
function order(graph: RouteGraph, seeds: ReadonlyMap<string, { y: number }>, column: number): string[] {
  return graph.nodes
    .filter((n) => columnOf(n, graph) === column && seeds.has(n.id))
    .sort((a, b) => (seeds.get(a.id)?.y ?? 0) - (seeds.get(b.id)?.y ?? 0))
    .map((n) => n.name);
}

describe('crossingsOf', () => {
  it.each([
    ['no links', [], 0],
    ['parallel', [[0, 0], [1, 1], [2, 2]], 0],
    ['one swap', [[0, 1], [1, 0]], 1],
    ['reversed three', [[0, 2], [1, 1], [2, 0]], 3],
    ['a shared source does not cross', [[0, 0], [0, 1], [1, 2]], 0],
    ['a shared target does not cross', [[0, 1], [1, 1], [2, 0]], 2],
  ] as [string, [number, number][], number][])('%s: %i', (_name, links, expected) => {
    expect(crossingsOf(links.map(([from, to]) => ({ pair: '0>1', from, to })))).toBe(expected);
  });

  it('compares links between the same two columns only', () => {
    expect(crossingsOf([{ pair: '0>1', from: 0, to: 1 }, { pair: '1>2', from: 1, to: 0 }])).toBe(0);
  });
});

describe('layered order', () => {
  // Each case: a design whose document order crosses edges, and the order the sweep must find.
  it.each([
    {
      name: 'routes follow their listeners, not the document',
      text: design(gateway(['a', 'b']), route('on-b', 'b', ['sb']), route('on-a', 'a', ['sa']), service('sa'), service('sb')),
      routes: ['on-a', 'on-b'],
      backends: ['sa', 'sb'],
    },
    {
      name: 'backends follow the rules that send to them',
      text: design(gateway(['a']), route('r', 'a', ['second', 'first']), service('first'), service('second')),
      routes: ['r'],
      backends: ['second', 'first'],
    },
    {
      name: 'a backend shared by two routes sits between them',
      text: design(gateway(['a', 'b', 'c']), route('r1', 'a', ['s1']), route('r2', 'b', ['shared']), route('r3', 'c', ['s3']), service('shared'), service('s3'), service('s1')),
      routes: ['r1', 'r2', 'r3'],
      backends: ['s1', 'shared', 's3'],
    },
    {
      name: 'routes on one listener keep document order',
      text: design(gateway(['a']), route('z', 'a', ['sz']), route('y', 'a', ['sy']), route('x', 'a', ['sx']), service('sx'), service('sy'), service('sz')),
      routes: ['z', 'y', 'x'],
      backends: ['sz', 'sy', 'sx'],
    },
  ])('$name', ({ text, routes, backends }) => {
    const graph = graphOf(text);
    const seeds = layeredSeeds(graph);
    expect(order(graph, seeds, 0)).toEqual(['gw']);
    expect(order(graph, seeds, 1)).toEqual(routes);
    expect(order(graph, seeds, 2)).toEqual(backends);
    expect(layoutCrossings(graph, packLanes(graph, seeds))).toBe(0);
  });

  it('crosses fewer edges than document order when document order crosses', () => {
    const graph = graphOf(design(gateway(['a', 'b', 'c']), route('r3', 'c', ['s1']), route('r2', 'b', ['s3']), route('r1', 'a', ['s2']), service('s1'), service('s2'), service('s3')));
    const before = layoutCrossings(graph, packLanes(graph, seedsByColumn(graph)));
    const after = layoutCrossings(graph, packLanes(graph, layeredSeeds(graph)));
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(0);
  });

  it('keeps each namespace’s nodes together: ranks are in lane order', () => {
    const graph = graphOf(design(gateway(['a', 'b']), route('late', 'a', ['s'], 'zeta'), route('early', 'b', ['s'], 'alpha'), service('s', 'alpha')));
    const seeds = layeredSeeds(graph);
    // Whatever the listeners say, routes are ranked lane by lane (packLanes stacks lanes).
    const lanes = graph.groups.map((g) => g.id);
    const ranked = order(graph, seeds, 1).map((name) => graph.nodes.find((n) => n.name === name)?.group);
    expect(ranked).toEqual([...ranked].sort((a, b) => lanes.indexOf(a ?? '') - lanes.indexOf(b ?? '')));
  });

  it('is deterministic and stable: the same graph gives the same seeds, every node but pills gets one', () => {
    const text = design(gateway(['a', 'b', 'c']), ...Array.from({ length: 30 }, (_, i) => route(`r${i}`, ['a', 'b', 'c'][(i * 7) % 3] ?? 'a', [`s${(i * 11) % 30}`, `s${(i * 5) % 30}`])), ...Array.from({ length: 30 }, (_, i) => service(`s${i}`)));
    const first = layeredSeeds(graphOf(text));
    const second = layeredSeeds(graphOf(text));
    expect([...second]).toEqual([...first]);
    const graph = graphOf(text);
    expect(new Set(first.keys())).toEqual(new Set(graph.nodes.map((n) => n.id)));
    expect(layoutCrossings(graph, packLanes(graph, first))).toBeLessThanOrEqual(layoutCrossings(graph, packLanes(graph, seedsByColumn(graph))));
  });
});
