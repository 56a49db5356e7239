import type { GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { COLUMN_GAP, columnOf, laidOutEdge, LANE_GAP, lanesOf, NODE_GAP } from './layout-graph';
import { CARD_WIDTH, GROUP_PADDING, handleCenter, nodeSize } from './metrics';
import { PILL_GAP, pillOwners } from './pill-layout';

/**
 * The order of the nodes in each column, in milliseconds (ELK's layered layout, which does the same
 * job, takes ~0.3 s for 200 nodes and seconds for 600 on a 2-core machine). The columns are fixed
 * — gateways | routes | backends (columnOf) — so what is left is the order within each column, the
 * classic barycenter heuristic of layered drawing (Sugiyama, Tagawa, Toda 1981):
 * - gateways (and the parents of mesh routes) keep document order;
 * - each route goes where the listener rows that attach it are, on average; each backend where the
 *   rule rows that send to it are;
 * - then a sweep back (routes by their backends) and forward again, kept only when it crosses fewer
 *   edges.
 * Positions are estimated as packLanes stacks them (lanes first, a column's nodes one under the
 * other), so a node is only ever compared with the nodes of its own lane and column.
 * The result has the shape of seedsFromElk's: each node's column x and its rank in the column.
 */

interface Link {
  readonly from: string;
  readonly to: string;
  /** The handle's offset from the top of its node. */
  readonly fromDy: number;
  readonly toDy: number;
}

interface Layered {
  readonly columns: GraphNode[][];
  readonly columnOf: ReadonlyMap<string, number>;
  readonly laneOf: ReadonlyMap<string, number>;
  readonly indexOf: ReadonlyMap<string, number>;
  /** Height each node takes in its column (its workload pills included). */
  readonly heightOf: ReadonlyMap<string, number>;
  readonly links: readonly Link[];
}

function layered(graph: RouteGraph): Layered {
  const { ownerOf, pillsOf } = pillOwners(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const laneOf = new Map<string, number>();
  lanesOf(graph).forEach((lane, k) => lane.nodes.forEach((n) => laneOf.set(n.id, k)));
  const indexOf = new Map<string, number>();
  const heightOf = new Map<string, number>();
  const columnIds = new Map<string, number>();
  const columns: GraphNode[][] = [[], [], []];
  graph.nodes.forEach((n, i) => {
    indexOf.set(n.id, i);
    if (ownerOf.has(n.id)) return;
    let h = nodeSize(n).height;
    for (const pill of pillsOf.get(n.id) ?? []) {
      const p = byId.get(pill);
      if (p) h += PILL_GAP + nodeSize(p).height;
    }
    heightOf.set(n.id, h);
    const c = columnOf(n, graph);
    columnIds.set(n.id, c);
    columns[c]?.push(n);
  });
  const links: Link[] = [];
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t || !laidOutEdge(e, byId) || !columnIds.has(e.source) || !columnIds.has(e.target)) continue;
    links.push({ from: s.id, to: t.id, fromDy: handleCenter(s, e.sourceRow), toDy: handleCenter(t, e.targetRow) });
  }
  for (const column of columns) column.sort((a, b) => (laneOf.get(a.id) ?? 0) - (laneOf.get(b.id) ?? 0) || (indexOf.get(a.id) ?? 0) - (indexOf.get(b.id) ?? 0));
  return { columns, columnOf: columnIds, laneOf, indexOf, heightOf, links };
}

/** Each node's top, stacked as packLanes stacks a column: lane after lane, node under node. */
function stack(l: Layered, column: readonly GraphNode[], tops: Map<string, number>): void {
  let y = 0;
  let lane: number | undefined;
  for (const n of column) {
    const k = l.laneOf.get(n.id) ?? 0;
    if (lane !== undefined && k !== lane) y += LANE_GAP + GROUP_PADDING.top + GROUP_PADDING.bottom;
    lane = k;
    tops.set(n.id, y);
    y += (l.heightOf.get(n.id) ?? 0) + NODE_GAP;
  }
}

/**
 * Orders column `c` by the mean height of its links to the columns in `by` (already placed);
 * a node without such links keeps its place. Stable: ties keep the previous order.
 */
