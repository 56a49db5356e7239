import { clearOfFixed, type Box, type RouteGraph } from '../../core/index';
import type { Layouter, XY } from '../../store/index';
import { packGridInSlices } from './grid-layout';
import { layeredSeeds } from './layered-order';
import { packLanes } from './layout-graph';
import { nodeSize } from './metrics';
import { separate } from './separate';

/**
 * The canvas's layouter, on the main thread and in milliseconds: the layered order of each column
 * (layered-order.ts), packed into namespace lanes (layout-graph.ts). It replaced ELK's layered
 * layout in a worker, which did the same job — order the nodes within fixed columns — in
 * 0.3–4 s for 100–450 nodes on a 2-core machine, with no fewer crossings on the curated examples
 * (layout.test.ts keeps ELK as the yardstick).
 *
 * Above LANES_MAX_NODES nodes lanes are one column hundreds of thousands of pixels tall: a compact
 * grid of namespace blocks instead, in the same order (grid-layout.ts), computed in slices.
 */
export const LANES_MAX_NODES = 600;

export function createCanvasLayouter(): Layouter {
  return {
    async layout(graph: RouteGraph, fixed: Readonly<Record<string, XY>> = {}): Promise<Record<string, XY>> {
      if (graph.nodes.length === 0) return {};
      if (graph.nodes.length > LANES_MAX_NODES) {
        // In tasks of their own: the analysis that asked for it has just been applied and drawn.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return aroundFixed(graph, await packGridInSlices(graph), fixed);
      }
      return aroundFixed(graph, layoutInLanes(graph), fixed);
    },
    clear: clearAround,
  };
}

/** A node dropped by hand stays; what it would cover moves down (separate.ts). A big design's drop is not checked. */
export function clearAround(graph: RouteGraph, positions: Readonly<Record<string, XY>>, kept: string): Readonly<Record<string, XY>> {
  return graph.nodes.length > LANES_MAX_NODES ? positions : separate(graph, positions, new Set([kept]), kept);
}

/** The layered order packed into namespace lanes: the layouter's own path, also run by the layout tests. */
export function layoutInLanes(graph: RouteGraph): Record<string, XY> {
  return packLanes(graph, layeredSeeds(graph));
}

/**
 * The layout with the hand-placed nodes where they were put, nothing laid out over them, and
 * nothing over anything else — a hand-placed card that grew, or the namespace box around it,
 * pushes what it would cover down (separate.ts; the store keeps a hand-placed node's new place
 * unless it was moved again meanwhile).
 */
export function aroundFixed(graph: RouteGraph, positions: Record<string, XY>, fixed: Readonly<Record<string, XY>>): Record<string, XY> {
  const ids = Object.keys(fixed);
  if (ids.length === 0) return positions;
  const boxes = new Map<string, Box>();
  const out = { ...positions };
  for (const n of graph.nodes) {
    const p = fixed[n.id] ?? positions[n.id];
    if (fixed[n.id]) out[n.id] = fixed[n.id] as XY;
    if (p) boxes.set(n.id, { ...p, ...nodeSize(n) });
  }
  const pinned = new Set(ids);
  for (const [id, p] of clearOfFixed(boxes, pinned)) out[id] = p;
  return separate(graph, out, pinned);
}
