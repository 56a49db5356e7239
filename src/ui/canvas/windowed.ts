import type { FlowEdge, FlowNode } from './flow-elements';

/** Above this many nodes a design is huge: its React Flow nodes are built in slices (slices.ts) and React Flow holds only those near the view. */
export const HUGE_DESIGN = 5000;

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The part of the canvas React Flow is given for a huge design: the view widened by half of it
 * on each side, its edges snapped to a grid of half views — so it changes in steps while the view
 * pans, not on every frame, and what scrolls into view is already there.
 */
export function windowOf(transform: readonly [number, number, number], width: number, height: number): Box {
  const [tx, ty, zoom] = transform;
  const w = Math.max(1, width) / zoom;
  const h = Math.max(1, height) / zoom;
  const x = -tx / zoom;
  const y = -ty / zoom;
  const cx = w / 2;
  const cy = h / 2;
  return { x0: Math.floor((x - cx) / cx) * cx, y0: Math.floor((y - cy) / cy) * cy, x1: Math.ceil((x + w + cx) / cx) * cx, y1: Math.ceil((y + h + cy) / cy) * cy };
}

export const sameBox = (a: Box | null, b: Box | null): boolean => a === b || (a !== null && b !== null && a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1);

/**
 * The nodes whose box meets `box`, the edges with an end among them, and those edges' other ends
 * (React Flow draws an edge only between nodes it holds): one pass over the nodes and one over
 * the edges, in the order given (groups stay beneath).
 */
export function inWindow(nodes: readonly FlowNode[], edges: readonly FlowEdge[], byId: ReadonlyMap<string, FlowNode>, box: Box): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const near = new Set<string>();
  const shown: FlowNode[] = [];
  for (const n of nodes) {
    const { x, y } = n.position;
    if (x + (n.width ?? 0) < box.x0 || x > box.x1 || y + (n.height ?? 0) < box.y0 || y > box.y1) continue;
    near.add(n.id);
    shown.push(n);
  }
  const shownEdges: FlowEdge[] = [];
  const ends = new Set<string>();
  for (const e of edges) {
    const s = near.has(e.source);
    const t = near.has(e.target);
    if (!s && !t) continue;
    shownEdges.push(e);
    if (!s) ends.add(e.source);
    if (!t) ends.add(e.target);
  }
  for (const id of ends) {
    const n = byId.get(id);
    if (n) shown.push(n);
  }
  return { nodes: shown, edges: shownEdges };
}
