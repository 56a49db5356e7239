import { traceTarget } from '../core/index';
import type { DesignDiff, DiffOutcome, GraphEdge, GraphNode, GraphRow, RequestProtocol, RouteGraph, WitnessRequest } from '../core/index';
import type { CompareMark, CompareMarks } from './compare-types';
import { pairRows, type RowPairs } from './compare-rows';
import { toSimulation } from './simulation';
import { witnessInput } from './simulator';

/**
 * A diff drawn on the after version's graph (pure): what is new (nodes, rows, edges the before
 * version does not have), what changed (the rules that decided a changed class of requests, the
 * objects whose status changed, edges whose share of traffic moved), and the before version's
 * nodes that are gone. Nodes are the same object in both versions when their ids are (a resource
 * id names group, kind, namespace and name); rows are paired by content (compare-rows.ts), so a
 * rule inserted above others does not mark those it pushed down.
 */
export const REMOVED = 'removed:';

const removedId = (id: string): string => `${REMOVED}${id}`;

/** Placeholders and collapsed namespaces are drawings, not objects of the design. */
const isObject = (n: GraphNode): boolean => n.role !== 'missing' && n.collapsed === undefined;

export function compareMarks(diff: DesignDiff, before: RouteGraph, after: RouteGraph): CompareMarks {
  const nodes: Record<string, CompareMark> = {};
  const rows: Record<string, CompareMark> = {};
  const edges: Record<string, CompareMark> = {};
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n] as const));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n] as const));
  /** Per node in both versions: after row id ↔ before row id. */
  const pairs = new Map<string, RowPairs>();

  for (const n of after.nodes) {
    const was = beforeNodes.get(n.id);
    if (!was) {
      if (!isObject(n)) continue;
      nodes[n.id] = 'added';
      for (const r of n.rows) rows[r.id] = 'added';
      continue;
    }
    const p = pairRows(was, n);
    pairs.set(n.id, p);
    for (const r of n.rows) if (!p.toBefore.has(r.id) && isObject(n)) rows[r.id] = 'added';
  }

  const removedNodes = before.nodes.filter((n) => isObject(n) && !afterNodes.has(n.id));
  const removedSet = new Set(removedNodes.map((n) => n.id));
  const groups = new Set(after.groups.map((g) => g.id));
  const removed = removedNodes.map((n) => asRemoved(n, groups));

  markEdges(before, after, pairs, edges);
  const removedEdges = removedEdgesOf(before, removedSet, pairs);

  const changed = (nodeId: string, rowId: string | undefined): void => {
    if (nodes[nodeId] !== 'added') nodes[nodeId] = 'changed';
    if (rowId !== undefined && rows[rowId] === undefined) rows[rowId] = 'changed';
  };
  for (const change of diff.changes) {
    const protocol = protocolOf(change.witness);
    const a = ruleOf(after, change.after, protocol);
    if (a) changed(a.node, a.row);
    const b = ruleOf(before, change.before, protocol);
    if (!b) continue;
    if (removedSet.has(b.node)) changed(removedId(b.node), b.row === undefined ? undefined : removedId(b.row));
    else if (afterNodes.has(b.node)) changed(b.node, b.row === undefined ? undefined : pairs.get(b.node)?.toAfter.get(b.row));
  }
  const byName = new Map(after.nodes.filter(isObject).map((n) => [`${n.kind}/${n.namespace}/${n.name}`, n.id] as const));
  for (const s of diff.status) {
    const id = byName.get(`${s.object.kind}/${s.object.namespace}/${s.object.name}`);
    if (id !== undefined) changed(id, undefined);
  }
  return { nodes, rows, edges, removed, removedEdges };
}

