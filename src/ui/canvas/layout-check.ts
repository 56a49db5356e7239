import type { RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import type { EdgeRoute } from './edge-routes';
import { labelSize } from './edge-routes';
import { toFlowNodes } from './flow-elements';

/**
 * What a legible layout must never do, as data (for the layout tests, and the figures they
 * report): two nodes overlapping, a namespace box over a node it does not hold or over another
 * namespace, an edge entering a node that is not one of its ends, two labels covering each other.
 */
export type LayoutFault =
  | { readonly kind: 'nodes-overlap'; readonly a: string; readonly b: string }
  | { readonly kind: 'namespace-over-node'; readonly namespace: string; readonly node: string }
  | { readonly kind: 'namespaces-overlap'; readonly a: string; readonly b: string }
  | { readonly kind: 'edge-through-node'; readonly edge: string; readonly node: string }
  | { readonly kind: 'edge-off-handle'; readonly edge: string }
  | { readonly kind: 'labels-overlap'; readonly a: string; readonly b: string };

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The drawn boxes: nodes and namespace groups, as the canvas draws them. */
export function drawnBoxes(graph: RouteGraph, positions: Readonly<Record<string, XY>>): { nodes: Box[]; groups: (Box & { members: ReadonlySet<string> })[] } {
  const flow = toFlowNodes(graph, positions, null);
  const members = new Map<string, Set<string>>();
  for (const n of graph.nodes) if (n.group) members.set(n.group, (members.get(n.group) ?? new Set()).add(n.id));
  const nodes: Box[] = [];
  const groups: (Box & { members: ReadonlySet<string> })[] = [];
  for (const f of flow) {
    const box = { id: f.id, x: f.position.x, y: f.position.y, w: f.width ?? 0, h: f.height ?? 0 };
    if (f.type === 'namespace') groups.push({ ...box, members: members.get(f.id) ?? new Set() });
    else nodes.push(box);
  }
  return { nodes, groups };
}

/** The bounding box of everything drawn. */
export function boundsOf(graph: RouteGraph, positions: Readonly<Record<string, XY>>): { x: number; y: number; width: number; height: number } {
  const { nodes, groups } = drawnBoxes(graph, positions);
  const all = [...nodes, ...groups];
  const x0 = Math.min(...all.map((b) => b.x));
  const y0 = Math.min(...all.map((b) => b.y));
  return { x: x0, y: y0, width: Math.max(...all.map((b) => b.x + b.w)) - x0, height: Math.max(...all.map((b) => b.y + b.h)) - y0 };
}

/** Every fault of a layout and its routes (empty: a legible layout). */
export function layoutFaults(graph: RouteGraph, positions: Readonly<Record<string, XY>>, routes: ReadonlyMap<string, EdgeRoute>): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const { nodes, groups } = drawnBoxes(graph, positions);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as Box;
      const b = nodes[j] as Box;
      if (overlap(a, b)) faults.push({ kind: 'nodes-overlap', a: a.id, b: b.id });
    }
  }
  for (const g of groups) {
    for (const n of nodes) if (!g.members.has(n.id) && overlap(g, n)) faults.push({ kind: 'namespace-over-node', namespace: g.id, node: n.id });
    for (const h of groups) if (g.id < h.id && overlap(g, h)) faults.push({ kind: 'namespaces-overlap', a: g.id, b: h.id });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of graph.edges) {
    const route = routes.get(e.id);
    if (!route || e.source === e.target) continue;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const first = route.points[0];
    const last = route.points[route.points.length - 1];
    if (!s || !t || !first || !last || !onSide(first, s) || !onSide(last, t)) faults.push({ kind: 'edge-off-handle', edge: e.id });
    // Not through any node; through its own ends neither (it only touches them at its handles).
    for (const n of nodes) if (crosses(route.points, n)) faults.push({ kind: 'edge-through-node', edge: e.id, node: n.id });
  }
  return faults;
}

/** Label boxes that cover one another (labels as placed, sized as labelSize estimates). */
export function labelFaults(routes: ReadonlyMap<string, EdgeRoute>, texts: ReadonlyMap<string, string>): LayoutFault[] {
  const boxes = [...texts].flatMap(([id, text]) => {
    const r = routes.get(id);
    if (!r) return [];
    const { w, h } = labelSize(text, false);
    return [{ id, x: r.label.x - w / 2, y: r.label.y - h / 2, w, h }];
  });
  const faults: LayoutFault[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (overlap(a, b)) faults.push({ kind: 'labels-overlap', a: a.id, b: b.id });
    }
  }
  return faults;
}

/** A point on the outline of a box. */
function onSide(p: XY, b: Box): boolean {
  const near = (u: number, v: number): boolean => Math.abs(u - v) < 0.5;
  const inX = p.x >= b.x - 0.5 && p.x <= b.x + b.w + 0.5;
  const inY = p.y >= b.y - 0.5 && p.y <= b.y + b.h + 0.5;
  return ((near(p.x, b.x) || near(p.x, b.x + b.w)) && inY) || ((near(p.y, b.y) || near(p.y, b.y + b.h)) && inX);
}

/** Whether an orthogonal polyline enters the interior of a box. */
function crosses(points: readonly XY[], b: Box): boolean {
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as XY;
    const c = points[k] as XY;
    const lx = Math.min(a.x, c.x);
    const hx = Math.max(a.x, c.x);
    const ly = Math.min(a.y, c.y);
    const hy = Math.max(a.y, c.y);
    if (hx > b.x && lx < b.x + b.w && hy > b.y && ly < b.y + b.h) return true;
  }
  return false;
}
