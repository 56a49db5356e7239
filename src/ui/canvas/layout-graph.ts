import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { columnXs } from './column-spacing';
import { CARD_WIDTH, GATEWAY_WIDTH, GROUP_PADDING, handleCenter, nodeSize, PILL_INDENT } from './metrics';
import { PILL_GAP, pillOwners } from './pill-layout';

/**
 * Canvas layout, in two steps:
 * 1. Columns — gateways | routes | backends, so traffic always reads the same way — and the order
 *    of the nodes within each column, to keep edges from crossing (layered-order.ts, in
 *    milliseconds; ELK's layered layout with one partition per column did this before, in seconds,
 *    and stays the yardstick of the layout tests: toElkGraph, seedsFromElk).
 * 2. Namespaces become horizontal lanes stacked top to bottom: each node keeps its column and
 *    order, and is placed in its namespace's lane, as close as it can to the rows that feed it.
 * Lanes never overlap, so namespace groups are simple boxes.
 */

export const NODE_GAP = 20;
export const LANE_GAP = 24;
export const COLUMN_GAP = 124;

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Measured on 1,200 nodes: network-simplex layering took minutes; longest-path with
  // Brandes-Köpf placement takes seconds. Columns are fixed by partitions anyway.
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'POLYLINE',
};

export const portId = (nodeId: string, side: 'in' | 'out', rowId?: string): string => `${nodeId}::${side}::${rowId ?? ''}`;

const rolesCache = new WeakMap<RouteGraph, { parents: Set<string>; backends: Set<string> }>();

function edgeRoles(graph: RouteGraph): { parents: Set<string>; backends: Set<string> } {
  let roles = rolesCache.get(graph);
  if (!roles) {
    roles = { parents: new Set(), backends: new Set() };
    for (const e of graph.edges) {
      if (e.kind === 'attach') roles.parents.add(e.source);
      if (e.kind === 'backend' || e.kind === 'mirror') roles.backends.add(e.target);
    }
    rolesCache.set(graph, roles);
  }
  return roles;
}

/** The column a node belongs in: 0 gateways (and the parents of mesh routes), 1 routes, 2 backends and their workload pills. */
export function columnOf(node: GraphNode, graph: RouteGraph): number {
  const roles = edgeRoles(graph);
  const isParent = roles.parents.has(node.id);
  const isBackend = roles.backends.has(node.id);
  switch (node.role) {
    case 'gateway':
      return 0;
    case 'route':
      return 1;
    case 'backend':
      return isParent && !isBackend ? 0 : 2;
    case 'missing':
      return isParent && !isBackend ? 0 : node.kind === 'VirtualService' ? 1 : 2;
    case 'other':
      return node.kind === 'GatewayClass' ? 0 : node.kind === 'Secret' || node.kind === 'BackendTLSPolicy' ? 1 : 2;
    case 'workload':
      return 2; // pills hang under the Services that select them (pill-layout.ts)
  }
}

/**
 * Lanes in drawing order: cluster-scoped things first, then the namespaces that hold a Gateway,
 * then the others, each in the graph's order — so a design's Gateways are at its top left, where
 * its traffic starts, even when its routes come first in the text.
 */
export function lanesOf(graph: RouteGraph): { id: string | undefined; nodes: GraphNode[] }[] {
  const groups = graph.groups.map((g) => ({ id: g.id as string | undefined, nodes: [] as GraphNode[] }));
  const cluster = { id: undefined as string | undefined, nodes: [] as GraphNode[] };
  const byId = new Map([cluster, ...groups].map((l) => [l.id, l]));
  const folded: GraphNode[] = [];
  for (const n of graph.nodes) {
    if (n.collapsed && n.group === undefined) folded.push(n);
    else (byId.get(n.group) ?? cluster).nodes.push(n);
  }
  const entry = (lane: { nodes: GraphNode[] }): number => (lane.nodes.some((n) => n.role === 'gateway') ? 0 : 1);
  const lanes = [cluster, ...groups.sort((a, b) => entry(a) - entry(b))];
  // Collapsed namespaces sit beside the Gateways that reach into them, level with the listeners
  // (in the first lane that holds a Gateway, outside its box), not in a band above everything.
  const beside = lanes.find((l) => l.id !== undefined && entry(l) === 0) ?? cluster;
  beside.nodes.push(...folded);
  return lanes;
}

/** Edges that only explain, not carry traffic, and would cost a column if laid out (GatewayClass → Gateway). */
export function laidOutEdge(e: GraphEdge, byId: ReadonlyMap<string, GraphNode>): boolean {
  if (e.source === e.target) return false;
  return !(e.kind === 'ref' && byId.get(e.source)?.kind === 'GatewayClass');
}

