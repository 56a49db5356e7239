import { clearOfFixed, type Box, type RouteGraph } from '../../core/index';
import type { Layouter, XY } from '../../store/index';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { packGrid, packGridInSlices } from './grid-layout';
import { packLanes, seedsFromElk, toElkGraph } from './layout-graph';
import { nodeSize } from './metrics';
import { separate } from './separate';

/**
 * Above this many nodes ELK takes seconds (≈ 1 s for 300 nodes, 9 s for 1,200 on a 2-core
 * machine, in its worker): a compact grid in document order instead, computed at once
 * (see grid-layout.ts).
 */
export const ELK_MAX_NODES = 600;

interface ElkApi {
  layout(graph: ElkNode): Promise<ElkNode>;
  terminateWorker(): void;
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

export interface ElkLayouterOptions {
  /** How long ELK may take before its worker is stopped and the grid layout used instead. */
  readonly limitMs?: number;
  /** Told when ELK was stopped (the canvas then shows the grid layout). */
  readonly onStopped?: (message: string) => void;
}

/** ELK lays out at most ELK_MAX_NODES nodes, ~3 s on a 2-core machine: 20 s is a stuck layout. */
export const ELK_LIMIT_MS = 20_000;

export function createElkLayouter(options: ElkLayouterOptions = {}): Layouter {
  const limit = options.limitMs ?? ELK_LIMIT_MS;
  return {
    async layout(graph: RouteGraph, fixed: Readonly<Record<string, XY>> = {}): Promise<Record<string, XY>> {
      if (graph.nodes.length === 0) return {};
      if (graph.nodes.length > ELK_MAX_NODES) {
        // In tasks of their own: the analysis that asked for it has just been applied and drawn.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return aroundFixed(graph, await packGridInSlices(graph), fixed);
      }
      const api = await loadElk();
      const laid = await withinLimit(layoutWithElk(api, graph), limit);
      if (laid === null) {
        // The watchdog: ELK's worker is stopped (the next layout starts a fresh one) and this
        // graph gets the grid layout, which takes no time on this many nodes.
        api.terminateWorker();
        elk = undefined;
        options.onStopped?.(`Laying out the design took longer than ${Math.floor(limit / 1000)} s and was stopped; a grid layout is shown.`);
        return aroundFixed(graph, packGrid(graph), fixed);
      }
      return aroundFixed(graph, laid, fixed);
    },
    clear: clearAround,
  };
}

/** A node dropped by hand stays; what it would cover moves down (separate.ts). A big design's drop is not checked. */
export function clearAround(graph: RouteGraph, positions: Readonly<Record<string, XY>>, kept: string): Readonly<Record<string, XY>> {
  return graph.nodes.length > ELK_MAX_NODES ? positions : separate(graph, positions, new Set([kept]), kept);
}

/** ELK's layered layout of the graph, packed into namespace lanes: the layouter's own path, also run by the layout tests (with ELK in-process). */
export async function layoutWithElk(api: Pick<ElkApi, 'layout'>, graph: RouteGraph): Promise<Record<string, XY>> {
  return packLanes(graph, seedsFromElk(await api.layout(toElkGraph(graph))));
}

/** The promise's value, or null when it takes longer than `ms`. */
function withinLimit<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
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
