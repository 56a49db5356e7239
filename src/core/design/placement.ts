/**
 * Where a new node goes: at the wanted spot if it is free, else at the nearest spot that is —
 * so two objects dropped at the same place never hide one another. Plain boxes in canvas
 * coordinates (top-left corner and size); the caller knows the sizes nodes are drawn at.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Space kept between a placed node and its neighbours. */
export const PLACEMENT_GAP = 24;
/** The nearest spots are looked for beside this many boxes around the wanted spot (big designs stay quick). */
const NEIGHBOURS = 120;

const overlaps = (a: Box, b: Box, gap: number): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * The top-left corner nearest to `want` (by straight distance) where a box of `want`'s size
 * overlaps none of `occupied`, `gap` apart. The answer is one of: the wanted spot, or a spot
 * touching a near box on each axis it moved along (the nearest free spot always is one); when
 * the neighbourhood is full, the spot below everything.
 */
export function placeFree(want: Box, occupied: readonly Box[], gap = PLACEMENT_GAP): { x: number; y: number } {
  const free = (x: number, y: number): boolean => !occupied.some((b) => overlaps({ ...want, x, y }, b, gap));
  if (free(want.x, want.y)) return { x: want.x, y: want.y };
  const distance = (b: Box): number => (b.x - want.x) ** 2 + (b.y - want.y) ** 2;
  const near = occupied.length <= NEIGHBOURS ? occupied : [...occupied].sort((a, b) => distance(a) - distance(b)).slice(0, NEIGHBOURS);
  const xs = new Set([want.x]);
  const ys = new Set([want.y]);
  for (const b of near) {
    xs.add(b.x + b.width + gap);
    xs.add(b.x - gap - want.width);
    ys.add(b.y + b.height + gap);
    ys.add(b.y - gap - want.height);
  }
  const candidates: { x: number; y: number; d: number }[] = [];
  for (const x of xs) for (const y of ys) candidates.push({ x, y, d: (x - want.x) ** 2 + (y - want.y) ** 2 });
  // Nearest first; ties go to the lower, then the more right spot (reading order of the canvas).
  candidates.sort((a, b) => a.d - b.d || b.y - a.y || b.x - a.x);
  for (const c of candidates) if (free(c.x, c.y)) return { x: c.x, y: c.y };
  return { x: want.x, y: Math.max(...occupied.map((b) => b.y + b.height)) + gap };
}

/**
 * A fresh layout around nodes the user placed by hand (`fixed`): every other box that overlaps
 * one of them moves to the nearest free spot (fixed boxes never move). Returns the moved boxes'
 * new corners. An object added by a click is laid out with the rest and so never lands on a node
 * the user put there.
 */
export function clearOfFixed(boxes: ReadonlyMap<string, Box>, fixed: ReadonlySet<string>, gap = PLACEMENT_GAP): Map<string, { x: number; y: number }> {
  const moved = new Map<string, { x: number; y: number }>();
  const pinned = [...fixed].flatMap((id) => boxes.get(id) ?? []);
  if (pinned.length === 0) return moved;
  const current = new Map(boxes);
  for (const [id, box] of boxes) {
    if (fixed.has(id) || !pinned.some((p) => overlaps(box, p, 0))) continue;
    const others = [...current].filter(([other]) => other !== id).map(([, b]) => b);
    const spot = placeFree(box, others, gap);
    moved.set(id, spot);
    current.set(id, { ...box, ...spot });
  }
  return moved;
}
