import type { RuleReach } from '../analyze/reach/types.js';
import type { StatusList } from '../compile/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import { markAside } from './aside.js';
import { addDestinationRule, addService, addServiceEntry } from './backends.js';
import { addCount, DiagnosticLocator, NO_DIAGNOSTICS, pathWithin, worse } from './diagnostics.js';
import { flagRow, GraphDraft, type NodeDraft } from './draft.js';
import { addGatewayApiGateway, addGatewayApiGatewayRefs, addIstioGateway } from './gateways.js';
import { addOtherNode, addOtherRefs } from './others.js';
import { rec } from './read.js';
import { ResourceIndex } from './resource-index.js';
import { markReach } from './reach.js';
import { groupMissingBackends, MISSING_GROUP_MIN } from './missing-group.js';
import { GraphStatus } from './status.js';
import { addBackendEdges, addGatewayApiRoute, addParentEdges } from './routes-gateway-api.js';
import { addVirtualService, addVirtualServiceBackends, addVirtualServiceParents } from './routes-istio.js';
import { isWorkload } from './workload-kinds.js';
import { addWorkload, addWorkloadEdges } from './workloads.js';
import type { DiagnosticCounts, GraphGroup, GraphNode, RouteGraph } from './types.js';

const GATEWAY_API_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

type Handler = { node?: (r: Resource, g: GraphDraft) => void; refine?: (r: Resource, g: GraphDraft) => void; edges?: (r: Resource, g: GraphDraft) => void };

function handlerFor(r: Resource): Handler {
  if (r.group === GATEWAY_GROUP) {
    if (r.kind === 'Gateway' || r.kind === 'ListenerSet') return { node: addGatewayApiGateway, edges: addGatewayApiGatewayRefs };
    if (GATEWAY_API_ROUTES.has(r.kind)) {
      return { node: addGatewayApiRoute, edges: (res, g) => (addParentEdges(res, g), addBackendEdges(res, g)) };
    }
  }
  if (r.group === ISTIO_GROUP) {
    if (r.kind === 'Gateway') return { node: addIstioGateway };
    if (r.kind === 'VirtualService') return { node: addVirtualService, edges: (res, g) => (addVirtualServiceParents(res, g), addVirtualServiceBackends(res, g)) };
    if (r.kind === 'DestinationRule') return { refine: addDestinationRule };
    if (r.kind === 'ServiceEntry') return { node: addServiceEntry };
  }
  if (r.group === '') {
    if (r.kind === 'Service') return { node: addService };
    if (r.kind === 'Namespace') return {};
  }
  if (isWorkload(r)) return { node: addWorkload, edges: addWorkloadEdges };
  return { node: addOtherNode, edges: addOtherRefs };
}

/**
 * Resources → the canvas model. Pure and deterministic: nodes in document order (placeholders
 * after), rows in field order, every resource drawn (Namespaces as groups, DestinationRules as
 * subset rows, workloads as pills the Services that select them point at, everything unknown as
 * an "other" node; what the canvas keeps aside is marked, see markAside). Diagnostics, when given, are counted on
 * the node and row they point into. The controller status (compile's), when given, marks parents
 * that did not accept a route (dashed edges with the reason) and listeners' attached routes and
 * conditions. The reachability of rules (analyze/reach), when given, is put on their rows.
 * `missingGroupMin` or more backends missing from one namespace are drawn as one card (groupMissingBackends).
 */
export function buildGraph(
  resources: readonly Resource[],
  diagnostics: readonly Diagnostic[] = [],
  status?: StatusList,
  reach: readonly RuleReach[] = [],
  missingGroupMin = MISSING_GROUP_MIN,
): RouteGraph {
  const g = new GraphDraft(new ResourceIndex(resources), status ? new GraphStatus(status) : null);
  const handlers = resources.map((r) => [r, handlerFor(r)] as const);
  for (const [r, h] of handlers) h.node?.(r, g);
  for (const [r, h] of handlers) h.refine?.(r, g);
  for (const [r, h] of handlers) h.edges?.(r, g);
  flagBrokenRows(g);
  markReach(g, reach);
  markAside(g);

  const namespaces = resources.filter((r) => r.group === '' && r.kind === 'Namespace');
  for (const ns of namespaces) g.nodeByResource.set(ns.id, `ns:${ns.name}`);

  const counts = countDiagnostics(g, resources, diagnostics);
  const nodes: GraphNode[] = [...g.nodes.values()].map((n) => finishNode(n, counts.get(n.id) ?? NO_DIAGNOSTICS));
  // Many backends missing from one namespace: one "Not in this design" card of rows (missing-group.ts).
  return groupMissingBackends(
    {
      nodes,
      edges: g.edges,
      groups: buildGroups(nodes, namespaces, counts),
      nodeByResource: Object.fromEntries(g.nodeByResource),
    },
    missingGroupMin,
  );
}

function countDiagnostics(g: GraphDraft, resources: readonly Resource[], diagnostics: readonly Diagnostic[]): Map<string, DiagnosticCounts> {
  const counts = new Map<string, DiagnosticCounts>();
  if (diagnostics.length === 0) return counts;
  const locator = new DiagnosticLocator(resources);
  for (const d of diagnostics) {
    const r = locator.resourceOf(d);
    if (!r) continue;
    const nodeId = g.nodeByResource.get(r.id);
    if (!nodeId) continue;
    counts.set(nodeId, addCount(counts.get(nodeId) ?? NO_DIAGNOSTICS, d.severity));
    const node = g.nodes.get(nodeId);
    if (!node || d.severity === 'info') continue;
    node.severity = worse(node.severity, d.severity);
    const row = d.path === undefined ? undefined : node.rows.find((x) => x.resourceId === r.id && pathWithin(d.path ?? '', x.path));
    if (row) flagRow(row, { severity: d.severity, message: d.message });
  }
  return counts;
}

/** A rule row whose backend or mirror reference is broken is a red row that says why. */
function flagBrokenRows(g: GraphDraft): void {
  for (const e of g.edges) {
    if (!e.broken || !e.sourceRow || (e.kind !== 'backend' && e.kind !== 'mirror')) continue;
    const row = g.nodes.get(e.source)?.rows.find((x) => x.id === e.sourceRow);
    if (row) flagRow(row, { severity: 'error', message: e.broken });
  }
}

function finishNode(n: NodeDraft, diagnostics: DiagnosticCounts): GraphNode {
  return {
    ...n,
    ...(n.namespace ? { group: `ns:${n.namespace}` } : {}),
    diagnostics,
  };
}

/** One soft group per namespace that holds a node or is declared by a Namespace object. */
function buildGroups(nodes: readonly GraphNode[], namespaces: readonly Resource[], counts: Map<string, DiagnosticCounts>): GraphGroup[] {
  const order: string[] = [];
  const declared = new Map(namespaces.map((r) => [r.name, r]));
  for (const r of namespaces) order.push(r.name);
  for (const n of nodes) if (n.namespace && !order.includes(n.namespace)) order.push(n.namespace);
  return order.map((namespace) => {
    const r = declared.get(namespace);
    const labels = Object.fromEntries(Object.entries(rec(rec(r?.object.metadata).labels)).map(([k, v]) => [k, String(v)]));
    const id = `ns:${namespace}`;
    return { id, namespace, ...(r ? { resourceId: r.id } : {}), labels, diagnostics: counts.get(id) ?? NO_DIAGNOSTICS };
  });
}
