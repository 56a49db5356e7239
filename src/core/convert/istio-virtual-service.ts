import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { fqdn, gatewayRef, serviceOfHost, type ServiceRef } from './design.js';
import { covers, intersectHost, isGatewayHostname, isIp } from './hosts.js';
import type { IstioCtx, ListenerInfo } from './istio-context.js';
import { draftRule, type RuleDraft } from './istio-http-rule.js';
import { records, spec, strings } from './read.js';

/**
 * How one VirtualService lands in the Gateway API (istio.md §1.1, §9.8; gateway-api.md §3.5):
 * - gateway-bound → an HTTPRoute in the VirtualService's namespace, a parentRef (with sectionName)
 *   per listener that accepts it: its namespace allowed, a host in common;
 * - `mesh` → an HTTPRoute per Service host (GAMMA). Istio's mesh routes apply to every client, so
 *   the route lives in the Service's namespace (a producer route) unless `exportTo: ["."]` keeps it
 *   to its own namespace (a consumer route).
 */
export interface RoutePlan {
  readonly vs: Resource;
  readonly namespace: string;
  /** Preferred name; made unique when emitted. */
  readonly base: string;
  readonly parentRefs: KubeObject[];
  readonly hostnames: string[];
  readonly drafts: RuleDraft[];
  /** Virtual hosts this route serves: `gw|ns/name|host` or `mesh|fqdn`. */
  readonly vhosts: string[];
  /** Per gateway virtual host: the first server (index) through which the VirtualService reaches it. */
  readonly serverRank: ReadonlyMap<string, number>;
  /** parentRefs to listeners that admit the route only because a wider server on their port binds it (istio-gateway.ts). */
  readonly widened: Widened[];
  readonly mesh: boolean;
}

/** A parentRef to a listener reached only through Istio's merged route table, with the listener's gateway key and hostname. */
export interface Widened {
  readonly parentRef: KubeObject;
  readonly key: string;
  readonly host: string;
}

/**
 * A route reached a narrower listener only through a wider server (istio-gateway.ts). Where another
 * VirtualService has a virtual host covering that listener's whole hostname, Istio never sends
 * those requests to this route's wider virtual host (istio.md §1.2 step 2): the parentRef goes.
 */
export function dropShadowedParents(plans: readonly RoutePlan[]): void {
  const domains = (p: RoutePlan, key: string): string[] => p.vhosts.filter((v) => v.startsWith(`gw|${key}|`)).map((v) => v.slice(v.lastIndexOf('|') + 1));
  for (const p of plans) {
    for (const w of p.widened) {
      const own = domains(p, w.key).filter((d) => intersectHost(d, w.host) !== null);
      const narrower = (d: string): boolean => covers(d, w.host) && own.every((o) => o !== d && covers(o, d));
      const shadowed = plans.some((q) => q !== p && domains(q, w.key).some(narrower));
      const i = p.parentRefs.indexOf(w.parentRef);
      if (shadowed && i >= 0) p.parentRefs.splice(i, 1);
    }
  }
}

/** VirtualService hosts as the Gateway API writes them: short names become Service FQDNs; `*` = any. */
export function routeHosts(vs: Resource): string[] {
  return strings(spec(vs.object).hosts).map((h) => {
    const svc = serviceOfHost(h, vs.namespace);
    return svc && !h.includes('.') ? fqdn(svc) : h.toLowerCase();
  });
}

export function boundGateways(vs: Resource): { mesh: boolean; gateways: ServiceRef[] } {
  const list = strings(spec(vs.object).gateways);
  const entries = list.length === 0 ? ['mesh'] : list;
  return { mesh: entries.includes('mesh'), gateways: entries.filter((g) => g !== 'mesh').map((g) => gatewayRef(g, vs.namespace)) };
}

/** Does the listener take a route of namespace `ns` with these hosts? `server`: does the Istio server itself bind it? */
export function listenerAccepts(l: ListenerInfo, ns: string, hosts: readonly string[], protocols: readonly string[], server = false): boolean {
  if (!protocols.includes(l.protocol) || l.httpsRedirect) return false;
  const namespaces = server ? l.serverNamespaces : l.namespaces;
  if (!namespaces.includes('*') && !namespaces.includes(ns)) return false;
  return hosts.some((h) => intersectHost(h, l.host) !== null);
}

