import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Family, GraphEdge, GraphNode, NodeRole, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import type { EdgeRoute } from './edge-routes';
import { GROUP_PADDING, headerCenter, isCard, nodeSize, rowCenter } from './metrics';
import { finish, type Job } from './slices';
import { ariaLabelIn } from './node-names';
import { readingOrder } from './reading-order';

/** Minimal data on React Flow nodes: components read everything else from the store by id. */
export type FlowNodeData = { family: Family | 'group'; role: NodeRole | 'group' };
export type FlowNode = Node<FlowNodeData>;
/**
 * `explain`: the edge must say why it is broken (its target is not a placeholder that says so).
 * `route`: the path drawn and the label's place (edge-routes.ts); absent for an edge not routed.
 * `removed`: an edge of the compare view's "before" version only (drawn as removed: compare/ghost-elements.ts).
 */
export type FlowEdgeData = { edge: GraphEdge; active: boolean; route?: EdgeRoute; explain: boolean; removed?: true };
export type FlowEdge = Edge<FlowEdgeData>;

export const handleIds = {
  source: (rowId?: string): string => (rowId ? `s:${rowId}` : 'out'),
  target: (rowId?: string): string => (rowId ? `t:${rowId}` : 'in'),
  /** Vertical connectors, for a GatewayClass drawn above the Gateways of its class. */
  below: 'below',
  above: 'above',
};

const verticalCache = new WeakMap<RouteGraph, ReadonlySet<string>>();

/** Ids of the edges drawn top to bottom rather than left to right (GatewayClass → Gateway). */
export function verticalEdges(graph: RouteGraph): ReadonlySet<string> {
  let set = verticalCache.get(graph);
  if (!set) {
    const classes = new Set<string>();
    for (const n of graph.nodes) if (n.kind === 'GatewayClass') classes.add(n.id);
    const made = new Set<string>();
    if (classes.size > 0) for (const e of graph.edges) if (e.kind === 'ref' && classes.has(e.source)) made.add(e.id);
    set = made;
    verticalCache.set(graph, set);
  }
  return set;
}

const EMPTY_GROUP = { width: 180, height: 48 };
const HANDLE = 8;

/**
 * Where each handle of a node is, from the same metrics the node component draws with. React Flow
 * then knows a node's handles without rendering it first — with onlyRenderVisibleElements, a big
 * design renders only what is on screen, also on its first frame and after every new analysis.
 */
