import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { Design } from './design.js';
import { covers, hostnameRank, intersectHost } from './hosts.js';
import { num, rec, records, spec, str, stringMap, strings } from './read.js';
import type { Report } from './report.js';

/** A Gateway API listener and the Istio Gateway written for it. */
export interface IstioListener {
  readonly gateway: Resource;
  readonly name: string;
  readonly index: number;
  /** `ns/name` of the Istio Gateway for this listener. */
  readonly istioGateway: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname: string;
  readonly listener: KubeObject;
  /** The namespaces the Istio server admits (`*` = all): its hosts' `ns/` parts. */
  readonly namespaces: readonly string[];
}

/** Where a route serves: a listener (or a Gateway outside the design, or a mesh Service) and the hostnames it serves there. */
export type Attachment =
  | { readonly kind: 'listener'; readonly listener: IstioListener; readonly hosts: readonly string[]; readonly parentIndex: number }
  | { readonly kind: 'external'; readonly gateway: string; readonly hosts: readonly string[]; readonly parentIndex: number }
  | { readonly kind: 'mesh'; readonly service: { namespace: string; name: string }; readonly port: number | undefined; readonly parentIndex: number };

const KINDS_FOR: Record<string, readonly string[]> = {
  HTTPRoute: ['HTTP', 'HTTPS'],
  GRPCRoute: ['HTTP', 'HTTPS'],
  TLSRoute: ['TLS'],
  TCPRoute: ['TCP', 'TLS'],
};