/** RouteGraph → ELK's input: a flat graph, nodes in lane order, fixed ports at their rows. */
export function toElkGraph(graph: RouteGraph): ElkNode {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ports = new Map<string, NonNullable<ElkNode['ports']>>();
  const addPort = (node: GraphNode, side: 'in' | 'out', rowId?: string): string => {
    const id = portId(node.id, side, rowId);
    const list = ports.get(node.id) ?? [];
    if (!list.some((p) => p.id === id)) {
      const y = handleCenter(node, rowId);
      list.push({ id, x: side === 'in' ? 0 : nodeSize(node).width, y, width: 0, height: 0, layoutOptions: { 'elk.port.side': side === 'in' ? 'WEST' : 'EAST' } });
      ports.set(node.id, list);
    }
    return id;
  };
  // Pills hang under their Service (pill-layout.ts): ELK neither places them nor routes to them.
  const { ownerOf } = pillOwners(graph);
  const edges: NonNullable<ElkNode['edges']> = [];
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t || !laidOutEdge(e, byId) || ownerOf.has(e.target)) continue;
    edges.push({ id: e.id, sources: [addPort(s, 'out', e.sourceRow)], targets: [addPort(t, 'in', e.targetRow)] });
  }
  const children: ElkNode[] = lanesOf(graph).flatMap((lane) =>
    lane.nodes.filter((n) => !ownerOf.has(n.id)).map((n) => ({
      id: n.id,
      ...nodeSize(n),
      ports: ports.get(n.id) ?? [],
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.partitioning.partition': String(columnOf(n, graph)) },
    })),
  );
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges };
}

/** ELK's answer → seeds for the lane packing: each node's x and its rank in its column. */
export function seedsFromElk(laid: ElkNode): Map<string, XY> {
  const seeds = new Map<string, XY>();
  for (const c of laid.children ?? []) seeds.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
  return seeds;
}

/** Seeds without ELK (huge designs): fixed columns, document order. */
export function seedsByColumn(graph: RouteGraph): Map<string, XY> {
  const seeds = new Map<string, XY>();
  graph.nodes.forEach((n, i) => seeds.set(n.id, { x: columnOf(n, graph) * (CARD_WIDTH + COLUMN_GAP), y: i }));
  return seeds;
}

/**
 * Packs the nodes into namespace lanes. Within a lane, columns are filled left to right in the
 * seeds' order; a node sits level with the rows that send to it when there is room, else just
 * below its column's previous node. Returns absolute top-left corners, for nodes and for groups
 * that have no member (a declared, empty namespace).
 */
export function packLanes(graph: RouteGraph, seeds: ReadonlyMap<string, XY>): Record<string, XY> {
  const out: Record<string, XY> = {};
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    if (e.source === e.target || !laidOutEdge(e, byId)) continue;
    const list = incoming.get(e.target);
    if (list) list.push(e);
    else incoming.set(e.target, [e]);
  }
  const handleOffset = (n: GraphNode, rowId: string | undefined): number => {
    return handleCenter(n, rowId);
  };
  /** Where a node would sit level with the highest placed row that sends to it. */
  const wantedY = (n: GraphNode): number | undefined => {
    let best: number | undefined;
    for (const e of incoming.get(n.id) ?? []) {
      const source = byId.get(e.source);
      const p = out[e.source];
      if (!source || !p) continue;
      const y = p.y + handleOffset(source, e.sourceRow) - handleOffset(n, e.targetRow);
      best = best === undefined ? y : Math.min(best, y);
    }
    return best;
  };

  const { ownerOf, pillsOf } = pillOwners(graph);
  const xs = columnXs(graph, seeds);
  let cursor = 0;
  for (const lane of lanesOf(graph)) {
    if (lane.nodes.length === 0) {
      if (lane.id !== undefined) {
        out[lane.id] = { x: 0, y: cursor };
        cursor += 48 + LANE_GAP;
      }
      continue;
    }
    const top = cursor + (lane.id === undefined ? 0 : GROUP_PADDING.top);
    let bottom = top;
    for (const column of columnsOf(lane.nodes.filter((n) => !ownerOf.has(n.id)), seeds)) {
      const x = xs.get(column.nodes[0]?.id ?? '') ?? column.x;
      let next = top;
      for (const n of column.nodes) {
        const y = Math.max(next, Math.round(wantedY(n) ?? next));
        // A GatewayClass sits centred over the Gateways of its class: their edge drops straight down.
        out[n.id] = { x: n.kind === 'GatewayClass' ? x + Math.max(0, (GATEWAY_WIDTH - nodeSize(n).width) / 2) : x, y };
        let end = y + nodeSize(n).height;
        // Its workload pills, one under the other, indented under it.
        for (const pill of pillsOf.get(n.id) ?? []) {
          const p = byId.get(pill);
          if (!p) continue;
          out[pill] = { x: x + PILL_INDENT, y: end + PILL_GAP };
          end += PILL_GAP + nodeSize(p).height;
        }
        next = end + NODE_GAP;
        bottom = Math.max(bottom, end);
      }
    }
    cursor = bottom + (lane.id === undefined ? 0 : GROUP_PADDING.bottom) + LANE_GAP;
  }
  return out;
}

/**
 * Groups a lane's nodes into columns: nodes whose seeds overlap horizontally share a column
 * (ELK centres narrower nodes in their layer), left-aligned; each column in the seeds' order.
 */
function columnsOf(nodes: readonly GraphNode[], seeds: ReadonlyMap<string, XY>): { x: number; nodes: GraphNode[] }[] {
  const seed = (n: GraphNode): XY => seeds.get(n.id) ?? { x: 0, y: 0 };
  const sorted = [...nodes].sort((a, b) => seed(a).x - seed(b).x);
  const columns: { x: number; end: number; nodes: GraphNode[] }[] = [];
  for (const n of sorted) {
    const x = Math.round(seed(n).x);
    const last = columns[columns.length - 1];
    if (last && x < last.end) {
      last.nodes.push(n);
      last.end = Math.max(last.end, x + nodeSize(n).width);
    } else {
      columns.push({ x, end: x + nodeSize(n).width, nodes: [n] });
    }
  }
  for (const c of columns) c.nodes.sort((a, b) => seed(a).y - seed(b).y);
  return columns;
}