/**
 * parentRefs to the listeners of the bound Istio Gateways that accept this VirtualService, and the
 * virtual hosts it serves there: `gw|ns/name|domain`, the domain being the more specific side of
 * VirtualService host × server host (istio.md §2).
 */
export function gatewayParents(vs: Resource, routeNs: string, hosts: readonly string[], protocols: readonly string[], ctx: IstioCtx): { parentRefs: KubeObject[]; keys: string[]; vhosts: string[]; serverRank: Map<string, number>; widened: Widened[] } {
  const parentRefs: KubeObject[] = [];
  const keys: string[] = [];
  const vhosts = new Set<string>();
  const serverRank = new Map<string, number>();
  const widened: Widened[] = [];
  for (const g of boundGateways(vs).gateways) {
    const key = `${g.namespace}/${g.name}`;
    const listeners = ctx.listeners.get(key);
    const nsPart = g.namespace !== routeNs ? { namespace: g.namespace } : {};
    if (!listeners) {
      ctx.report.lose('GatewayNotInDesign', vs, ['spec', 'gateways'], `the Istio Gateway ${key} is not in this design; the route's parentRef names a Gateway API Gateway ${key}, which must exist`);
      parentRefs.push({ name: g.name, ...nsPart });
      keys.push(key);
      for (const h of hosts) vhosts.add(`gw|${key}|${h}`);
      continue;
    }
    const ok = listeners.filter((l) => listenerAccepts(l, vs.namespace, hosts, protocols));
    for (const l of ok) {
      const ref: KubeObject = { name: g.name, ...nsPart, sectionName: l.name };
      parentRefs.push(ref);
      if (!listenerAccepts(l, vs.namespace, hosts, protocols, true)) {
        widened.push({ parentRef: ref, key, host: l.host });
        continue;
      }
      for (const h of hosts) {
        const d = intersectHost(h, l.host);
        if (d === null) continue;
        const v = `gw|${key}|${d}`;
        vhosts.add(v);
        serverRank.set(v, Math.min(serverRank.get(v) ?? Infinity, l.server));
      }
    }
    if (ok.length > 0) keys.push(key);
  }
  return { parentRefs, keys, vhosts: [...vhosts], serverRank, widened };
}

function drafts(vs: Resource, routeNs: string, ctx: IstioCtx): RuleDraft[] {
  const out: RuleDraft[] = [];
  const rules = records(spec(vs.object).http);
  for (const { item, index } of rules) {
    const d = draftRule(vs, item, index, routeNs, ctx);
    if (d) out.push(d);
    if (d?.stops) {
      const next = rules.find((r) => r.index > index);
      if (next) ctx.report.note('UnreachableRuleDropped', vs, ['spec', 'http', next.index], 'Istio ignores the rules after a catch-all rule; they are left out');
      break;
    }
  }
  return out;
}

/** The HTTP route plans of a VirtualService (none when it has no `http` rules). */
/** The names a mesh client can call a Service by (requests.ts sends them the FQDN). */
export function meshNames(svc: ServiceRef): string[] {
  return [svc.name, `${svc.name}.${svc.namespace}`, `${svc.name}.${svc.namespace}.svc`, fqdn(svc)];
}

/** The ExportTo loss of a VirtualService kept to the Service's own namespace: its GAMMA route is a producer route. */
export function producerMessage(svc: ServiceRef, ns: string): string {
  return `a GAMMA route in the namespace of Service ${svc.namespace}/${svc.name} is a producer route: it applies to every client, not only to those in ${ns}`;
}

/**
 * Can the VirtualService yield no mesh route for some port or client? Each of its http matches then
 * names a `port`, `sourceLabels`, `sourceNamespace` or `gateways` (route.go TranslateRoute drops a
 * match for another port, source or gateway): where all are dropped the VS builds no virtual host.
 */
