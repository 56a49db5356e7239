/**
 * Route attachment per parentRef (gateway-api.md §3.1–§3.3): which listeners accept the route,
 * with which effective hostnames, and otherwise why not (NoMatchingParent, NotAllowedByListeners,
 * NoMatchingListenerHostname). Mesh parents (a Service) are handled in mesh-attach.ts.
 */
import { GW, type CompileContext } from './context.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import { intersectHostnames } from './hostname.js';
import { labelsForSelector, selectorMatches } from './label-selector.js';
import type { ListenerModel } from './listener-model.js';
import type { ParentRefModel, RouteModel } from './route-model.js';

export interface ListenerAttachment {
  readonly listener: ListenerModel;
  /** Effective hostnames after intersection; '*' = any. */
  hostnames: string[];
}

export interface ListenerRejection {
  readonly listener: ListenerModel;
  readonly reason: 'NotAllowedByListeners' | 'NoMatchingListenerHostname';
  readonly message: string;
}

export interface GatewayAttachment {
  readonly parentRef: ParentRefModel;
  readonly gateway: GatewayModel;
  readonly accepted: boolean;
  readonly reason: string;
  readonly message: string;
  readonly listeners: ListenerAttachment[];
  readonly rejections: ListenerRejection[];
}

/** The listeners a parentRef selects: its parent's own listeners, narrowed by sectionName and port. */
function relevantListeners(p: ParentRefModel, gateway: GatewayModel, set: ListenerSetModel | null): ListenerModel[] {
  const owner = set ? set.resource : gateway.resource;
  return gateway.listeners.filter(
    (l) => l.owner === owner && (p.sectionName === null || l.name === p.sectionName) && (p.port === null || l.port === p.port),
  );
}

export function attachToGateway(
  ctx: CompileContext,
  route: RouteModel,
  p: ParentRefModel,
  gateway: GatewayModel,
  set: ListenerSetModel | null,
): GatewayAttachment {
  const candidates = relevantListeners(p, gateway, set);
  if (candidates.length === 0) {
    const what = [p.sectionName === null ? null : `sectionName ${p.sectionName}`, p.port === null ? null : `port ${p.port}`].filter((x) => x !== null).join(' and ');
    const message = what === '' ? `${p.kind} ${p.namespace}/${p.name} has no listeners` : `no listener of ${p.kind} ${p.namespace}/${p.name} matches ${what}`;
    return { parentRef: p, gateway, accepted: false, reason: 'NoMatchingParent', message, listeners: [], rejections: [] };
  }
  const listeners: ListenerAttachment[] = [];
  const rejections: ListenerRejection[] = [];
  for (const l of candidates) {
    const refusal = refuse(ctx, route, l);
    if (refusal) {
      rejections.push({ listener: l, reason: 'NotAllowedByListeners', message: refusal });
      continue;
    }
    const hostnames = effectiveHostnames(route, l);
    if (hostnames.length === 0) {
      rejections.push({ listener: l, reason: 'NoMatchingListenerHostname', message: `no route hostname (${route.hostnames.join(', ')}) matches listener hostname ${l.hostname ?? '*'}` });
      continue;
    }
    listeners.push({ listener: l, hostnames });
  }
  if (listeners.length > 0) return { parentRef: p, gateway, accepted: true, reason: 'Accepted', message: 'Route is accepted', listeners, rejections };
  const hostOnly = rejections.some((r) => r.reason === 'NoMatchingListenerHostname');
  return {
    parentRef: p,
    gateway,
    accepted: false,
    reason: hostOnly ? 'NoMatchingListenerHostname' : 'NotAllowedByListeners',
    message: rejections.map((r) => `listener ${r.listener.name}: ${r.message}`).join('; '),
    listeners,
    rejections,
  };
}

/** allowedRoutes kinds and namespaces (gateway-api.md §3.2); null when allowed. */
function refuse(ctx: CompileContext, route: RouteModel, l: ListenerModel): string | null {
  if (!l.supportedKinds.some((k) => k.group === GW && k.kind === route.kind)) {
    return `kind ${route.kind} not allowed by listener (${l.protocol}; allows ${l.supportedKinds.map((k) => k.kind).join(', ') || 'nothing'})`;
  }
  const ns = route.resource.namespace;
  const from = l.allowedRoutes.from;
  if (from === 'All') return null;
  if (from === 'Same') return ns === l.owner.namespace ? null : `namespace ${ns} not allowed by listener (from: Same, namespace ${l.owner.namespace})`;
  if (from === 'Selector') {
    const labels = labelsForSelector(l.allowedRoutes.selector, ns, ctx.namespaceLabels(ns));
    if (labels === null) {
      ctx.note({ code: 'NotInDesign', message: `Namespace ${ns} is not in this design: its labels are unknown, so no namespace selector can match it` });
      return `namespace ${ns} not allowed by listener: Namespace ${ns} is not in this design, so its labels are unknown to the selector`;
    }
    return selectorMatches(l.allowedRoutes.selector, labels) ? null : `namespace ${ns} not allowed by listener (its labels do not match the selector)`;
  }
  return `namespace ${ns} not allowed by listener (from: ${from})`;
}

/** gateway-api.md §3.3: listener × route hostnames; '*' = any. */
export function effectiveHostnames(route: RouteModel, l: ListenerModel): string[] {
  if (route.kind === 'TCPRoute' || route.kind === 'UDPRoute') return ['*'];
  const lh = l.hostname ?? '*';
  if (route.hostnames.length === 0) return [lh];
  const out: string[] = [];
  for (const h of route.hostnames) {
    const i = intersectHostnames(lh, h);
    if (i !== null && !out.includes(i)) out.push(i);
  }
  return out;
}
