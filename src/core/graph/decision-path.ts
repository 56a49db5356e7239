import type { ObjectRef } from '../compile/types.js';
import type { Decision, RequestProtocol, TraceStep } from '../simulate/types.js';
import { isMissingGroup, missingMemberId } from './missing-group.js';
import type { GraphEdge, GraphNode, GraphRow, RouteGraph } from './types.js';

/**
 * Where a simulator answer lies on the canvas: the nodes, rows and edges the request went through
 * (gateway → listener row → route → rule row → backend edges), each backend edge with the share of
 * requests it carries. Pure: it maps the answer's object names onto the graph, and decides nothing
 * about routing (that is simulate's).
 */
export interface DecisionPath {
  readonly nodes: ReadonlySet<string>;
  readonly rows: ReadonlySet<string>;
  /** Edge id → the share of the requests it carries (0…1); 1 for the attach edge. */
  readonly edges: ReadonlyMap<string, number>;
}

/** A node (and maybe one of its rows) that a trace step is about. */
export interface GraphTarget {
  readonly node: string;
  readonly row?: string;
}

export function decisionPath(graph: RouteGraph, decision: Decision, protocol: RequestProtocol = 'http'): DecisionPath {
  const nodes = new Set<string>();
  const rows = new Set<string>();
  const edges = new Map<string, number>();
  const finder = finderOf(graph);

  const parent = decision.gateway ? finder.node(decision.gateway, decision.dialect === 'istio' ? 'istio' : undefined) : undefined;
  const listener = parent && decision.listener !== null ? parent.rows.find((r) => r.key === decision.listener && r.kind !== 'rule') : undefined;
  if (parent) nodes.add(parent.id);
  if (listener) rows.add(listener.id);

  const route = decision.route ? finder.node(decision.route) : undefined;
  if (!route) return { nodes, rows, edges };
  nodes.add(route.id);
  const rule = decision.rule === null ? undefined : ruleRow(route, decision.rule, protocol);
  if (rule) rows.add(rule.id);
  if (parent) {
    const attach = graph.edges.filter((e) => e.kind === 'attach' && e.source === parent.id && e.target === route.id);
    const exact = attach.filter((e) => listener !== undefined && e.sourceRow === listener.id);
    for (const e of exact.length > 0 ? exact : attach) edges.set(e.id, 1);
  }
  if (!rule) return { nodes, rows, edges };

  const out = graph.edges.filter((e) => e.source === route.id && e.sourceRow === rule.id);
  const taken = new Set<string>();
  const light = (kind: 'backend' | 'mirror', ref: ObjectRef, subset: string | null, share: number): void => {
    const found = finder.node(ref);
    const target = found ? { node: found, row: undefined } : finder.placeholder(ref);
    if (!target) return;
    const { node, row } = target;
    // A backend on a "Not in this design" card: its edge ends at its row (missing-group.ts).
    const fits = (e: GraphEdge): boolean =>
      row !== undefined ? e.targetRow === row.id : subset === null || e.targetRow === undefined || e.targetRow.endsWith(`#subset:${subset}`);
    const edge = out.find((e) => e.kind === kind && !taken.has(e.id) && e.target === node.id && fits(e));
    nodes.add(node.id);
    if (row) rows.add(row.id);
    if (!edge) return;
    taken.add(edge.id);
    edges.set(edge.id, share);
    if (edge.targetRow) rows.add(edge.targetRow);
  };
  for (const b of decision.backends) light('backend', b, b.subset, b.probability);
  for (const m of decision.mirrors) light('mirror', m, null, m.percent / 100);
  return { nodes, rows, edges };
}

const STEP_REF = /^(\S+) ([^\s/]*)\/(\S+?)(?: (?:listener|server) (\S+))?(?: rule (\d+))?(?: match \d+)?$/;

/**
 * The node (and row) a trace step names, e.g. `Gateway infra/edge listener https`,
 * `HTTPRoute shop/cart rule 2 match 1` (numbered from 1: the row of rule index 1), `Service shop/cart`;
 * null for steps about no object (a virtual host's domain).
 */
export function traceTarget(graph: RouteGraph, step: TraceStep, protocol: RequestProtocol = 'http'): GraphTarget | null {
  const m = STEP_REF.exec(step.ref);
  if (!m) return null;
  const [, kind = '', namespace = '', name = '', listener, rule] = m;
  const family = step.step === 'server' || kind === 'VirtualService' ? 'istio' : step.step === 'listener' ? 'gateway-api' : undefined;
  const node = finderOf(graph).node({ kind, namespace, name }, family);
  if (!node) return null;
  const row = listener !== undefined ? node.rows.find((r) => r.key === listener && r.kind !== 'rule') : rule !== undefined ? ruleRow(node, Number(rule) - 1, protocol) : undefined;
  return row ? { node: node.id, row: row.id } : { node: node.id };
}

/** A rule row: Gateway API rows are keyed by index, VirtualService rows by section and index. */
function ruleRow(node: GraphNode, rule: number, protocol: RequestProtocol) {
  const key = node.kind === 'VirtualService' ? `${protocol === 'tls' ? 'tls' : protocol === 'tcp' ? 'tcp' : 'http'}:${rule}` : String(rule);
  return node.rows.find((r) => r.kind === 'rule' && r.key === key);
}

interface Finder {
  /** The node drawing an object; with several (an Istio and a Gateway API Gateway), `family` first, then Gateway API. */
  node(ref: ObjectRef, family?: GraphNode['family']): GraphNode | undefined;
  /** The placeholder drawn for an object the design lacks, or the card (and row) it is grouped into. */
  placeholder(ref: ObjectRef): { readonly node: GraphNode; readonly row: GraphRow | undefined } | undefined;
}

const finders = new WeakMap<RouteGraph, Finder>();

function finderOf(graph: RouteGraph): Finder {
  let f = finders.get(graph);
  if (f) return f;
  const byName = new Map<string, GraphNode[]>();
  const placeholders = new Map<string, { node: GraphNode; row: GraphRow | undefined }>();
  for (const n of graph.nodes) {
    if (n.role === 'missing') {
      placeholders.set(n.id, { node: n, row: undefined });
      if (isMissingGroup(n)) for (const row of n.rows) placeholders.set(missingMemberId(n, row), { node: n, row });
      continue;
    }
    const key = `${n.kind}/${n.namespace}/${n.name}`;
    const list = byName.get(key);
    if (list) list.push(n);
    else byName.set(key, [n]);
  }
  f = {
    node(ref, family) {
      const list = byName.get(`${ref.kind}/${ref.namespace}/${ref.name}`);
      if (!list || list.length === 0) return undefined;
      return list.find((n) => n.family === family) ?? list.find((n) => n.family === 'gateway-api') ?? list[0];
    },
    placeholder: (ref) => placeholders.get(`missing:${ref.kind}/${ref.namespace}/${ref.name}`),
  };
  finders.set(graph, f);
  return f;
}
