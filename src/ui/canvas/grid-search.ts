import type { XY } from '../../store/index';
import type { Obstacles } from './obstacles';

/**
 * The detour of an edge that no simple three-segment path serves (it runs backwards, or nodes
 * stand between its ends): the shortest orthogonal path with few bends on the grid of lines that
 * run `MARGIN` pixels outside each node near it (an orthogonal visibility grid), found by
 * Dijkstra over (point, heading). Only the nodes in a window around the two ends count, so the
 * cost stays local: a few hundred grid lines at most, else no detour (the caller falls back).
 */

export const MARGIN = 9;
const BEND = 40;
const WINDOWS = [140, 420];
/** More boxes than this in the window: not searched (the caller draws its plain path). */
const MAX_BOXES = 160;

/** Headings: 0 +x, 1 −x, 2 +y, 3 −y. */
const DX = [1, -1, 0, 0] as const;
const DY = [0, 0, 1, -1] as const;

/** Which way a path leaves its start and enters its end: rightwards (side handles) or downwards (top and bottom ones). */
export type Heading = 'right' | 'down';

/** A path from `from` to `to`, leaving and arriving as told (rightwards by default), or null. */
export function detour(obstacles: Obstacles, from: XY, to: XY, leave: Heading = 'right', arrive: Heading = 'right'): XY[] | null {
  for (const pad of WINDOWS) {
    const found = searchWindow(obstacles, from, to, pad, leave === 'right' ? 0 : 2, arrive === 'right' ? 0 : 2);
    if (found !== undefined) return found;
  }
  return null;
}

/** undefined: no path in this window (a larger one may have one); null: not searched. */
function searchWindow(obstacles: Obstacles, from: XY, to: XY, pad: number, leave: number, arrive: number): XY[] | null | undefined {
  const x0 = Math.min(from.x, to.x) - pad;
  const x1 = Math.max(from.x, to.x) + pad;
  const y0 = Math.min(from.y, to.y) - pad;
  const y1 = Math.max(from.y, to.y) + pad;
  const boxes = obstacles.within(x0, y0, x1, y1);
  if (boxes.length > MAX_BOXES) return null;
  const xs = sortedUnique([from.x, to.x, x0, x1, ...boxes.flatMap((b) => [b.x - MARGIN, b.x + b.w + MARGIN])].filter((x) => x >= x0 && x <= x1));
  const ys = sortedUnique([from.y, to.y, y0, y1, ...boxes.flatMap((b) => [b.y - MARGIN, b.y + b.h + MARGIN])].filter((y) => y >= y0 && y <= y1));
  const nx = xs.length;
  const ny = ys.length;
  // Blocked grid segments: h[i + j*nx] is (xs[i], ys[j])–(xs[i+1], ys[j]); v[i + j*nx] is (xs[i], ys[j])–(xs[i], ys[j+1]).
  const h = new Uint8Array(nx * ny);
  const v = new Uint8Array(nx * ny);
  for (const b of boxes) {
    const i0 = lowerBound(xs, b.x - MARGIN);
    const i1 = lowerBound(xs, b.x + b.w + MARGIN);
    const j0 = lowerBound(ys, b.y - MARGIN);
    const j1 = lowerBound(ys, b.y + b.h + MARGIN);
    for (let j = j0; j <= j1 && j < ny; j++) {
      for (let i = i0; i <= i1 && i < nx; i++) {
        const inY = ys[j] as number > b.y - MARGIN && (ys[j] as number) < b.y + b.h + MARGIN;
        const inX = xs[i] as number > b.x - MARGIN && (xs[i] as number) < b.x + b.w + MARGIN;
        if (inY && i < i1) h[i + j * nx] = 1;
        if (inX && j < j1) v[i + j * nx] = 1;
      }
    }
  }
  const si = lowerBound(xs, from.x);
  const sj = lowerBound(ys, from.y);
  const ti = lowerBound(xs, to.x);
  const tj = lowerBound(ys, to.y);
  const states = nx * ny * 4;
  const cost = new Float64Array(states).fill(Infinity);
  const prev = new Int32Array(states).fill(-1);
  const heap = new Heap();
  const start = (si + sj * nx) * 4 + leave;
  cost[start] = 0;
  heap.push(start, 0);
  const goal = (ti + tj * nx) * 4 + arrive;
  while (heap.size > 0) {
    const s = heap.pop();
    const c = cost[s] as number;
    if (s === goal) return pathOf(prev, s, xs, ys, nx);
    const d = s % 4;
    const p = (s - d) / 4;
    const i = p % nx;
    const j = (p - i) / nx;
    // Straight on.
    const ni = i + (DX[d] as number);
    const nj = j + (DY[d] as number);
    if (ni >= 0 && ni < nx && nj >= 0 && nj < ny) {
      const blocked = d === 0 ? h[i + j * nx] : d === 1 ? h[ni + j * nx] : d === 2 ? v[i + j * nx] : v[i + nj * nx];
      if (!blocked) {
        const len = Math.abs((xs[ni] as number) - (xs[i] as number)) + Math.abs((ys[nj] as number) - (ys[j] as number));
        relax(cost, prev, heap, s, (ni + nj * nx) * 4 + d, c + len);
      }
    }
    // Turns (never back on itself).
    for (const nd of d < 2 ? [2, 3] : [0, 1]) relax(cost, prev, heap, s, p * 4 + nd, c + BEND);
  }
  return undefined;
}

function relax(cost: Float64Array, prev: Int32Array, heap: Heap, from: number, to: number, c: number): void {
  if (c >= (cost[to] as number)) return;
  cost[to] = c;
  prev[to] = from;
  heap.push(to, c);
}

/** The corners of the found path, from start to goal. */
function pathOf(prev: Int32Array, goal: number, xs: readonly number[], ys: readonly number[], nx: number): XY[] {
  const points: XY[] = [];
  for (let s = goal; s !== -1; s = prev[s] as number) {
    const p = Math.floor(s / 4);
    const i = p % nx;
    const point = { x: xs[i] as number, y: ys[(p - i) / nx] as number };
    const last = points[points.length - 1];
    if (!last || last.x !== point.x || last.y !== point.y) points.push(point);
  }
  return points.reverse();
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((v, k) => k === 0 || v !== values[k - 1]);
}

/** The index of the first value ≥ x. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A binary min-heap of states by cost (stale entries are skipped by the cost check in relax). */
class Heap {
  private readonly items: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number): void {
    const { items, keys } = this;
    let k = items.length;
    items.push(item);
    keys.push(key);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      items[k] = items[parent] as number;
      keys[k] = keys[parent] as number;
      k = parent;
    }
    items[k] = item;
    keys[k] = key;
  }

  pop(): number {
    const { items, keys } = this;
    const top = items[0] as number;
    const lastItem = items.pop() as number;
    const lastKey = keys.pop() as number;
    const n = items.length;
    if (n > 0) {
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child++;
        if ((keys[child] as number) >= lastKey) break;
        items[k] = items[child] as number;
        keys[k] = keys[child] as number;
        k = child;
      }
      items[k] = lastItem;
      keys[k] = lastKey;
    }
    return top;
  }
}