function sweep(l: Layered, c: number, by: ReadonlySet<number>, tops: Map<string, number>): void {
  const column = l.columns[c];
  if (!column) return;
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  const add = (id: string, y: number): void => {
    sum.set(id, (sum.get(id) ?? 0) + y);
    count.set(id, (count.get(id) ?? 0) + 1);
  };
  for (const k of l.links) {
    const cf = l.columnOf.get(k.from);
    const ct = l.columnOf.get(k.to);
    if (ct === c && cf !== undefined && by.has(cf)) add(k.to, (tops.get(k.from) ?? 0) + k.fromDy - k.toDy);
    if (cf === c && ct !== undefined && by.has(ct)) add(k.from, (tops.get(k.to) ?? 0) + k.toDy - k.fromDy);
  }
  const key = new Map<string, number>();
  column.forEach((n) => {
    const k = count.get(n.id);
    key.set(n.id, k ? (sum.get(n.id) ?? 0) / k : (tops.get(n.id) ?? 0));
  });
  const rank = new Map(column.map((n, i) => [n.id, i]));
  column.sort((a, b) => (l.laneOf.get(a.id) ?? 0) - (l.laneOf.get(b.id) ?? 0) || (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0) || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  stack(l, column, tops);
}

/**
 * Pairs of links that cross, links between the same two columns compared with each other, by
 * their handles' heights: (O(E log E), by counting inversions).
 */
export function crossingsOf(links: readonly { readonly pair: string; readonly from: number; readonly to: number }[]): number {
  const byPair = new Map<string, { from: number; to: number }[]>();
  for (const k of links) {
    const list = byPair.get(k.pair);
    if (list) list.push(k);
    else byPair.set(k.pair, [k]);
  }
  let total = 0;
  for (const list of byPair.values()) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    total += inversions(list.map((k) => k.to));
  }
  return total;
}

/** Pairs i < j with a[i] > a[j] (merge sort). */
function inversions(a: number[]): number {
  if (a.length < 2) return 0;
  const mid = a.length >> 1;
  const left = a.slice(0, mid);
  const right = a.slice(mid);
  let count = inversions(left) + inversions(right);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    if ((left[i] as number) <= (right[j] as number)) a[k++] = left[i++] as number;
    else {
      count += left.length - i;
      a[k++] = right[j++] as number;
    }
  }
  while (i < left.length) a[k++] = left[i++] as number;
  while (j < right.length) a[k++] = right[j++] as number;
  return count;
}

/** Puts the columns back in the given orders. */
function restore(l: Layered, orders: readonly (readonly GraphNode[])[], tops: Map<string, number>): void {
  orders.forEach((order, c) => {
    const column = l.columns[c];
    if (!column) return;
    column.splice(0, column.length, ...order);
    stack(l, column, tops);
  });
}

function estimatedCrossings(l: Layered, tops: ReadonlyMap<string, number>): number {
  return crossingsOf(
    l.links.map((k) => ({ pair: `${l.columnOf.get(k.from) ?? 0}>${l.columnOf.get(k.to) ?? 0}`, from: (tops.get(k.from) ?? 0) + k.fromDy, to: (tops.get(k.to) ?? 0) + k.toDy })),
  );
}

/** The x every column's seeds share: columns apart by more than the widest node (packLanes reads columns from overlapping seeds). */
const COLUMN_X = CARD_WIDTH + COLUMN_GAP;

/** Seeds for packLanes: each node's column x and its rank in its column (pills excepted: they hang under their Service). */
export function layeredSeeds(graph: RouteGraph): Map<string, XY> {
  const l = layered(graph);
  const tops = new Map<string, number>();
  for (const column of l.columns) stack(l, column, tops);
  sweep(l, 1, new Set([0]), tops);
  sweep(l, 2, new Set([0, 1]), tops);
  let best = { orders: l.columns.map((c) => [...c]), crossings: estimatedCrossings(l, tops) };
  // Back and forth again while it pays (a few rounds at most: each is linear, and the gain shrinks
  // fast): routes by their backends alone (a backend whose rows list its routes, like the missing
  // Services of a namespace, wants them in its rows' order), or by both sides.
  for (let round = 0; round < 4 && best.crossings > 0; round++) {
    const start = best;
    for (const back of [new Set([2]), new Set([0, 2])]) {
      restore(l, start.orders, tops);
      sweep(l, 1, back, tops);
      sweep(l, 2, new Set([0, 1]), tops);
      const crossings = estimatedCrossings(l, tops);
      if (crossings < best.crossings) best = { orders: l.columns.map((c) => [...c]), crossings };
    }
    if (best === start) break;
    restore(l, best.orders, tops);
  }
  const seeds = new Map<string, XY>();
  best.orders.forEach((column, c) => column.forEach((n, rank) => seeds.set(n.id, { x: c * COLUMN_X, y: rank })));
  return seeds;
}

/** Crossings of a laid-out graph, by its handles' heights (for the layout's figures and tests). */
export function layoutCrossings(graph: RouteGraph, positions: Readonly<Record<string, XY>>): number {
  const l = layered(graph);
  const tops = new Map<string, number>();
  for (const [id, p] of Object.entries(positions)) tops.set(id, p.y);
  return estimatedCrossings(l, tops);
}