export function handlesOf(n: GraphNode): NodeHandle[] {
  const { width, height } = nodeSize(n);
  const half = HANDLE / 2;
  const at = (id: string, type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle => ({ id, type, position, x: x - half, y: y - half, width: HANDLE, height: HANDLE });
  // A pill is entered from its right side (it hangs under its Service: pill-layout.ts).
  const pill = n.role === 'workload';
  const handles = [
    pill ? at(handleIds.target(), 'target', Position.Right, width, height / 2) : at(handleIds.target(), 'target', Position.Left, 0, headerCenter(n)),
    at(handleIds.source(), 'source', Position.Right, width, headerCenter(n)),
    at(handleIds.above, 'target', Position.Top, width / 2, 0),
    at(handleIds.below, 'source', Position.Bottom, width / 2, height),
  ];
  n.rows.forEach((row, i) => {
    handles.push(at(handleIds.target(row.id), 'target', Position.Left, 0, rowCenter(n, i)));
    handles.push(at(handleIds.source(row.id), 'source', Position.Right, width, rowCenter(n, i)));
  });
  return handles;
}

/**
 * The last React Flow node made of each graph node (and edge): while its position and selection
 * are the same, the same object is handed out again, so React Flow keeps its internals and
 * re-renders only what changed — selecting one node among a thousand redraws two.
 */
const flowNodes = new WeakMap<GraphNode, FlowNode>();
const flowEdges = new WeakMap<GraphEdge, FlowEdge>();

function flowNodeOf(n: GraphNode, p: XY, selected: boolean, ariaLabel: string): FlowNode {
  const cached = flowNodes.get(n);
  if (cached && cached.position === p && cached.selected === selected && cached.ariaLabel === ariaLabel) return cached;
  const size = nodeSize(n);
  const made: FlowNode = {
    id: n.id,
    type: n.collapsed ? 'collapsed' : isCard(n) ? 'card' : n.role === 'workload' ? 'workload' : 'small',
    position: p,
    width: size.width,
    height: size.height,
    // Known sizes and handles: React Flow needs no first render to measure (see handlesOf).
    measured: size,
    data: cached?.data ?? { family: n.family, role: n.role },
    handles: cached?.handles ?? handlesOf(n),
    selected,
    connectable: false,
    ariaLabel, // what a screen reader says (node-names.ts)
  };
  flowNodes.set(n, made);
  return made;
}

/** How many nodes or edges a job handles between two looks at the clock (see slices.ts). */
const CHUNK = 256;

/**
 * The graph + positions → React Flow nodes. A node without a position (not laid out yet) is left
 * out rather than drawn somewhere and moved: no jumps. Namespace groups are drawn around their
 * members, beneath them.
 */
export function toFlowNodes(graph: RouteGraph, positions: Readonly<Record<string, XY>>, selection: string | null): FlowNode[] {
  return finish(flowNodesJob(graph, positions, selection));
}

/** `toFlowNodes` as a job that can be run in slices (a hundred thousand nodes take hundreds of milliseconds). */
export function* flowNodesJob(graph: RouteGraph, positions: Readonly<Record<string, XY>>, selection: string | null): Job<FlowNode[]> {
  const nodes: FlowNode[] = [];
  const bounds = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  let i = 0;
  for (const n of graph.nodes) {
    if (++i % CHUNK === 0) yield;
    const p = positions[n.id];
    if (!p) continue;
    const node = flowNodeOf(n, p, n.id === selection, ariaLabelIn(graph, n));
    nodes.push(node);
    if (n.group) {
      const x1 = p.x + (node.width ?? 0);
      const y1 = p.y + (node.height ?? 0);
      const b = bounds.get(n.group);
      if (!b) bounds.set(n.group, { x0: p.x, y0: p.y, x1, y1 });
      else {
        b.x0 = Math.min(b.x0, p.x);
        b.y0 = Math.min(b.y0, p.y);
        b.x1 = Math.max(b.x1, x1);
        b.y1 = Math.max(b.y1, y1);
      }
    }
  }
  const groups: FlowNode[] = [];
  for (const g of graph.groups) {
    const b = bounds.get(g.id);
    const p = positions[g.id];
    if (!b && !p) continue;
    const width = b ? b.x1 - b.x0 + GROUP_PADDING.left + GROUP_PADDING.right : EMPTY_GROUP.width;
    const height = b ? b.y1 - b.y0 + GROUP_PADDING.top + GROUP_PADDING.bottom : EMPTY_GROUP.height;
    groups.push({
      id: g.id,
      type: 'namespace',
      position: b ? { x: b.x0 - GROUP_PADDING.left, y: b.y0 - GROUP_PADDING.top } : (p as XY),
      width,
      height,
      measured: { width, height },
      data: { family: 'group', role: 'group' },
      handles: [],
      selected: g.id === selection,
      draggable: false,
      connectable: false,
      zIndex: -1,
    });
  }
  yield;
  return readingOrder(groups, nodes); // Tab walks the canvas in this order (reading-order.ts)
}

/** Edges between drawn nodes; those touching the selection are marked active. */
export function toFlowEdges(graph: RouteGraph, drawn: { has(id: string): boolean }, selection: string | null, routes: ReadonlyMap<string, EdgeRoute>): FlowEdge[] {
  return finish(flowEdgesJob(graph, drawn, selection, routes));
}

/** `toFlowEdges` as a job that can be run in slices. */
export function* flowEdgesJob(graph: RouteGraph, drawn: { has(id: string): boolean }, selection: string | null, routes: ReadonlyMap<string, EdgeRoute>): Job<FlowEdge[]> {
  const edges: FlowEdge[] = [];
  const vertical = verticalEdges(graph);
  yield;
  const placeholders = new Set<string>();
  let i = 0;
  for (const n of graph.nodes) {
    if (n.role === 'missing') placeholders.add(n.id);
    if (++i % 2048 === 0) yield;
  }
  for (const e of graph.edges) {
    if (++i % CHUNK === 0) yield;
    if (!drawn.has(e.source) || !drawn.has(e.target)) continue;
    const active = selection !== null && (e.source === selection || e.target === selection);
    const route = routes.get(e.id);
    const cached = flowEdges.get(e);
    if (cached?.data && cached.data.active === active && cached.data.route === route) {
      edges.push(cached);
      continue;
    }
    const made: FlowEdge = {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: vertical.has(e.id) ? handleIds.below : handleIds.source(e.sourceRow),
      targetHandle: vertical.has(e.id) ? handleIds.above : handleIds.target(e.targetRow),
      type: 'route',
      data: { edge: e, active, ...(route ? { route } : {}), explain: e.broken !== undefined && !placeholders.has(e.target) && !placeholders.has(e.source) },
      selectable: false,
      focusable: false,
    };
    flowEdges.set(e, made);
    edges.push(made);
  }
  return edges;
}
