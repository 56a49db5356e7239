/**
 * Where the compare view draws the nodes the "after" version no longer has (ghost cards). The
 * layouter places the design's nodes and nothing else: the ghosts are placed around that layout
 * without moving it. A ghost goes to the column of the cards of its role (routes with routes,
 * backends with backends) — else beside its neighbours of the "before" version — at the height of
 * those neighbours, then down past whatever it would cover (cards and namespace boxes). Pure.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A drawn node or namespace box, and its role (a group has none). */
export interface Placed extends Box {
  readonly id: string;
  readonly role: string | null;
}

export interface GhostIn {
  /** Its id on the canvas (the edges' ends name it). */
  readonly id: string;
  readonly role: string;
  readonly width: number;
  readonly height: number;
}

/** An edge of the before version, its ends named as on the canvas. */
export interface Link {
  readonly source: string;
  readonly target: string;
}

/** Room kept between a ghost and what it must not cover, and between columns. */
export const GHOST_GAP = { x: 120, y: 28 } as const;

const overlaps = (a: Box, b: Box, gap: number): boolean => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/** The most frequent left edge among boxes (a layout's column), the leftmost on a tie. */
function columnX(boxes: readonly Placed[]): number | null {
  const counts = new Map<number, number>();
  for (const b of boxes) counts.set(b.x, (counts.get(b.x) ?? 0) + 1);
  let best: number | null = null;
  let most = 0;
  for (const [x, n] of counts) if (n > most || (n === most && best !== null && x < best)) [best, most] = [x, n];
  return best;
}

/** Top-left corners of the ghosts, by id; `edges` are the before version's. */
export function placeGhosts(ghosts: readonly GhostIn[], placed: readonly Placed[], edges: readonly Link[]): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const taken: Placed[] = [...placed];
  const byId = new Map(placed.map((p) => [p.id, p] as const));
  const right = placed.reduce((m, p) => Math.max(m, p.x + p.width), 0);
  for (const g of ghosts) {
    const id = g.id;
    const upstream: Placed[] = [];
    const downstream: Placed[] = [];
    for (const e of edges) {
      const other = e.source === id ? byId.get(e.target) : e.target === id ? byId.get(e.source) : undefined;
      if (other) (e.source === id ? downstream : upstream).push(other);
    }
    const near = [...upstream, ...downstream];
    const column = columnX(placed.filter((p) => p.role === g.role));
    const x =
      column ??
      (upstream.length > 0
        ? Math.max(...upstream.map((p) => p.x + p.width)) + GHOST_GAP.x
        : downstream.length > 0
          ? Math.min(...downstream.map((p) => p.x)) - g.width - GHOST_GAP.x
          : right + GHOST_GAP.x);
    const columnBottom = taken.filter((p) => p.x < x + g.width && x < p.x + p.width).reduce((m, p) => Math.max(m, p.y + p.height + GHOST_GAP.y), 0);
    let y = near.length > 0 ? near.reduce((sum, p) => sum + p.y + p.height / 2, 0) / near.length - g.height / 2 : columnBottom;
    // Down past what it would cover; each step passes one box, so this ends.
    for (let moved = true, steps = 0; moved && steps <= taken.length; steps++) {
      moved = false;
      const box = { x, y, width: g.width, height: g.height };
      const hit = taken.find((p) => overlaps(box, p, GHOST_GAP.y / 2));
      if (hit) {
        y = hit.y + hit.height + GHOST_GAP.y;
        moved = true;
      }
    }
    out[id] = { x, y };
    const made = { id, role: g.role, x, y, width: g.width, height: g.height };
    taken.push(made);
    byId.set(id, made);
  }
  return out;
}
