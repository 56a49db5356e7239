import type { GraphEdge, GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { detour, MARGIN } from './grid-search';
import { handleCenter, nodeSize } from './metrics';
import { Obstacles, type Rect } from './obstacles';
import type { Job } from './slices';

/**
 * Where every edge is drawn: an orthogonal path (React Flow draws it with rounded corners) from
 * its source handle to its target handle that never enters a node other than its ends, and the
 * place of its label — at the source row, just right of the rule it leaves.
 * - An edge leaves its row rightwards and enters its target from the left. Edges that leave one
 *   row with labels (a weighted split) fork at once, a label lane each, so every label sits on its
 *   own branch.
 * - Most edges then need one vertical run in the channel before their target's column: channels
 *   are shared out in tracks, so unrelated edges do not run on top of one another.
 * - An edge that a three-segment path cannot serve (it runs backwards, like a mesh Service to its
 *   VirtualService, or nodes stand between its ends) takes a detour around them (grid-search.ts).
 * - Above ROUTE_MAX_NODES nodes (the grid layout of big designs), edges take the plain
 *   three-segment path, unchecked: linear time for a hundred thousand edges.
 */

export interface EdgeRoute {
  /** Corners, from the source handle to the target handle (absolute canvas coordinates). */
  readonly points: readonly XY[];
  /** Centre of the edge's label (when it has one). */
  readonly label: XY;
}

/**
 * Above this many nodes routes are not checked against nodes: that is the grid layout of big
 * designs (canvas-layouter's LANES_MAX_NODES), whose namespace blocks wrap into rows that long edges
 * cross — detours there took seconds (3–4.5 s for 1,157 nodes) against ~50 ms for 600 nodes laid
 * out by ELK (layout.test.ts prints the figures).
 */
export const ROUTE_MAX_NODES = 600;

/** Where a split forks, right of its source row; its label lanes are LANE apart. */
const FORK = 12;
const LANE = 20;
/** Gap between a label and the run it leaves room for; vertical tracks in a channel are TRACK apart. */
const LABEL_ROOM = 10;
const TRACK = 8;
/** More tracks than a channel has room for are no use: past this many, the track that frees first is shared. */
const MAX_TRACKS = 8;
/** Tracks of the edges down to a Service's pills, right of the column. */
const PILL_TRACK = 4;
/** How close a path may pass a node that is not its end. */
const CLEARANCE = 4;
export const LABEL_HEIGHT = 17;

/**
 * The label's box, estimated from its text: 10.5 px semibold tabular digits, 12 px of padding and
 * a border (measured in Chromium: '100 %' is 50 px wide, '80 · 80 %' 69 px; 16.6 px high).
 */
export function labelSize(text: string, explained: boolean): { w: number; h: number } {
  if (explained) return { w: 150, h: 38 };
  let w = 16;
  for (const c of text) w += c >= '0' && c <= '9' ? 6.9 : c === ' ' || c === '·' ? 3.4 : c === '%' ? 12 : c >= 'A' && c <= 'Z' ? 7.6 : 6.4;
  return { w: Math.round(w), h: LABEL_HEIGHT };
}

interface Ends {
  readonly e: GraphEdge;
  readonly s: XY;
  readonly t: XY;
  readonly vertical: boolean;
  readonly label?: { w: number; h: number };
}

export interface RouteInput {
  readonly graph: RouteGraph;
  readonly positions: Readonly<Record<string, XY>>;
  /** Edges drawn top to bottom (GatewayClass → Gateway). */
  readonly vertical: ReadonlySet<string>;
  /** Edges with a label, and its text. */
  readonly labels: ReadonlyMap<string, { text: string; explained: boolean }>;
}

export function* routeEdgesJob({ graph, positions, vertical, labels }: RouteInput): Job<Map<string, EdgeRoute>> {
  const out = new Map<string, EdgeRoute>();
  const byId = new Map<string, GraphNode>();
  const rects: Rect[] = [];
  let i = 0;
  for (const n of graph.nodes) {
    byId.set(n.id, n);
    const p = positions[n.id];
    if (p) rects.push({ id: n.id, x: p.x, y: p.y, w: nodeSize(n).width, h: nodeSize(n).height });
    if (++i % 2048 === 0) yield;
  }
  const checked = graph.nodes.length <= ROUTE_MAX_NODES;
  const obstacles = new Obstacles(checked ? rects : []);
  yield;
  const ends: Ends[] = [];
  const pillEnds: Ends[] = [];
  for (const e of graph.edges) {
    if (++i % 1024 === 0) yield;
    if (e.source === e.target) continue;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const ps = positions[e.source];
    const pt = positions[e.target];
    if (!s || !t || !ps || !pt) continue;
    const text = labels.get(e.id);
    const label = text ? labelSize(text.text, text.explained) : undefined;
    if (t.role === 'workload') {
      // Into a pill's right side (it hangs under its Service: pill-layout.ts).
      pillEnds.push({ e, s: { x: ps.x + nodeSize(s).width, y: ps.y + handleCenter(s, e.sourceRow) }, t: { x: pt.x + nodeSize(t).width, y: pt.y + nodeSize(t).height / 2 }, vertical: false });
    } else if (vertical.has(e.id)) {
      ends.push({ e, s: { x: ps.x + nodeSize(s).width / 2, y: ps.y + nodeSize(s).height }, t: { x: pt.x + nodeSize(t).width / 2, y: pt.y }, vertical: true, ...(label ? { label } : {}) });
    } else {
      ends.push({ e, s: { x: ps.x + nodeSize(s).width, y: ps.y + handleCenter(s, e.sourceRow) }, t: { x: pt.x, y: pt.y + handleCenter(t, e.targetRow) }, vertical: false, ...(label ? { label } : {}) });
    }
  }
  const stems = stemsOf(ends);
  yield;
  const tracks = tracksOf(ends, stems);
  yield;
  for (const end of ends) {
    if (++i % 128 === 0) yield;
    out.set(end.e.id, end.vertical ? verticalRoute(end, obstacles, checked) : routeOf(end, stems.get(end.e.id) ?? { start: [end.s], run: end.s }, tracks.get(end.e.id), obstacles, checked));
  }
  for (const [id, route] of pillRoutes(pillEnds)) out.set(id, route);
  return out;
}

/**
 * A Service's edges to its pills (from the Service, or from its DestinationRule subset rows): out
 * of the row, down the free side right of the column, into the pill's right side — a track each,
 * the edge from the topmost row nearest the column.
 */
function pillRoutes(ends: readonly Ends[]): Map<string, EdgeRoute> {
  const bySource = new Map<string, Ends[]>();
  for (const end of ends) {
    const list = bySource.get(end.e.source);
    if (list) list.push(end);
    else bySource.set(end.e.source, [end]);
  }
  const out = new Map<string, EdgeRoute>();
  for (const group of bySource.values()) {
    group.sort((a, b) => a.s.y - b.s.y || a.t.y - b.t.y);
    group.forEach((end, k) => {
      // Inside the namespace box's right padding (18 px) for up to three pills.
      const x = Math.max(end.s.x, end.t.x) + PILL_TRACK * (k + 1);
      out.set(end.e.id, { points: simplify([end.s, { x, y: end.s.y }, { x, y: end.t.y }, end.t]), label: { x, y: end.s.y } });
    });
  }
  return out;
}

interface Stem {
  /** The points from the source handle to where the edge is on its own (the fork, its label lane). */
  readonly start: readonly XY[];
  /** Where the label lane ends and the rest of the route begins. */
  readonly run: XY;
  readonly label?: XY;
}

const handleKey = (node: string, row: string | undefined): string => `${node}\u0000${row ?? ''}`;

/**
 * Each edge's first part: straight out of its row; a row with several labelled edges forks at
 * once into label lanes, ordered like their targets (top target, top lane: no crossing). The
 * lanes of one card are spread so that no two labels of the card overlap: a listener row's lower
 * lanes and the next row's upper lanes would otherwise be 8 px apart with 17 px labels.
 */
function stemsOf(ends: readonly Ends[]): Map<string, Stem> {
  const bySource = new Map<string, Ends[]>();
  for (const end of ends) {
    if (end.vertical) continue;
    const key = handleKey(end.e.source, end.e.sourceRow);
    const list = bySource.get(key);
    if (list) list.push(end);
    else bySource.set(key, [end]);
  }
  // Each stem's wanted lane, then the lanes of each card kept LANE apart.
  const lanes: { end: Ends; y: number; forked: boolean }[] = [];
  for (const group of bySource.values()) {
    const forked = group.filter((g) => g.label !== undefined).length > 1;
    const sorted = forked ? [...group].sort((a, b) => a.t.y - b.t.y || a.t.x - b.t.x) : group;
    sorted.forEach((end, k) => lanes.push({ end, y: forked ? end.s.y + (k - (sorted.length - 1) / 2) * LANE : end.s.y, forked }));
  }
  const byCard = new Map<string, { end: Ends; y: number }[]>();
  for (const lane of lanes) {
    if (!lane.forked && lane.end.label === undefined) continue;
    const list = byCard.get(lane.end.e.source);
    if (list) list.push(lane);
    else byCard.set(lane.end.e.source, [lane]);
  }
  for (const list of byCard.values()) if (list.length > 1) spread(list, LANE);
  const stems = new Map<string, Stem>();
  for (const { end, y, forked } of lanes) {
    const { s, label } = end;
    const jog = forked || y !== s.y;
    const start = jog && y !== s.y ? [s, { x: s.x + FORK, y: s.y }, { x: s.x + FORK, y }] : [s];
    const from = jog ? s.x + FORK : s.x;
    if (!label) {
      stems.set(end.e.id, { start, run: { x: from, y } });
      continue;
    }
    const lx = from + 4 + label.w / 2;
    stems.set(end.e.id, { start, run: { x: from + 4 + label.w + LABEL_ROOM, y }, label: { x: lx, y } });
  }
  return stems;
}

/**
 * Moves the items' `y` (in place) so that they are at least `gap` apart, keeping their order
 * (by wanted y) and each run of crowded items centred on where its items wanted to be (the mean
 * of their wanted places: pool adjacent violators).
 */
export function spread(items: { y: number }[], gap: number): void {
  items.sort((a, b) => a.y - b.y);
  const blocks: { first: number; count: number; sum: number }[] = [];
  items.forEach((item, i) => {
    // A block's items sit at top, top + gap, …; `sum` adds up (wanted - gap × place in block),
    // so top = sum / count. Merged, the later block's items are `prev.count` places further down.
    let block = { first: i, count: 1, sum: item.y };
    for (;;) {
      const prev = blocks[blocks.length - 1];
      if (!prev || prev.sum / prev.count + prev.count * gap <= block.sum / block.count) break;
      blocks.pop();
      block = { first: prev.first, count: prev.count + block.count, sum: prev.sum + block.sum - gap * prev.count * block.count };
    }
    blocks.push(block);
  });
  for (const b of blocks) {
    const top = b.sum / b.count;
    for (let k = 0; k < b.count; k++) {
      const item = items[b.first + k];
      if (item) item.y = top + k * gap;
    }
  }
}

/**
 * Vertical tracks in the channel before each target column: edges whose vertical runs overlap
 * get different tracks (first fit, from the target side leftwards); edges that share a source
 * handle without labels (a listener's routes) or a target handle share a track — they join.
 */
function tracksOf(ends: readonly Ends[], stems: ReadonlyMap<string, Stem>): Map<string, number> {
  const channels = new Map<number, { key: string; ids: string[]; lo: number; hi: number }[]>();
  const byKey = new Map<string, { key: string; ids: string[]; lo: number; hi: number }>();
  for (const end of ends) {
    const stem = stems.get(end.e.id);
    if (end.vertical || !stem || stem.run.y === end.t.y) continue;
    const shared = stem.label === undefined && stem.start.length === 1;
    const key = shared ? `s${handleKey(end.e.source, end.e.sourceRow)}>${Math.round(end.t.x)}` : `t${handleKey(end.e.target, end.e.targetRow)}`;
    const lo = Math.min(stem.run.y, end.t.y);
    const hi = Math.max(stem.run.y, end.t.y);
    let item = byKey.get(key);
    if (!item) {
      item = { key, ids: [], lo, hi };
      byKey.set(key, item);
      const channel = Math.round(end.t.x);
      const list = channels.get(channel);
      if (list) list.push(item);
      else channels.set(channel, [item]);
    }
    item.ids.push(end.e.id);
    item.lo = Math.min(item.lo, lo);
    item.hi = Math.max(item.hi, hi);
  }
  const tracks = new Map<string, number>();
  for (const items of channels.values()) {
    items.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const ends: number[] = [];
    for (const item of items) {
      let k = ends.findIndex((hi) => hi + TRACK < item.lo);
      if (k < 0 && ends.length < MAX_TRACKS) k = ends.push(item.hi) - 1;
      else {
        if (k < 0) k = ends.indexOf(Math.min(...ends));
        ends[k] = Math.max(ends[k] ?? item.hi, item.hi);
      }
      for (const id of item.ids) tracks.set(id, k);
    }
  }
  return tracks;
}

/** Source handle → stem → (three segments, or a detour) → the target's left side. */
function routeOf(end: Ends, stem: Stem, track: number | undefined, obstacles: Obstacles, checked: boolean): EdgeRoute {
  const { e, t } = end;
  const ends = [e.source, e.target];
  const entry = { x: t.x - MARGIN - 1, y: t.y };
  const label = stem.label ?? stem.run;
  // A gap too narrow for the label's room (nodes placed by hand close together): the edge turns
  // sooner, under its own label, rather than loop back from past its target's side.
  const forkX = (stem.start[stem.start.length - 1] as XY).x;
  const from = stem.run.x > entry.x - 4 && entry.x - 4 >= forkX ? { x: entry.x - 4, y: stem.run.y } : stem.run;
  const stemClear = !checked || segmentsClear([...stem.start, from], obstacles, ends);
  if (stemClear) {
    // The plain path: one vertical run in the channel, on the edge's track when there is room.
    if (from.y === t.y && (!checked || obstacles.clear(from.x, from.y, t.x, t.y, CLEARANCE, ends))) return { points: simplify([...stem.start, from, t]), label };
    const lo = from.x + 4;
    const hi = t.x - MARGIN - 1;
    if (hi >= lo) {
      const preferred = Math.max(lo, hi - (track ?? 0) * TRACK);
      for (const cx of [preferred, hi, lo, (lo + hi) / 2]) {
        const points = [...stem.start, from, { x: cx, y: from.y }, { x: cx, y: t.y }, t];
        if (!checked || segmentsClear(points.slice(stem.start.length - 1), obstacles, ends)) return { points: simplify(points), label };
      }
    }
  }
  if (checked) {
    // Searched from outside the margin the search keeps around every node, its source's too.
    const base = stemClear ? from : end.s;
    const head = stemClear ? [...stem.start, from] : [end.s];
    const out = { x: Math.max(base.x, end.s.x + MARGIN + 1), y: base.y };
    const found = detour(obstacles, out, entry);
    if (found) return { points: simplify([...head, out, ...found, t]), label: stemClear ? label : { x: end.s.x + 4 + (end.label?.w ?? 0) / 2, y: end.s.y } };
  }
  const cx = Math.max(from.x + 4, (from.x + t.x) / 2);
  return { points: simplify([...stem.start, from, { x: cx, y: from.y }, { x: cx, y: t.y }, t]), label };
}

/** GatewayClass → Gateway: down from the class's bottom to the Gateway's top, jogging half-way (or around what is in the way). */
function verticalRoute(end: Ends, obstacles: Obstacles, checked: boolean): EdgeRoute {
  const { e, s, t } = end;
  const my = Math.round((s.y + t.y) / 2);
  const points = simplify([s, { x: s.x, y: my }, { x: t.x, y: my }, t]);
  if (!checked || (t.y > s.y && segmentsClear(points, obstacles, [e.source, e.target]))) return { points, label: { x: s.x, y: my } };
  const out = { x: s.x, y: s.y + MARGIN + 1 };
  const entry = { x: t.x, y: t.y - MARGIN - 1 };
  const found = detour(obstacles, out, entry, 'down', 'down');
  return { points: found ? simplify([s, ...found, t]) : points, label: out };
}

function segmentsClear(points: readonly XY[], obstacles: Obstacles, ends: readonly string[]): boolean {
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as XY;
    const b = points[k] as XY;
    if (!obstacles.clear(a.x, a.y, b.x, b.y, CLEARANCE, ends)) return false;
  }
  return true;
}

/** Without repeated points and the middle of three points in a line. */
export function simplify(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