function selective(vs: Resource): boolean {
  const rules = records(spec(vs.object).http);
  return rules.every(({ item }) => {
    const ms = records(item.match);
    return ms.length > 0 && ms.every(({ item: m }) => ['port', 'sourceLabels', 'sourceNamespace', 'gateways'].some((k) => m[k] !== undefined));
  });
}

export function planHttp(vs: Resource, ctx: IstioCtx): RoutePlan[] {
  if (records(spec(vs.object).http).length === 0) return [];
  const plans: RoutePlan[] = [];
  const hosts = routeHosts(vs);
  const bound = boundGateways(vs);
  const exportTo = strings(spec(vs.object).exportTo);
  if (bound.gateways.length > 0) {
    if (exportTo.length > 0 && !exportTo.includes('*')) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], 'exportTo has no Gateway API form; the route is visible to every parent it names');
    const representable = hosts.filter((h, i) => {
      if (h === '*' || (!isIp(h) && isGatewayHostname(h))) return true;
      ctx.report.lose('HostNotRepresentable', vs, ['spec', 'hosts', i], `${h} is not a Gateway API hostname; it is left out`, { requests: [{ hosts: [h] }] });
      return false;
    });
    const { parentRefs, vhosts, serverRank, widened } = gatewayParents(vs, vs.namespace, representable, ['HTTP', 'HTTPS'], ctx);
    // `*` serves the listeners' hostnames; written out when none is `*`, so that the route's
    // hostname ranks as Istio's virtual host does (gateway-api.md §4.6 step 1).
    const domains = [...new Set(vhosts.map((v) => v.slice(v.lastIndexOf('|') + 1)))];
    const hostnames = representable.includes('*') ? (domains.includes('*') || domains.length === 0 ? [] : domains.sort()) : representable.filter((h) => h !== '*');
    plans.push({ vs, namespace: vs.namespace, base: vs.name, parentRefs, hostnames, drafts: drafts(vs, vs.namespace, ctx), vhosts, serverRank, widened, mesh: false });
  }
  if (bound.mesh) {
    const consumer = exportTo.length === 1 && (exportTo[0] === '.' || exportTo[0] === vs.namespace);
    if (exportTo.length > 0 && !consumer && !exportTo.includes('*')) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], 'exportTo naming other namespaces has no Gateway API form; the mesh route applies to every client', { widens: true });
    const byNs = new Map<string, ServiceRef[]>();
    strings(spec(vs.object).hosts).forEach((h, i) => {
      const svc = serviceOfHost(h, vs.namespace);
      if (!svc) {
        ctx.report.lose('MeshHostNotService', vs, ['spec', 'hosts', i], `${h} is not a Kubernetes Service: a GAMMA route can only have a Service parent, so mesh traffic to it is not routed`);
        return;
      }
      const ns = consumer ? vs.namespace : svc.namespace;
      const names = meshNames(svc);
      if (selective(vs)) ctx.report.lose('UnsupportedMatch', vs, ['spec', 'http'], `every match names a port, a source or gateways: on other ports, or for other clients, sidecars build no route from this VirtualService and leave ${svc.name} to the next VirtualService or to the Service itself (istiod route.go buildSidecarVirtualHostsForVirtualService); the GAMMA route takes those requests`, { scope: null, requests: [{ hosts: names }] });
      if (consumer && ns === svc.namespace) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], producerMessage(svc, ns), { scope: null, requests: [{ hosts: names }] });
      byNs.set(ns, [...(byNs.get(ns) ?? []), svc]);
    });
    for (const [ns, services] of [...byNs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      plans.push({
        vs,
        namespace: ns,
        base: bound.gateways.length > 0 && ns === vs.namespace ? `${vs.name}-mesh` : vs.name,
        parentRefs: services.map((s) => ({ group: '', kind: 'Service', name: s.name, ...(s.namespace !== ns ? { namespace: s.namespace } : {}) })),
        hostnames: [],
        drafts: drafts(vs, ns, ctx),
        vhosts: services.map((s) => `mesh|${consumer ? `${vs.namespace}:` : ''}${fqdn(s)}`),
        serverRank: new Map(),
        widened: [],
        mesh: true,
      });
    }
  }
  return plans;
}

export const ROUTE_API = `${GATEWAY_GROUP}/v1`;
