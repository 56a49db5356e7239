import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { serviceOfHost } from './design.js';
import { isGatewayHostname } from './hosts.js';
import { backendRefs, leftOut } from './istio-backends.js';
import { meshTlsRoutes } from './istio-mesh-tls.js';
import type { IstioCtx } from './istio-context.js';
import { boundGateways, gatewayParents, meshNames, producerMessage, ROUTE_API } from './istio-virtual-service.js';
import { num, records, spec, strings } from './read.js';

/** A TLSRoute or TCPRoute to emit: its preferred name is settled by the caller. */
export interface L4Route {
  readonly kind: 'TLSRoute' | 'TCPRoute';
  readonly namespace: string;
  readonly base: string;
  /** The source rule (`spec.tls[i]`, `spec.tcp[i]`): the origin of the route's one rule. */
  readonly at: FieldPath;
  readonly object: (name: string) => KubeObject;
}

const IGNORED_L4 = ['destinationSubnets', 'sourceLabels', 'sourceNamespace', 'gateways', 'sourceSubnet'];

/**
 * VirtualService `tls[]` → TLSRoutes (one per rule, hostnames = its SNI hosts) on TLS passthrough
 * listeners, and for the mesh TLSRoutes with a Service parent (istio-mesh-tls.ts); `tcp[]` → TCPRoutes on TCP listeners, the first rule that applies to a port taking it
 * (istio.md §1.5; gateway-api.md §8). Match attributes without a Gateway API form are reported.
 */
export function convertL4(vs: Resource, ctx: IstioCtx, skipped: ReadonlySet<string> = new Set()): L4Route[] {
  const out: L4Route[] = [];
  const s = spec(vs.object);
  const tls = records(s.tls);
  for (const { item: rule, index } of tls) {
    const at: FieldPath = ['spec', 'tls', index];
    const sni = new Set<string>();
    for (const { item: m, index: mi } of records(rule.match)) {
      if (skipped.has(`${vs.namespace}/${vs.name}#${index}#${mi}`)) {
        ctx.report.note('UnreachableRuleDropped', vs, [...at, 'match', mi], 'an earlier VirtualService already routes one of these SNI names on the gateway: Istio skips this match, and so does the TLSRoute');
        continue;
      }
      for (const h of strings(m.sniHosts)) sni.add(h.toLowerCase());
      for (const k of [...IGNORED_L4, 'port']) if (m[k] !== undefined) ctx.report.lose('TLSMatch', vs, [...at, 'match', mi, k], `the TLS match condition ${k} has no TLSRoute form; it is left out`, { widens: true });
    }
    if (sni.size === 0 && records(rule.match).length > 0) continue; // every match skipped: nothing to route
    const hostnames = [...sni].filter((h) => h !== '*' && isGatewayHostname(h));
    const { parentRefs } = gatewayParents(vs, vs.namespace, [...sni], ['TLS'], ctx);
    // Mesh traffic: istio-mesh-tls.ts (TLSRoutes with a Service parent).
    if (parentRefs.length === 0 && boundGateways(vs).mesh) continue;
    const backends = backendRefs(rule.route, [...at, 'route'], vs, vs.namespace, 'TLSRoute', ctx);
    if (backends.length === 0) {
      leftOut(vs, at, 'TLSRoute', ctx);
      continue;
    }
    out.push({
      kind: 'TLSRoute',
      namespace: vs.namespace,
      base: tls.length === 1 ? vs.name : `${vs.name}-${index + 1}`,
      at,
      object: (name) => ({
        apiVersion: ROUTE_API,
        kind: 'TLSRoute',
        metadata: { name, namespace: vs.namespace },
        spec: { parentRefs, hostnames, rules: [{ backendRefs: backends }] },
      }),
    });
  }
  out.push(...meshTlsRoutes(vs, ctx));
  const tcp = records(s.tcp);
  const exportTo = strings(s.exportTo);
  const consumer = exportTo.length === 1 && (exportTo[0] === '.' || exportTo[0] === vs.namespace);
  const claimedPorts = new Set<string>();
  for (const { item: rule, index } of tcp) {
    const at: FieldPath = ['spec', 'tcp', index];
    const matches = records(rule.match);
    const ports = matches.every(({ item }) => num(item.port) !== undefined) && matches.length > 0 ? new Set(matches.map(({ item }) => num(item.port) as number)) : undefined;
    for (const { item: m, index: mi } of matches) {
      for (const k of IGNORED_L4) if (m[k] !== undefined) ctx.report.lose('TCPMatch', vs, [...at, 'match', mi, k], `the TCP match condition ${k} has no TCPRoute form; it is left out`, { widens: true });
    }
    const { parentRefs: all } = gatewayParents(vs, vs.namespace, ['*'], ['TCP'], ctx);
    const parentRefs = all.filter((p) => {
      const l = ctx.listeners.get(`${String(p.namespace ?? vs.namespace)}/${String(p.name)}`)?.find((x) => x.name === p.sectionName);
      const key = `${String(p.namespace ?? vs.namespace)}/${String(p.name)}/${String(p.sectionName)}`;
      if (!l || (ports && !ports.has(l.port)) || claimedPorts.has(key)) return false;
      claimedPorts.add(key);
      return true;
    });
    // Sidecars read the tcp rules of every VirtualService whose host matches, in istiod's order
    // (tls.go getConfigsForHost): each becomes a TCPRoute of the Service, a producer route in the
    // Service's namespace unless `exportTo` keeps it to the VirtualService's (as planHttp does).
    const byNs = new Map<string, KubeObject[]>();
    if (parentRefs.length > 0) byNs.set(vs.namespace, [...parentRefs]);
    if (boundGateways(vs).mesh) {
      for (const h of strings(s.hosts)) {
        const svc = serviceOfHost(h, vs.namespace);
        if (!svc) continue;
        const ns = consumer ? vs.namespace : svc.namespace;
        if (consumer && ns === svc.namespace) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], producerMessage(svc, ns), { scope: null, requests: [{ hosts: meshNames(svc) }] });
        const ref = { group: '', kind: 'Service', name: svc.name, ...(svc.namespace !== ns ? { namespace: svc.namespace } : {}), ...(ports && ports.size === 1 ? { port: [...ports][0] } : {}) };
        byNs.set(ns, [...(byNs.get(ns) ?? []), ref]);
      }
    }
    if (byNs.size === 0) {
      if (index > 0) ctx.report.note('UnreachableRuleDropped', vs, at, 'an earlier tcp rule already takes every port this rule applies to; it is left out');
      continue;
    }
    for (const [ns, refs] of [...byNs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const backends = backendRefs(rule.route, [...at, 'route'], vs, ns, 'TCPRoute', ctx);
      if (backends.length === 0) {
        leftOut(vs, at, 'TCPRoute', ctx);
        continue;
      }
      out.push({
        kind: 'TCPRoute',
        namespace: ns,
        base: tcp.length === 1 ? vs.name : `${vs.name}-${index + 1}`,
        at,
        object: (name) => ({ apiVersion: ROUTE_API, kind: 'TCPRoute', metadata: { name, namespace: ns }, spec: { parentRefs: refs, rules: [{ backendRefs: backends }] } }),
      });
    }
  }
  return out;
}

