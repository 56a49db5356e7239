import type { GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { layeredSeeds } from './layered-order';
import { columnOf, COLUMN_GAP, LANE_GAP, lanesOf, NODE_GAP } from './layout-graph';
import { GROUP_PADDING, nodeSize } from './metrics';
import { pillOwners } from './pill-layout';
import { finish, slice, type Job } from './slices';

/**
 * The layout of a big design (more nodes than ELK lays out in time): compact, so that a
 * thousand nodes fit on one screen at a readable-as-shapes zoom instead of one column
 * hundreds of thousands of pixels tall.
 * - Each namespace is a block; inside it, gateways | routes | backends still read left to right,
 *   and each of those columns wraps into as many sub-columns as keep the block roughly square.
 * - Blocks flow left to right in rows about 16:9 wide overall, in lane order (cluster-scoped
 *   things first). Blocks never overlap, so namespace groups stay simple boxes.
 * - Within a column, nodes follow the layered order (layered-order.ts) up to ORDERED_MAX_NODES:
 *   the routes of one listener together, each backend where its routes are; a workload pill after
 *   its Service. Above it, document order (the order alone would be a long task: 0.13–0.2 s for 9,000
 *   nodes on a busy 2-core machine).
 */

export const ORDERED_MAX_NODES = 3000;

/** Each node's place in its column's order (document order when the design is too big to order). */
function rankOf(graph: RouteGraph): (n: GraphNode) => number {
  if (graph.nodes.length > ORDERED_MAX_NODES) return () => 0;
  const seeds = layeredSeeds(graph);
  const { ownerOf } = pillOwners(graph);
  return (n) => seeds.get(n.id)?.y ?? (seeds.get(ownerOf.get(n.id) ?? '')?.y ?? Number.MAX_SAFE_INTEGER) + 0.5;
}

const WRAP_GAP = NODE_GAP * 2;
const ASPECT = 16 / 9;

interface Block {
  readonly id: string | undefined;
  readonly width: number;
  readonly height: number;
  /** Positions relative to the block's top-left corner. */
  readonly places: readonly (readonly [string, XY])[];
}

function blockOf(id: string | undefined, nodes: readonly GraphNode[], graph: RouteGraph, rank: (n: GraphNode) => number): Block {
  const pad = id === undefined ? { top: 0, left: 0, right: 0, bottom: 0 } : GROUP_PADDING;
  if (nodes.length === 0) return { id, width: 240, height: 48, places: [] };
  const kinds: GraphNode[][] = [[], [], []];
  let area = 0;
  let tallest = 0;
  for (const n of nodes) {
    kinds[columnOf(n, graph)]?.push(n);
    const size = nodeSize(n);
    area += (size.width + WRAP_GAP) * (size.height + NODE_GAP);
    tallest = Math.max(tallest, size.height);
  }
  // Stable: equal ranks (a pill's, or every node's above ORDERED_MAX_NODES) keep document order.
  for (const column of kinds) column.sort((a, b) => rank(a) - rank(b));
  const limit = Math.max(tallest, Math.sqrt(area));
  const places: [string, XY][] = [];
  let x = pad.left;
  let bottom = pad.top;
  for (const column of kinds) {
    if (column.length === 0) continue;
    let y = pad.top;
    let width = 0;
    for (const n of column) {
      const size = nodeSize(n);
      if (y > pad.top && y + size.height > pad.top + limit) {
        x += width + WRAP_GAP;
        y = pad.top;
        width = 0;
      }
      places.push([n.id, { x, y }]);
      width = Math.max(width, size.width);
      bottom = Math.max(bottom, y + size.height);
      y += size.height + NODE_GAP;
    }
    x += width + COLUMN_GAP;
  }
  return { id, width: x - COLUMN_GAP + pad.right, height: bottom + pad.bottom, places };
}

/** Absolute top-left corners of every node, and of the groups that have no member. */
export function packGrid(graph: RouteGraph): Record<string, XY> {
  const rank = rankOf(graph);
  return finish(
    placeBlocks(
      lanesOf(graph)
        .filter((lane) => lane.id !== undefined || lane.nodes.length > 0)
        .map((lane) => blockOf(lane.id, lane.nodes, graph, rank)),
    ),
  );
}

/** A pause that lets the page handle input and paint (a task of its own). */
export type Pause = () => Promise<void>;

const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `packGrid`, a namespace (or so) per task: on 100,000 nodes the whole of it is ~300 ms of main
 * thread, which would be one long task. The result is the same as packGrid's.
 */
export async function packGridInSlices(graph: RouteGraph, sliceMs = 12, pause: Pause = nextTask): Promise<Record<string, XY>> {
  const blocks: Block[] = [];
  const rank = rankOf(graph);
  await pause();
  let since = performance.now();
  for (const lane of lanesOf(graph)) {
    if (lane.id === undefined && lane.nodes.length === 0) continue;
    blocks.push(blockOf(lane.id, lane.nodes, graph, rank));
    if (performance.now() - since > sliceMs) {
      await pause();
      since = performance.now();
    }
  }
  // Placing them writes every node's corner: in slices too (100,000 of them are ~400 ms on a busy core).
  const placing = placeBlocks(blocks);
  for (;;) {
    const r = slice(placing, sliceMs);
    if (r.done) return r.value;
    await pause();
  }
}

function* placeBlocks(blocks: readonly Block[]): Job<Record<string, XY>> {
  const area = blocks.reduce((sum, b) => sum + (b.width + COLUMN_GAP) * (b.height + LANE_GAP), 0);
  const rowWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * ASPECT));
  const out: Record<string, XY> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowHeight + LANE_GAP;
      rowHeight = 0;
    }
    if (b.places.length === 0 && b.id !== undefined) out[b.id] = { x, y };
    for (const [id, p] of b.places) out[id] = { x: x + p.x, y: y + p.y };
    yield;
    x += b.width + COLUMN_GAP;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return out;
}
