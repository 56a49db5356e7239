import type { RouteGraph } from '../../core/index';

/**
 * Workload pills hang under the Service whose selector picks them, indented, in the Service's own
 * column — the way Kiali lists a Service's workloads — rather than in a column of their own, which
 * made a Bookinfo-sized design too wide to read at Fit (issue 11: titles ≥ 11 px on 1600×1000).
 * Their edges (from the Service, or from its DestinationRule subset rows) run down the free side
 * right of the column and enter the pill from the right (edge-routes.ts).
 */
/** Between the Service's bottom and its first pill, and between pills (the indent: metrics.ts PILL_INDENT). */
export const PILL_GAP = 6;

export interface PillOwners {
  /** A pill's Service: the first node (not a pill) with an edge to it. */
  readonly ownerOf: ReadonlyMap<string, string>;
  /** A Service's pills, in the order of their first edge (subset rows top to bottom). */
  readonly pillsOf: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<RouteGraph, PillOwners>();

export function pillOwners(graph: RouteGraph): PillOwners {
  let owners = cache.get(graph);
  if (!owners) {
    const pills = new Set<string>();
    for (const n of graph.nodes) if (n.role === 'workload') pills.add(n.id);
    const ownerOf = new Map<string, string>();
    const pillsOf = new Map<string, string[]>();
    if (pills.size > 0) {
      for (const e of graph.edges) {
        if (!pills.has(e.target) || pills.has(e.source) || ownerOf.has(e.target)) continue;
        ownerOf.set(e.target, e.source);
        const list = pillsOf.get(e.source);
        if (list) list.push(e.target);
        else pillsOf.set(e.source, [e.target]);
      }
    }
    owners = { ownerOf, pillsOf };
    cache.set(graph, owners);
  }
  return owners;
}
