import type { RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { labelSize, routeEdgesJob, type EdgeRoute } from './edge-routes';
import { verticalEdges } from './flow-elements';
import { finish, type Job } from './slices';

export type { EdgeRoute } from './edge-routes';

/**
 * The point at `t` on the bezier React Flow draws from a right-hand source handle to a left-hand
 * target handle (its getBezierPath, curvature 0.25): the overview of a big design still draws beziers.
 */
export function bezierPoint(sx: number, sy: number, tx: number, ty: number, t: number): XY {
  const offset = (d: number): number => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  const c1x = sx + offset(tx - sx);
  const c2x = tx - offset(tx - sx);
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * sy + c * ty + d * ty };
}

/**
 * Every edge's route (edge-routes.ts) and where its label sits: at its source row, moved along
 * its first run only when it would cover another label. Positions are the laid-out ones.
 */
export function edgeRoutes(graph: RouteGraph, positions: Readonly<Record<string, XY>>): Map<string, EdgeRoute> {
  return finish(edgeRoutesJob(graph, positions));
}

/** The last answer per positions object: selecting a node redraws the edges, it does not route them again. */
const memo = new WeakMap<Readonly<Record<string, XY>>, { graph: RouteGraph; routes: Map<string, EdgeRoute> }>();

/** `edgeRoutes` as a job that can be run in slices (see slices.ts): a huge design has tens of thousands of edges. */
export function* edgeRoutesJob(graph: RouteGraph, positions: Readonly<Record<string, XY>>): Job<Map<string, EdgeRoute>> {
  const known = memo.get(positions);
  if (known && known.graph === graph) return known.routes;
  const placeholders = new Set<string>();
  let i = 0;
  for (const n of graph.nodes) {
    if (n.role === 'missing') placeholders.add(n.id);
    if (++i % 2048 === 0) yield;
  }
  const labels = new Map<string, { text: string; explained: boolean }>();
  for (const e of graph.edges) {
    if (e.label === undefined && e.broken === undefined && e.detached === undefined) continue;
    const explained = (e.broken !== undefined && !placeholders.has(e.target) && !placeholders.has(e.source)) || e.detached !== undefined;
    labels.set(e.id, { text: e.label ?? '', explained });
  }
  const routes = yield* routeEdgesJob({ graph, positions, vertical: verticalEdges(graph), labels });
  // Labels in reading order; one that covers an earlier one slides right along its first run.
  const placed = new SpatialIndex();
  const order = [...labels.keys()].flatMap((id) => {
    const r = routes.get(id);
    return r ? [{ id, r }] : [];
  });
  order.sort((a, b) => a.r.label.y - b.r.label.y || a.r.label.x - b.r.label.x);
  for (const { id, r } of order) {
    if (++i % 256 === 0) yield;
    const text = labels.get(id);
    if (!text) continue;
    const box = labelSize(text.text, text.explained);
    let best = { at: r.label, overlap: Infinity };
    for (const at of slides(r, box.w)) {
      const overlap = placed.overlap({ ...at, w: box.w, h: box.h });
      if (overlap < best.overlap) best = { at, overlap };
      if (overlap === 0) break;
    }
    placed.add({ ...best.at, w: box.w, h: box.h });
    if (best.at !== r.label) routes.set(id, { ...r, label: best.at });
  }
  memo.set(positions, { graph, routes });
  return routes;
}

/** How far a label may slide from its row: it still reads as the row's. */
const SLIDE_MAX = 96;

/** The label's place, then places further right on the same horizontal run (never past its end). */
function slides(r: EdgeRoute, w: number): XY[] {
  const out: XY[] = [r.label];
  for (let k = 1; k < r.points.length; k++) {
    const a = r.points[k - 1] as XY;
    const b = r.points[k] as XY;
    if (a.y !== r.label.y || b.y !== r.label.y || r.label.x < Math.min(a.x, b.x) - w || r.label.x > Math.max(a.x, b.x) + w) continue;
    const end = Math.min(Math.max(a.x, b.x) - w / 2, r.label.x + SLIDE_MAX);
    for (let x = r.label.x + 16; x <= end; x += 16) out.push({ x, y: r.label.y });
  }
  return out;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Placed label boxes in a coarse grid, so each new label is checked against its neighbours only. */
class SpatialIndex {
  private static readonly CELL = 256;
  /** Cell (i, j) → the boxes touching it; the key packs both into one number (no strings to build). */
  private readonly cells = new Map<number, Placed[]>();
  private query = 0;

  add(b: Box): void {
    const placed: Placed = { ...b, seen: 0 };
    this.forCells(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(placed);
      else this.cells.set(key, [placed]);
    });
  }

  /** Total area `b` shares with placed boxes. */
  overlap(b: Box): number {
    const query = ++this.query;
    let sum = 0;
    this.forCells(b, (key) => {
      for (const q of this.cells.get(key) ?? []) {
        if (q.seen === query) continue; // a box in several cells counts once
        q.seen = query;
        const w = Math.min(b.x + b.w / 2, q.x + q.w / 2) - Math.max(b.x - b.w / 2, q.x - q.w / 2);
        const h = Math.min(b.y + b.h / 2, q.y + q.h / 2) - Math.max(b.y - b.h / 2, q.y - q.h / 2);
        if (w > 0 && h > 0) sum += w * h;
      }
    });
    return sum;
  }

  private forCells(b: Box, f: (key: number) => void): void {
    const c = SpatialIndex.CELL;
    const j0 = Math.floor((b.y - b.h / 2) / c);
    const j1 = Math.floor((b.y + b.h / 2) / c);
    for (let i = Math.floor((b.x - b.w / 2) / c); i <= Math.floor((b.x + b.w / 2) / c); i++) {
      for (let j = j0; j <= j1; j++) f(i * 1_048_576 + j);
    }
  }
}

interface Placed extends Box {
  seen: number;
}
