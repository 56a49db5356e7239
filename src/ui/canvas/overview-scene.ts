import { getBezierPath, Position, type NodeHandle } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../core/index';
import type { XY } from '../../store/index';
import type { FlowEdge, FlowNode } from './flow-elements';

/**
 * What the overview draws, apart from how: which node is under a point, where an edge runs, and
 * the style of each node and edge — the same rules as the DOM nodes' and SVG edges' classes
 * (styles.css, highlight.css), so a design looks the same, only simpler, when zoomed far out.
 */

/** The simulator's mark on a node or edge: on the path (an edge: its share), off it, or no answer shown. */
export type NodeLit = 'on' | 'dim' | null;
export type EdgeLit = number | 'dim' | null;

export type Tone = 'attach' | 'backend' | 'ref' | 'mirror' | 'broken' | 'detached' | 'active' | 'lit';

export interface EdgeStyle {
  readonly tone: Tone;
  /** Screen pixels. */
  readonly width: number;
  /** Screen pixels, empty for a solid line. */
  readonly dash: readonly number[];
  readonly alpha: number;
}

/** An edge's look, by the precedence of the SVG edge's classes (broken, detached, active, lit, dim). */
export function edgeStyle(edge: GraphEdge, active: boolean, lit: EdgeLit): EdgeStyle {
  let tone: Tone = edge.kind;
  let width = edge.kind === 'backend' ? 1.6 : edge.kind === 'ref' ? 1.3 : 1.5;
  let dash: readonly number[] = edge.kind === 'mirror' ? [5, 4] : edge.kind === 'ref' ? [2, 4] : [];
  if (edge.broken !== undefined) {
    tone = 'broken';
    dash = [6, 4];
  }
  if (active) {
    tone = 'active';
    width = 2.2;
  }
  if (edge.detached) {
    tone = 'detached';
    dash = [7, 5];
    width = 1.6;
  }
  let alpha = 1;
  if (typeof lit === 'number') {
    tone = edge.broken !== undefined ? 'broken' : 'lit';
    dash = [];
    width = 2 + 5 * lit;
  } else if (lit === 'dim') {
    alpha = edge.detached ? 0.6 : 0.22;
  }
  return { tone, width, dash, alpha };
}

export interface NodeStyle {
  /** The border: by severity, selection and the simulator's path. */
  readonly border: 'plain' | 'warning' | 'error' | 'selected' | 'lit';
  readonly alpha: number;
}

export function nodeStyle(node: GraphNode, selected: boolean, lit: NodeLit): NodeStyle {
  let border: NodeStyle['border'] = node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'plain';
  if (selected) border = 'selected';
  if (lit === 'on') border = 'lit';
  return { border, alpha: lit === 'dim' ? 0.38 : 1 };
}

/** The topmost node (not a namespace) under canvas point `p`, or null. */
export function nodeAt(nodes: readonly FlowNode[], p: XY, moved?: { readonly id: string; readonly position: XY }): string | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (!n || n.type === 'namespace') continue;
    const at = moved?.id === n.id ? moved.position : n.position;
    if (p.x >= at.x && p.x <= at.x + (n.width ?? 0) && p.y >= at.y && p.y <= at.y + (n.height ?? 0)) return n.id;
  }
  return null;
}

function handlePoint(node: FlowNode, at: XY, id: string | null | undefined, type: 'source' | 'target'): { x: number; y: number; position: Position } | null {
  const handles: readonly NodeHandle[] = node.handles ?? [];
  const h = handles.find((x) => x.type === type && (id ? x.id === id : true));
  if (!h) return null;
  return { x: at.x + h.x + (h.width ?? 0) / 2, y: at.y + h.y + (h.height ?? 0) / 2, position: h.position };
}

/**
 * An edge's path in canvas coordinates (SVG path data, as React Flow draws it: the same bezier),
 * with its bounding box for culling; null when an end is not drawn.
 */
export function edgePath(
  edge: FlowEdge,
  source: FlowNode | undefined,
  target: FlowNode | undefined,
  positionOf: (n: FlowNode) => XY,
): { d: string; from: XY; to: XY; box: { x0: number; y0: number; x1: number; y1: number } } | null {
  if (!source || !target) return null;
  const s = handlePoint(source, positionOf(source), edge.sourceHandle, 'source');
  const t = handlePoint(target, positionOf(target), edge.targetHandle, 'target');
  if (!s || !t) return null;
  const [d] = getBezierPath({ sourceX: s.x, sourceY: s.y, sourcePosition: s.position, targetX: t.x, targetY: t.y, targetPosition: t.position });
  // The curve stays within its ends' box, widened by how far its control points reach out.
  const reach = Math.max(25, Math.abs(t.x - s.x) / 2, Math.abs(t.y - s.y) / 2);
  return { d, from: { x: s.x, y: s.y }, to: { x: t.x, y: t.y }, box: { x0: Math.min(s.x, t.x) - reach, y0: Math.min(s.y, t.y) - reach, x1: Math.max(s.x, t.x) + reach, y1: Math.max(s.y, t.y) + reach } };
}

const indexes = new WeakMap<readonly FlowNode[], ReadonlyMap<string, FlowNode>>();

/** The nodes by id, made once per list (not on every frame). */
export function indexOf(nodes: readonly FlowNode[]): ReadonlyMap<string, FlowNode> {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    indexes.set(nodes, index);
  }
  return index;
}

/**
 * A box around an edge from its ends' boxes alone: its handles are on those boxes, and its curve
 * reaches out from them at most as far as edgePath's box says — so this box holds that one.
 */
export function around(ps: XY, source: FlowNode, pt: XY, target: FlowNode): [number, number, number, number] {
  const x0 = Math.min(ps.x, pt.x);
  const y0 = Math.min(ps.y, pt.y);
  const x1 = Math.max(ps.x + (source.width ?? 0), pt.x + (target.width ?? 0));
  const y1 = Math.max(ps.y + (source.height ?? 0), pt.y + (target.height ?? 0));
  const reach = Math.max(25, (x1 - x0) / 2, (y1 - y0) / 2);
  return [x0 - reach, y0 - reach, x1 + reach, y1 + reach];
}
