import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePeerDesign } from '../bench/generate-peer';
import type { GraphEdge, GraphNode, RouteGraph } from '../core/index';
import { analyze } from './analysis';
import { AUTO_COLLAPSE_ABOVE, AUTO_COLLAPSE_TARGET, autoCollapse, isAnotherDesign, noteOf } from './auto-collapse';

/** A graph of `sizes[ns]` route nodes per namespace; a namespace named `gw…` holds a Gateway. */
function graphOf(sizes: Readonly<Record<string, number>>, extra: { edges?: GraphEdge[]; nodes?: GraphNode[] } = {}): RouteGraph {
  const nodes: GraphNode[] = [];
  for (const [ns, k] of Object.entries(sizes)) {
    for (let i = 0; i < k; i++) {
      const gateway = ns.startsWith('gw') && i === 0;
      nodes.push({ id: `${ns}/${i}`, role: gateway ? 'gateway' : 'route', kind: gateway ? 'Gateway' : 'HTTPRoute', family: 'gateway-api', namespace: ns, name: `${i}`, related: [], badges: [], rows: [], diagnostics: { error: 0, warning: 0, info: 0 }, group: `ns:${ns}` });
    }
  }
  nodes.push(...(extra.nodes ?? []));
  const groups = Object.keys(sizes).map((ns) => ({ id: `ns:${ns}`, namespace: ns, labels: {}, diagnostics: { error: 0, warning: 0, info: 0 } }));
  return { nodes, edges: extra.edges ?? [], groups, nodeByResource: {} };
}

const designGraph = (text: string): RouteGraph => analyze({ seq: 1, files: [{ name: 'd.yaml', text }] }).graph;

describe('autoCollapse: which namespaces a big design opens collapsed', () => {
  it.each<[string, Record<string, number>, string[]]>([
    ['at the threshold nothing is collapsed', { gw: 1, a: 40, b: AUTO_COLLAPSE_ABOVE - 41 }, []],
    ['one node over it, the largest namespace first, until the target', { gw: 1, a: 50, b: 30 }, ['ns:a', 'ns:b']],
    ['a namespace small enough stays open once the view is', { gw: 1, a: 75, b: 3, c: 3, d: 2 }, ['ns:a']],
    ['small namespaces too, while the view is over the target', { gw: 1, a: 70, b: 5, c: 5, d: 2 }, ['ns:a', 'ns:b']],
    ['never the namespace of a Gateway, however big', { gw: 90, a: 10 }, ['ns:a']],
    ['never a namespace of one node (nothing saved)', { gw: 1, ...Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`n${i}`, 1])) }, []],
    ['equal sizes: by name', { gw: 1, b: 40, a: 40, c: 40 }, ['ns:a', 'ns:b', 'ns:c']],
  ])('%s', (_name, sizes, expected) => {
    expect(Object.keys(autoCollapse(graphOf(sizes)))).toEqual(expected);
  });

  it('keeps open a namespace the user opened', () => {
    expect(Object.keys(autoCollapse(graphOf({ gw: 1, a: 50, b: 50 }), new Set(['ns:a'])))).toEqual(['ns:b']);
  });

  it('keeps open a namespace holding a parent the routes name that the design lacks', () => {
    const missing: GraphNode = { id: 'missing:Gateway/p/gw', role: 'missing', kind: 'Gateway', family: 'gateway-api', namespace: 'p', name: 'gw', related: [], badges: [], rows: [], diagnostics: { error: 0, warning: 0, info: 0 }, group: 'ns:p' };
    const g = graphOf({ p: 50, a: 50 }, { nodes: [missing], edges: [{ id: 'e', kind: 'attach', source: missing.id, target: 'p/1' }] });
    expect(Object.keys(autoCollapse(g))).toEqual(['ns:a']);
  });

  it('leaves every curated example and fixture open', () => {
    const files = [
      ...readdirSync(new URL('../../public/examples/', import.meta.url)).map((f) => new URL(`../../public/examples/${f}`, import.meta.url)),
      ...['layout/bookinfo-gateway-api.yaml', 'layout/bookinfo-istio.yaml', 'legible/bookstore.yaml', 'shown/bookinfo-like.yaml'].map((f) => new URL(`../../e2e/fixtures/${f}`, import.meta.url)),
    ];
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(autoCollapse(designGraph(readFileSync(file, 'utf8'))), String(file)).toEqual({});
  });

  it.each([
    [50, []],
    [100, ['team-a', 'team-b', 'team-c', 'team-d']],
    [1000, ['team-a', 'team-b', 'team-c', 'team-d']],
  ])("the peer's shape at %i routes collapses %j — never infra, where the Gateways are", (routes, namespaces) => {
    const graph = designGraph(generatePeerDesign(routes).text);
    const collapsed = autoCollapse(graph);
    expect(Object.keys(collapsed)).toEqual(namespaces.map((ns) => `ns:${ns}`));
    const note = noteOf(graph, collapsed);
    if (namespaces.length > 0) expect(note).toEqual({ namespaces, nodesBefore: graph.nodes.length, nodesAfter: 7 });
    else expect(note).toBeNull();
  });

  it('brings a view over the threshold to the target or below when namespaces allow', () => {
    const g = graphOf({ gw: 3, a: 30, b: 30, c: 30 });
    const collapsed = autoCollapse(g);
    expect(noteOf(g, collapsed)?.nodesAfter).toBeLessThanOrEqual(AUTO_COLLAPSE_TARGET);
  });
});

describe('isAnotherDesign: an undo/redo that swaps the whole document', () => {
  const base = graphOf({ gw: 1, a: 10 });
  it.each<[string, RouteGraph, RouteGraph, boolean]>([
    ['the same design', base, base, false],
    ['one route more (an edit)', base, graphOf({ gw: 1, a: 11 }), false],
    ['a paste made again', base, graphOf({ gw: 1, a: 10, b: 100 }), true],
    ['a paste taken back', graphOf({ gw: 1, a: 10, b: 100 }), base, false],
    ['another design entirely', base, graphOf({ other: 5 }), true],
    ['to an empty design', base, graphOf({}), true],
    ['from an empty design', graphOf({}), base, true],
  ])('%s: %s', (_name, before, after, expected) => {
    expect(isAnotherDesign(before, after)).toBe(expected);
  });
});
