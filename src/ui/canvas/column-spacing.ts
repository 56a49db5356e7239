import type { GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { nodeSize } from './metrics';
import { pillOwners } from './pill-layout';

/**
 * The x of each column, from ELK's layers: as narrow as the edges crossing each gap need. A gap
 * that labelled edges leave through (a route's rules → its backends, with their weights) holds
 * the labels at the rows they leave and the vertical tracks after them; a gap crossed by plain
 * edges only (listeners → routes) holds tracks only. Compact, so a small design reads at Fit.
 */
export const PLAIN_GAP = 64;
export const LABEL_GAP = 120;

/** Node id → the left x of its column (every column left-aligned). */
export function columnXs(graph: RouteGraph, seeds: ReadonlyMap<string, XY>): Map<string, number> {
  const seed = (n: GraphNode): XY => seeds.get(n.id) ?? { x: 0, y: 0 };
  // Pills hang under their Service, in its column (pill-layout.ts): they make no layer.
  const { ownerOf } = pillOwners(graph);
  const sorted = graph.nodes.filter((n) => !ownerOf.has(n.id)).sort((a, b) => seed(a).x - seed(b).x);
  // Layers: nodes whose seeds overlap horizontally (ELK centres narrower nodes in their layer).
  const layers: { end: number; width: number; nodes: GraphNode[] }[] = [];
  for (const n of sorted) {
    const x = seed(n).x;
    const w = nodeSize(n).width;
    const last = layers[layers.length - 1];
    if (last && x < last.end) {
      last.nodes.push(n);
      last.end = Math.max(last.end, x + w);
      last.width = Math.max(last.width, w);
    } else {
      layers.push({ end: x + w, width: w, nodes: [n] });
    }
  }
  const layerOf = new Map<string, number>();
  layers.forEach((l, k) => l.nodes.forEach((n) => layerOf.set(n.id, k)));
  const labelled = new Set<number>();
  for (const e of graph.edges) {
    if (e.label === undefined && e.broken === undefined && e.detached === undefined) continue;
    const k = layerOf.get(e.source);
    if (k !== undefined) labelled.add(k);
  }
  const xs = new Map<string, number>();
  let x = 0;
  layers.forEach((l, k) => {
    for (const n of l.nodes) xs.set(n.id, x);
    x += l.width + (labelled.has(k) ? LABEL_GAP : PLAIN_GAP);
  });
  return xs;
}
