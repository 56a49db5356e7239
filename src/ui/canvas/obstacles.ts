/**
 * The drawn nodes as obstacles for edge routing: boxes in a coarse grid of cells, so that a
 * segment is checked against the boxes near it only (a long edge in a tall design crosses a few
 * dozen cells, not thousands of boxes).
 */

export interface Rect {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const CELL = 160;

export class Obstacles {
  private readonly cells = new Map<number, Rect[]>();
  private readonly byId = new Map<string, Rect>();

  constructor(rects: Iterable<Rect>) {
    for (const r of rects) {
      this.byId.set(r.id, r);
      for (let i = Math.floor(r.x / CELL); i <= Math.floor((r.x + r.w) / CELL); i++) {
        for (let j = Math.floor(r.y / CELL); j <= Math.floor((r.y + r.h) / CELL); j++) {
          const key = i * 1_048_576 + j;
          const list = this.cells.get(key);
          if (list) list.push(r);
          else this.cells.set(key, [r]);
        }
      }
    }
  }

  get(id: string): Rect | undefined {
    return this.byId.get(id);
  }

  /**
   * Whether the axis-aligned segment (x0,y0)–(x1,y1) keeps `clearance` pixels away from every
   * box but its own ends' (`ends`), which it may only touch (never enter).
   */
  clear(x0: number, y0: number, x1: number, y1: number, clearance: number, ends: readonly string[]): boolean {
    const lx = Math.min(x0, x1);
    const hx = Math.max(x0, x1);
    const ly = Math.min(y0, y1);
    const hy = Math.max(y0, y1);
    for (let i = Math.floor((lx - clearance) / CELL); i <= Math.floor((hx + clearance) / CELL); i++) {
      for (let j = Math.floor((ly - clearance) / CELL); j <= Math.floor((hy + clearance) / CELL); j++) {
        for (const r of this.cells.get(i * 1_048_576 + j) ?? []) {
          const c = ends.includes(r.id) ? 0 : clearance;
          if (hx > r.x - c && lx < r.x + r.w + c && hy > r.y - c && ly < r.y + r.h + c) return false;
        }
      }
    }
    return true;
  }

  /** The boxes that touch a window, each once. */
  within(x0: number, y0: number, x1: number, y1: number): Rect[] {
    const seen = new Set<Rect>();
    for (let i = Math.floor(x0 / CELL); i <= Math.floor(x1 / CELL); i++) {
      for (let j = Math.floor(y0 / CELL); j <= Math.floor(y1 / CELL); j++) {
        for (const r of this.cells.get(i * 1_048_576 + j) ?? []) {
          if (r.x < x1 && r.x + r.w > x0 && r.y < y1 && r.y + r.h > y0) seen.add(r);
        }
      }
    }
    return [...seen];
  }
}
