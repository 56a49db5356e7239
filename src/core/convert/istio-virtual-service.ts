import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { fqdn, gatewayRef, serviceOfHost, type ServiceRef } from './design.js';
import { intersectHost, isGatewayHostname, isIp } from './hosts.js';
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
  readonly mesh: boolean;
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

export function listenerAccepts(l: ListenerInfo, ns: string, hosts: readonly string[], protocols: readonly string[]): boolean {
  if (!protocols.includes(l.protocol) || l.httpsRedirect) return false;
  if (!l.namespaces.includes('*') && !l.namespaces.includes(ns)) return false;
  return hosts.some((h) => intersectHost(h, l.host) !== null);
}

/** parentRefs to the listeners of the bound Istio Gateways that accept this VirtualService. */
export function gatewayParents(vs: Resource, routeNs: string, hosts: readonly string[], protocols: readonly string[], ctx: IstioCtx): { parentRefs: KubeObject[]; keys: string[] } {
  const parentRefs: KubeObject[] = [];
  const keys: string[] = [];
  for (const g of boundGateways(vs).gateways) {
    const key = `${g.namespace}/${g.name}`;
    const listeners = ctx.listeners.get(key);
    const nsPart = g.namespace !== routeNs ? { namespace: g.namespace } : {};
    if (!listeners) {
      ctx.report.lose('GatewayNotInDesign', vs, ['spec', 'gateways'], `the Istio Gateway ${key} is not in this design; the route's parentRef names a Gateway API Gateway ${key}, which must exist`);
      parentRefs.push({ name: g.name, ...nsPart });
      keys.push(key);
      continue;
    }
    const ok = listeners.filter((l) => listenerAccepts(l, vs.namespace, hosts, protocols));
    for (const l of ok) parentRefs.push({ name: g.name, ...nsPart, sectionName: l.name });
    if (ok.length > 0) keys.push(key);
  }
  return { parentRefs, keys };
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
export function planHttp(vs: Resource, ctx: IstioCtx): RoutePlan[] {
  if (records(spec(vs.object).http).length === 0) return [];
  const plans: RoutePlan[] = [];
  const hosts = routeHosts(vs);
  const bound = boundGateways(vs);
  const exportTo = strings(spec(vs.object).exportTo);
  if (bound.gateways.length > 0) {
    if (exportTo.length > 0 && !exportTo.includes('*')) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], 'exportTo has no Gateway API form; the route is visible to every parent it names');
    const { parentRefs, keys } = gatewayParents(vs, vs.namespace, hosts, ['HTTP', 'HTTPS'], ctx);
    const hostnames: string[] = [];
    for (const [i, h] of hosts.entries()) {
      if (h === '*') continue;
      if (isIp(h) || !isGatewayHostname(h)) ctx.report.lose('HostNotRepresentable', vs, ['spec', 'hosts', i], `${h} is not a Gateway API hostname; it is left out`);
      else hostnames.push(h);
    }
    const any = hosts.includes('*');
    plans.push({
      vs,
      namespace: vs.namespace,
      base: vs.name,
      parentRefs,
      hostnames: any ? [] : hostnames,
      drafts: drafts(vs, vs.namespace, ctx),
      vhosts: keys.flatMap((k) => (any ? ['*'] : hostnames).map((h) => `gw|${k}|${h}`)),
      mesh: false,
    });
  }
  if (bound.mesh) {
    const consumer = exportTo.length === 1 && (exportTo[0] === '.' || exportTo[0] === vs.namespace);
    if (exportTo.length > 0 && !consumer && !exportTo.includes('*')) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], 'exportTo naming other namespaces has no Gateway API form; the mesh route applies to every client');
    const byNs = new Map<string, ServiceRef[]>();
    strings(spec(vs.object).hosts).forEach((h, i) => {
      const svc = serviceOfHost(h, vs.namespace);
      if (!svc) {
        ctx.report.lose('MeshHostNotService', vs, ['spec', 'hosts', i], `${h} is not a Kubernetes Service: a GAMMA route can only have a Service parent, so mesh traffic to it is not routed`);
        return;
      }
      const ns = consumer ? vs.namespace : svc.namespace;
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
        mesh: true,
      });
    }
  }
  return plans;
}

export const ROUTE_API = `${GATEWAY_GROUP}/v1`;
