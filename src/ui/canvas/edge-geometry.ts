import type { GraphEdge, GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { handleCenter, nodeSize } from './metrics';
import { finish, type Job } from './slices';

/**
 * The point at `t` on the bezier React Flow draws from a right-hand source handle to a left-hand
 * target handle (its getBezierPath, curvature 0.25), so labels can sit anywhere along an edge.
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

/** Places tried along an edge, in order of preference: along it first, then a little off it. */
const CANDIDATES: readonly LabelSpot[] = [
  ...[0.5, 0.36, 0.64, 0.28, 0.72].map((t) => ({ t, dy: 0 })),
  ...[0.5, 0.36, 0.64].flatMap((t) => [{ t, dy: -11 }, { t, dy: 11 }]),
];
const LABEL_HEIGHT = 19;

/** Where a label sits: `t` along its edge (0 source … 1 target), `dy` pixels off it. */
export interface LabelSpot {
  readonly t: number;
  readonly dy: number;
}

function labelBox(text: string, broken: boolean): { w: number; h: number } {
  return broken ? { w: 170, h: 38 } : { w: text.length * 6 + 18, h: LABEL_HEIGHT };
}

/**
 * Chooses where along its edge each label goes (0…1), so that labels do not cover one another:
 * edges that converge on one backend, or leave one rule, would otherwise stack their labels at
 * the same midpoint. Greedy, in reading order; positions are the laid-out ones.
 */
export function placeLabels(graph: RouteGraph, positions: Readonly<Record<string, XY>>): Map<string, LabelSpot> {
  return finish(placeLabelsJob(graph, positions));
}

/** `placeLabels` as a job that can be run in slices (see slices.ts): a huge design has tens of thousands of edges. */
export function* placeLabelsJob(graph: RouteGraph, positions: Readonly<Record<string, XY>>): Job<Map<string, LabelSpot>> {
  const out = new Map<string, LabelSpot>();
  const labelled = graph.edges.filter((e) => e.label !== undefined || e.broken !== undefined || e.detached !== undefined);
  if (labelled.length === 0) return out;
  // Only the ends of labelled edges are looked up.
  const need = new Set<string>();
  for (const e of labelled) {
    need.add(e.source);
    need.add(e.target);
  }
  const byId = new Map<string, GraphNode>();
  let i = 0;
  for (const n of graph.nodes) {
    if (need.has(n.id)) byId.set(n.id, n);
    if (++i % 2048 === 0) yield;
  }
  const placeholder = (id: string): boolean => byId.get(id)?.role === 'missing';
  const ends: { e: GraphEdge; sx: number; sy: number; tx: number; ty: number }[] = [];
  for (const e of labelled) {
    if (++i % 512 === 0) yield;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const ps = positions[e.source];
    const pt = positions[e.target];
    if (!s || !t || !ps || !pt) continue;
    ends.push({ e, sx: ps.x + nodeSize(s).width, sy: ps.y + handleCenter(s, e.sourceRow), tx: pt.x, ty: pt.y + handleCenter(t, e.targetRow) });
  }
  ends.sort((a, b) => a.sy - b.sy || a.ty - b.ty);
  yield;
  const placed = new SpatialIndex();
  for (const { e, sx, sy, tx, ty } of ends) {
    if (++i % 256 === 0) yield;
    const box = labelBox(e.label ?? '', (e.broken !== undefined && !placeholder(e.target) && !placeholder(e.source)) || e.detached !== undefined);
    let best = { spot: CANDIDATES[0] as LabelSpot, overlap: Infinity };
    for (const spot of CANDIDATES) {
      const on = bezierPoint(sx, sy, tx, ty, spot.t);
      const p = { x: on.x, y: on.y + spot.dy };
      const overlap = placed.overlap({ ...p, ...box });
      if (overlap < best.overlap) best = { spot, overlap };
      if (overlap === 0) break;
    }
    const p = bezierPoint(sx, sy, tx, ty, best.spot.t);
    placed.add({ x: p.x, y: p.y + best.spot.dy, ...box });
    out.set(e.id, best.spot);
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
