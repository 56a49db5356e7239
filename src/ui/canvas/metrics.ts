import type { GraphNode, GraphRow } from '../../core/index';

/**
 * Node geometry, shared by the layout (which needs sizes before anything is drawn) and the node
 * components (which draw exactly these sizes). Change one, and both follow.
 */
export const CARD_WIDTH = 300;
/** Room for a listener row: "https :443 *.shop.example.com" with its TLS, namespaces and routes badges whole. */
export const GATEWAY_WIDTH = 384;
export const BACKEND_WIDTH = 240;
export const SMALL_WIDTH = 210;
export const HEADER_HEIGHT = 58;
export const ROW_HEIGHT = 28;
/** A row with a problem says it on a second line (nothing only in a tooltip). */
export const ROW_PROBLEM_HEIGHT = 16;
export const ROWS_PADDING = 4;
export const BORDER = 1;
export const SMALL_HEIGHT = 50;
export const MISSING_HEIGHT = 66;
/** A workload pill under its Service (WorkloadPill.tsx; pill-layout.ts): as wide as the card less its indent. */
export const PILL_INDENT = 16;
export const PILL = { width: BACKEND_WIDTH - PILL_INDENT, height: 32 } as const;

export const GROUP_PADDING = { top: 34, left: 18, right: 18, bottom: 18 } as const;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Cards have rows; `other` nodes and placeholders without rows are small. */
export function isCard(n: GraphNode): boolean {
  return n.role === 'gateway' || n.role === 'route' || n.role === 'backend' || (n.role === 'missing' && n.rows.length > 0);
}

const sizes = new WeakMap<GraphNode, Size>();

/** The size a node is drawn at (memoised per node: a Gateway of a big design has hundreds of rows). */
export function nodeSize(n: GraphNode): Size {
  let size = sizes.get(n);
  if (!size) {
    size = measure(n);
    sizes.set(n, size);
  }
  return size;
}

function measure(n: GraphNode): Size {
  if (n.role === 'workload') return PILL;
  // A collapsed namespace: its name, and on a second line what it holds (a route card's width, so it reads whole).
  if (n.collapsed) return { width: CARD_WIDTH, height: MISSING_HEIGHT };
  if (!isCard(n)) return { width: SMALL_WIDTH, height: n.role === 'missing' ? MISSING_HEIGHT : SMALL_HEIGHT };
  return { width: n.role === 'gateway' ? GATEWAY_WIDTH : n.role === 'route' ? CARD_WIDTH : BACKEND_WIDTH, height: cardHeight(n.rows) };
}

export function rowHeight(row: GraphRow): number {
  return ROW_HEIGHT + (row.problem ? ROW_PROBLEM_HEIGHT : 0);
}

function rowsHeight(rows: readonly GraphRow[], count = rows.length): number {
  let h = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    if (row) h += rowHeight(row);
  }
  return h;
}

function cardHeight(rows: readonly GraphRow[]): number {
  return 2 * BORDER + HEADER_HEIGHT + rowsHeight(rows) + (rows.length > 0 ? ROWS_PADDING * 2 : 0);
}

interface RowCenters {
  readonly byIndex: readonly number[];
  readonly byId: ReadonlyMap<string, number>;
}

const centers = new WeakMap<GraphNode, RowCenters>();

/** Every row's centre, computed once per node (running sums: no quadratic work on big nodes). */
function rowCenters(n: GraphNode): RowCenters {
  let c = centers.get(n);
  if (!c) {
    const byIndex: number[] = [];
    const byId = new Map<string, number>();
    let top = BORDER + HEADER_HEIGHT + ROWS_PADDING;
    for (const row of n.rows) {
      const center = top + ROW_HEIGHT / 2;
      byIndex.push(center);
      if (!byId.has(row.id)) byId.set(row.id, center);
      top += rowHeight(row);
    }
    c = { byIndex, byId };
    centers.set(n, c);
  }
  return c;
}

/** Vertical centre of a row's handle (on its first line), from the node's top edge. */
export function rowCenter(n: GraphNode, index: number): number {
  return rowCenters(n).byIndex[index] ?? BORDER + HEADER_HEIGHT + ROWS_PADDING + rowsHeight(n.rows, index) + ROW_HEIGHT / 2;
}

/** Vertical centre of the handle an edge ends at: its row's, or the header's when it names none (or an unknown row). */
export function handleCenter(n: GraphNode, rowId: string | undefined): number {
  const row = rowId === undefined ? undefined : rowCenters(n).byId.get(rowId);
  return row ?? headerCenter(n);
}

/** Vertical centre of the node's own handles (on its header). */
export function headerCenter(n: GraphNode): number {
  return isCard(n) ? BORDER + HEADER_HEIGHT / 2 : nodeSize(n).height / 2;
}
