/**
 * The order Tab walks the canvas in (React Flow focuses its nodes in the order of its nodes
 * array): left to right by column, the way traffic flows, and top to bottom within a column; a
 * namespace box comes just before the first object inside it. Pure geometry, no React.
 */

export interface Placed {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly width?: number;
  readonly height?: number;
}

/** Nodes whose left edges are this close are one column (ELK's layers align them). */
const COLUMN_SLACK = 40;

/** Past this many nodes the array is left as it is (a huge design is windowed: see windowed.ts). */
export const READING_ORDER_MAX = 5000;

function inside(n: Placed, box: Placed): boolean {
  const w = n.width ?? 0;
  const h = n.height ?? 0;
  return n.position.x >= box.position.x && n.position.y >= box.position.y && n.position.x + w <= box.position.x + (box.width ?? 0) && n.position.y + h <= box.position.y + (box.height ?? 0);
}

/** `nodes` in reading order, each of `boxes` (namespaces) before the first node it holds. */
export function readingOrder<T extends Placed>(boxes: readonly T[], nodes: readonly T[]): T[] {
  if (nodes.length + boxes.length > READING_ORDER_MAX) return [...boxes, ...nodes];
  const byX = [...nodes].sort((a, b) => a.position.x - b.position.x);
  const column = new Map<T, number>();
  let col = -1;
  let start = -Infinity;
  for (const n of byX) {
    if (n.position.x - start > COLUMN_SLACK) {
      col++;
      start = n.position.x;
    }
    column.set(n, col);
  }
  const sorted = byX.sort((a, b) => (column.get(a) ?? 0) - (column.get(b) ?? 0) || a.position.y - b.position.y || a.position.x - b.position.x);
  const placed = new Set<T>();
  const out: T[] = [];
  for (const n of sorted) {
    for (const box of boxes) {
      if (!placed.has(box) && inside(n, box)) {
        placed.add(box);
        out.push(box);
      }
    }
    out.push(n);
  }
  // Empty namespaces: after everything, top to bottom.
  const rest = boxes.filter((b) => !placed.has(b)).sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return out.concat(rest);
}
