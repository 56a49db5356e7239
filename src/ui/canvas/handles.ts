import type { RouteGraph } from '../../core/index';
import { handleIds, verticalEdges } from './flow-elements';

const cache = new WeakMap<RouteGraph, Map<string, Set<string>>>();
const NONE: ReadonlySet<string> = new Set();

/** The handles of a node that an edge uses (the others are not drawn), memoised per graph. */
export function connectedHandles(graph: RouteGraph, nodeId: string): ReadonlySet<string> {
  let m = cache.get(graph);
  if (!m) {
    const map = new Map<string, Set<string>>();
    const add = (node: string, handle: string): void => {
      const set = map.get(node);
      if (set) set.add(handle);
      else map.set(node, new Set([handle]));
    };
    const verticals = verticalEdges(graph);
    for (const e of graph.edges) {
      const vertical = verticals.has(e.id);
      add(e.source, vertical ? handleIds.below : handleIds.source(e.sourceRow));
      add(e.target, vertical ? handleIds.above : handleIds.target(e.targetRow));
    }
    cache.set(graph, map);
    m = map;
  }
  return m.get(nodeId) ?? NONE;
}
