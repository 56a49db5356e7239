import type { CanvasConnection, GraphNode, RouteGraph } from '../../core/index';

/**
 * The keyboard's way to make the connections a drag makes on the canvas: the inspector offers
 * the objects a route can be attached to ("+ parent") and the backends a rule can send to
 * ("+ backend") as choices, each the same `CanvasConnection` the drag would give the store's
 * `connect` (so the same checks and refusals apply: core/design/gesture.ts).
 */
export interface ConnectOption {
  /** Unique among the options: the select's value. */
  readonly key: string;
  readonly text: string;
  readonly connection: CanvasConnection;
}

const GATEWAY_API_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
const qualified = (n: GraphNode): string => (n.namespace ? `${n.namespace}/${n.name}` : n.name);
const drawn = (n: GraphNode): boolean => n.role !== 'missing' && n.resourceId !== undefined && !n.collapsed;

function option(text: string, connection: CanvasConnection): ConnectOption {
  return { key: `${connection.source}|${connection.sourceRow ?? ''}|${connection.target}|${connection.targetRow ?? ''}`, text, connection };
}

/**
 * Parents for `route`: every listener of every Gateway (and the Gateway as a whole), every
 * Service for the mesh (GAMMA: a Service as a route's parent); Istio Gateways for a VirtualService.
 */
export function parentOptions(graph: RouteGraph, route: GraphNode): ConnectOption[] {
  const out: ConnectOption[] = [];
  const gatewayApi = GATEWAY_API_ROUTES.has(route.kind) && route.family === 'gateway-api';
  const vs = route.kind === 'VirtualService' && route.family === 'istio';
  for (const n of graph.nodes) {
    if (!drawn(n) || n.id === route.id) continue;
    if (gatewayApi && n.family === 'gateway-api' && (n.kind === 'Gateway' || n.kind === 'ListenerSet')) {
      out.push(option(`${n.kind} ${qualified(n)} (every listener)`, { source: n.id, target: route.id }));
      for (const row of n.rows) if (row.kind === 'listener') out.push(option(`${n.kind} ${qualified(n)} · listener ${row.key}`, { source: n.id, sourceRow: row.id, target: route.id }));
    } else if (gatewayApi && n.kind === 'Service' && n.family === 'core') {
      out.push(option(`Service ${qualified(n)} (mesh)`, { source: n.id, target: route.id }));
    } else if (vs && n.kind === 'Gateway' && n.family === 'istio') {
      out.push(option(`Gateway ${qualified(n)}`, { source: n.id, target: route.id }));
    }
  }
  return out;
}

/**
 * Backends for the rule (or VirtualService route) drawn as `ruleRowId` of `route`: Services
 * (and, for a VirtualService, ServiceEntries and DestinationRule subsets).
 */
export function backendOptions(graph: RouteGraph, route: GraphNode, ruleRowId: string): ConnectOption[] {
  const out: ConnectOption[] = [];
  const vs = route.kind === 'VirtualService';
  for (const n of graph.nodes) {
    if (!drawn(n) || n.id === route.id) continue;
    const from = { source: route.id, sourceRow: ruleRowId };
    if (n.kind === 'Service' && n.family === 'core') {
      out.push(option(`Service ${qualified(n)}`, { ...from, target: n.id }));
      if (vs) for (const row of n.rows) if (row.kind === 'subset') out.push(option(`Service ${qualified(n)} · subset ${row.key}`, { ...from, target: n.id, targetRow: row.id }));
    } else if (vs && n.kind === 'ServiceEntry') {
      out.push(option(`ServiceEntry ${qualified(n)}`, { ...from, target: n.id }));
    }
  }
  return out;
}

/** The row that draws the part of a resource at `path` (`spec.rules[1]`), if the node has one. */
export function rowAt(node: GraphNode | undefined, path: string): string | undefined {
  return node?.rows.find((r) => r.path === path)?.id;
}