/** The node and rule row that decided an outcome, in one version's graph. */
function ruleOf(graph: RouteGraph, o: DiffOutcome, protocol: RequestProtocol): { node: string; row?: string } | null {
  if (!o.route) return null;
  const { kind, namespace, name } = o.route;
  // traceTarget finds a rule's row as the simulator's trace names it (numbered from 1).
  const ref = `${kind} ${namespace}/${name}${o.rule === null ? '' : ` rule ${o.rule + 1}`}`;
  const t = traceTarget(graph, { step: o.rule === null ? 'route' : 'rule', ref, result: 'matched', reason: '' }, protocol);
  return t ? { node: t.node, ...(t.row === undefined ? {} : { row: t.row }) } : null;
}

/** The witness's protocol: a VirtualService keeps its http, tls and tcp rules apart. */
function protocolOf(w: WitnessRequest): RequestProtocol {
  const sim = toSimulation(witnessInput(w));
  return sim.ok ? sim.request.protocol : 'http';
}

function asRemoved(n: GraphNode, groups: ReadonlySet<string>): GraphNode {
  const { group, ...rest } = n;
  const rows: GraphRow[] = n.rows.map((r) => ({ ...r, id: removedId(r.id) }));
  return { ...rest, id: removedId(n.id), rows, ...(group !== undefined && groups.has(group) ? { group } : {}) };
}

const edgeKey = (kind: string, source: string, sourceRow: string | undefined, target: string, targetRow: string | undefined): string =>
  `${kind}|${source}|${sourceRow ?? ''}|${target}|${targetRow ?? ''}`;

/** Shares are compared to 1e-9 (1:2 and 50:100 are one split). */
const sameShare = (a: number | undefined, b: number | undefined): boolean => (a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9);

/** Each edge of the after version: `added` when the before version has none like it, `changed` when its share or health moved. */
function markEdges(before: RouteGraph, after: RouteGraph, pairs: ReadonlyMap<string, RowPairs>, edges: Record<string, CompareMark>): void {
  const index = new Map<string, GraphEdge[]>();
  for (const e of before.edges) {
    const k = edgeKey(e.kind, e.source, e.sourceRow, e.target, e.targetRow);
    const list = index.get(k);
    if (list) list.push(e);
    else index.set(k, [e]);
  }
  const toBefore = (node: string, row: string | undefined): string | null | undefined => {
    if (row === undefined) return undefined;
    return pairs.get(node)?.toBefore.get(row) ?? null;
  };
  for (const e of after.edges) {
    const sourceRow = toBefore(e.source, e.sourceRow);
    const targetRow = toBefore(e.target, e.targetRow);
    const was = sourceRow === null || targetRow === null ? undefined : index.get(edgeKey(e.kind, e.source, sourceRow, e.target, targetRow))?.shift();
    if (!was) edges[e.id] = 'added';
    else if (!sameShare(was.share, e.share) || (was.broken === undefined) !== (e.broken === undefined) || (was.detached === undefined) !== (e.detached === undefined)) edges[e.id] = 'changed';
  }
}

/** The before version's edges to or from a removed node, with their ends as drawn in the compare view. */
function removedEdgesOf(before: RouteGraph, removed: ReadonlySet<string>, pairs: ReadonlyMap<string, RowPairs>): GraphEdge[] {
  const out: GraphEdge[] = [];
  const end = (node: string, row: string | undefined): { node: string; row?: string } | null => {
    if (removed.has(node)) return { node: removedId(node), ...(row === undefined ? {} : { row: removedId(row) }) };
    const p = pairs.get(node);
    if (!p) return null; // neither removed nor in the after version (a placeholder)
    const mapped = row === undefined ? undefined : p.toAfter.get(row);
    return { node, ...(mapped === undefined ? {} : { row: mapped }) };
  };
  for (const e of before.edges) {
    if (!removed.has(e.source) && !removed.has(e.target)) continue;
    const s = end(e.source, e.sourceRow);
    const t = end(e.target, e.targetRow);
    if (!s || !t) continue;
    const { sourceRow: _s, targetRow: _t, ...rest } = e;
    out.push({ ...rest, id: removedId(e.id), source: s.node, target: t.node, ...(s.row === undefined ? {} : { sourceRow: s.row }), ...(t.row === undefined ? {} : { targetRow: t.row }) });
  }
  return out;
}
