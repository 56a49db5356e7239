import { clearOfFixed, type Box, type RouteGraph } from '../../core/index';
import type { Layouter, XY } from '../../store/index';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { packGrid } from './grid-layout';
import { packLanes, seedsFromElk, toElkGraph } from './layout-graph';
import { nodeSize } from './metrics';

/**
 * Above this many nodes ELK takes seconds (≈ 1 s for 300 nodes, 9 s for 1,200 on a 2-core
 * machine, in its worker): a compact grid in document order instead, computed at once
 * (see grid-layout.ts).
 */
export const ELK_MAX_NODES = 600;

interface ElkApi {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let elk: Promise<ElkApi> | undefined;

/**
 * ELK (layered) in its own Web Worker: `elk-api` is a small client, `elk-worker.min.js` (1.6 MB)
 * does the work off the main thread. Both are fetched on the first layout, never before.
 */
function loadElk(): Promise<ElkApi> {
  elk ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, url]): ElkApi => {
    const Elk = api.default;
    return new Elk({ workerUrl: url.default });
  });
  return elk;
}

export function createElkLayouter(): Layouter {
  return {
    async layout(graph: RouteGraph, fixed: Readonly<Record<string, XY>> = {}): Promise<Record<string, XY>> {
      if (graph.nodes.length === 0) return {};
      if (graph.nodes.length > ELK_MAX_NODES) {
        // In a task of its own: the analysis that asked for it has just been applied and drawn.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return aroundFixed(graph, packGrid(graph), fixed);
      }
      const api = await loadElk();
      const laid = await api.layout(toElkGraph(graph));
      return aroundFixed(graph, packLanes(graph, seedsFromElk(laid)), fixed);
    },
  };
}

/** The layout with the hand-placed nodes where they were put, and nothing laid out over them. */
export function aroundFixed(graph: RouteGraph, positions: Record<string, XY>, fixed: Readonly<Record<string, XY>>): Record<string, XY> {
  const ids = Object.keys(fixed);
  if (ids.length === 0) return positions;
  const boxes = new Map<string, Box>();
  for (const n of graph.nodes) {
    const p = fixed[n.id] ?? positions[n.id];
    if (p) boxes.set(n.id, { ...p, ...nodeSize(n) });
  }
  const out = { ...positions };
  for (const [id, p] of clearOfFixed(boxes, new Set(ids))) out[id] = p;
  return out;
}