/** Does a label selector accept these labels (matchLabels AND matchExpressions)? */
export function selectorMatches(selector: KubeObject, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(stringMap(selector.matchLabels))) if (labels[k] !== v) return false;
  for (const { item } of records(selector.matchExpressions)) {
    const key = str(item.key) ?? '';
    const values = strings(item.values);
    const op = str(item.operator);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (op === 'In' && !(has && values.includes(labels[key] as string))) return false;
    if (op === 'NotIn' && has && values.includes(labels[key] as string)) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** allowedRoutes (gateway-api.md §3.2): may a route of `kind` in `ns` attach? */
export function listenerAllows(l: IstioListener, kind: string, ns: string, design: Design): boolean {
  const allowed = rec(l.listener.allowedRoutes);
  const from = str(rec(allowed.namespaces).from) ?? 'Same';
  if (from === 'Same' && ns !== l.gateway.namespace) return false;
  if (from === 'Selector' && !selectorMatches(rec(rec(allowed.namespaces).selector), design.namespaceLabels(ns))) return false;
  if (from !== 'Same' && from !== 'All' && from !== 'Selector') return false;
  const kinds = records(allowed.kinds);
  if (kinds.length > 0 && !kinds.some(({ item }) => str(item.kind) === kind && (str(item.group) ?? GATEWAY_GROUP) === GATEWAY_GROUP)) return false;
  return (KINDS_FOR[kind] ?? []).includes(l.protocol);
}

/** The route's hostnames served on a listener (gateway-api.md §3.3); empty = not attached. */
export function effectiveHosts(routeHosts: readonly string[], listenerHost: string): string[] {
  if (routeHosts.length === 0) return [listenerHost];
  return [...new Set(routeHosts.flatMap((h) => intersectHost(h, listenerHost) ?? []))];
}

/**
 * Every place a route serves (gateway-api.md §3): parentRefs to Gateways (sectionName, port,
 * allowedRoutes, hostname intersection, and listener isolation — a host taken by a more specific
 * listener on the same port is not served here, §2.3) or to Services (GAMMA).
 */
export function attachments(route: Resource, listeners: ReadonlyMap<string, IstioListener[]>, design: Design, report: Report): Attachment[] {
  const s = spec(route.object);
  const routeHosts = strings(s.hostnames).map((h) => h.toLowerCase());
  const out: Attachment[] = [];
  const parents = records(s.parentRefs);
  let lost = false;
  let accepted = false;
  for (const { item: p, index } of parents) {
    const group = str(p.group) ?? GATEWAY_GROUP;
    const kind = str(p.kind) ?? 'Gateway';
    const ns = str(p.namespace) ?? route.namespace;
    const name = str(p.name) ?? '';
    if (group === '' && kind === 'Service') {
      // gateway-api.md §3.5: a port the Service does not declare is NoMatchingParent; nothing attaches.
      const ports = design.servicePorts({ namespace: ns, name });
      if (num(p.port) !== undefined && ports !== undefined && !ports.some((x) => x.port === num(p.port))) continue;
      out.push({ kind: 'mesh', service: { namespace: ns, name }, port: num(p.port), parentIndex: index });
      continue;
    }
    if (group !== GATEWAY_GROUP || kind !== 'Gateway') {
      report.lose('UnsupportedKind', route, ['spec', 'parentRefs', index], `a ${kind} parent has no Istio form; the route is not attached there`);
      lost = true;
      continue;
    }
    const ls = listeners.get(`${ns}/${name}`);
    if (!ls) {
      report.lose('ParentNotInDesign', route, ['spec', 'parentRefs', index], `the Gateway ${ns}/${name} is not in this design; the VirtualService binds to an Istio Gateway ${ns}/${name}, which must exist`);
      out.push({ kind: 'external', gateway: `${ns}/${name}`, hosts: routeHosts.length > 0 ? routeHosts : ['*'], parentIndex: index });
      continue;
    }
    const section = str(p.sectionName);
    const port = num(p.port);
    for (const l of ls) {
      if ((section !== undefined && l.name !== section) || (port !== undefined && l.port !== port)) continue;
      if (!listenerAllows(l, route.kind, route.namespace, design)) continue;
      const effective = effectiveHosts(routeHosts, l.hostname);
      if (effective.length > 0) accepted = true;
      const hosts = effective.filter((h) => !takenBySpecificListener(h, l, ls));
      if (hosts.length > 0) out.push({ kind: 'listener', listener: l, hosts, parentIndex: index });
    }
  }
  if (out.length === 0 && !lost) reportUnattached(route, parents.length, accepted, report);
  return out;
}

/**
 * A route that serves nowhere routes no request, so leaving it out changes no answer — but the
 * user's object must not vanish unannounced. No parentRefs, or no parent accepting it: a loss
 * entry says it was left out. Accepted, but every host it would serve belongs to a more specific
 * listener (gateway-api.md §2.3): the route is attached as the spec says and still serves nothing,
 * which a note says.
 */
function reportUnattached(route: Resource, parentCount: number, accepted: boolean, report: Report): void {
  if (parentCount === 0) {
    report.lose('NoParentRefs', route, ['spec'], `the ${route.kind} has no parentRefs: it attaches to no Gateway or Service and routes no request; a VirtualService needs a gateway or a mesh host, so the route is left out`);
  } else if (!accepted) {
    report.lose('RouteNotAttached', route, ['spec', 'parentRefs'], `none of the ${route.kind}'s parents in this design accepts it (listener, section, port, allowed namespaces or kinds, hostnames): it routes no request, so it is left out`);
  } else {
    report.note('ListenerIsolation', route, ['spec', 'parentRefs'], `every host the ${route.kind} would serve belongs to a more specific listener (listener isolation): it routes no request, so it is left out`);
  }
}

/**
 * Listener isolation (gateway-api.md §2.3, istio.md §4.2 `hostnameAllowedByIsolation`): a host is
 * not served on `l` when a more specific listener on the same port and protocol covers all of it
 * (its requests are that listener's, routes or not).
 */
function takenBySpecificListener(host: string, l: IstioListener, all: readonly IstioListener[]): boolean {
  return all.some((o) => o !== l && o.port === l.port && o.protocol === l.protocol && covers(o.hostname, host) && moreSpecific(o.hostname, l.hostname));
}

/** Listener hostname precedence (gateway-api.md §2.2): exact names first, then longer wildcards; no hostname last. */
export function moreSpecific(a: string, b: string): boolean {
  const [ea, ca] = hostnameRank(a);
  const [eb, cb] = hostnameRank(b);
  return ea !== eb ? ea > eb : ca > cb;
}
