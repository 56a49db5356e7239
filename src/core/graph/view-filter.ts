import type { GraphEdge, GraphGroup, GraphNode, RouteGraph } from './types.js';

/**
 * What the canvas leaves out of the drawing — never out of the document or its validation:
 * namespaces and kinds the user filtered away, and (unless asked for) the nodes kept aside.
 */
export interface GraphFilter {
  /** Namespaces not drawn (their group and every node in it). */
  readonly namespaces: ReadonlySet<string>;
  /** Kinds not drawn, by kindKey (`istio:Gateway` is not `gateway-api:Gateway`). */
  readonly kinds: ReadonlySet<string>;
  /** Draw the nodes kept aside (GraphNode.aside) too. */
  readonly showAside: boolean;
}

/** A kind as the filter names it: its family and kind, so the two Gateways stay apart. */
export const kindKey = (n: Pick<GraphNode, 'family' | 'kind'>): string => `${n.family}:${n.kind}`;

/** Whether the filter draws a node (placeholders of a hidden namespace go with it). */
export function isDrawn(n: GraphNode, filter: GraphFilter): boolean {
  if (n.aside !== undefined && !filter.showAside) return false;
  if (n.namespace !== '' && filter.namespaces.has(n.namespace)) return false;
  return !filter.kinds.has(kindKey(n));
}

/**
 * The graph as drawn under `filter`: hidden nodes go with every edge that touches them, and a
 * namespace group goes when it is filtered away or when everything it held is hidden (a declared
 * Namespace object keeps its group). `nodeByResource` is kept whole: every resource still has the
 * node that stands for it, drawn or not. Nothing hidden → `graph` itself.
 */
export function filterGraph(graph: RouteGraph, filter: GraphFilter): RouteGraph {
  const hidden = new Set<string>();
  for (const n of graph.nodes) if (!isDrawn(n, filter)) hidden.add(n.id);
  const hiddenGroups = graph.groups.filter((g) => filter.namespaces.has(g.namespace));
  if (hidden.size === 0 && hiddenGroups.length === 0) return graph;
  const nodes: GraphNode[] = graph.nodes.filter((n) => !hidden.has(n.id));
  const edges: GraphEdge[] = graph.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  const held = new Set<string>();
  const kept = new Set<string>();
  for (const n of graph.nodes) {
    if (n.group === undefined) continue;
    held.add(n.group);
    if (!hidden.has(n.id)) kept.add(n.group);
  }
  const groups: GraphGroup[] = graph.groups.filter((g) => !filter.namespaces.has(g.namespace) && (kept.has(g.id) || !held.has(g.id) || g.resourceId !== undefined));
  return { nodes, edges, groups, nodeByResource: graph.nodeByResource };
}
