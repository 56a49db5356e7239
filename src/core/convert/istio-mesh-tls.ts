/**
 * A mesh VirtualService's `tls` rules → TLSRoutes with a Service parent (GAMMA). GEP-1294 "Route
 * types": TLSRoute is available to a mesh, its parentRef a Service and `port` one of its ports; but
 * "GAMMA implementations SHOULD NOT infer any functionality from the `hostnames` field" — the route
 * is matched by the Service's ClusterIP, not by SNI. A sidecar reads `tls` rules only on a TLS
 * port (compile/istio/mesh-tls.ts) and picks a rule by SNI (tls.go
 * buildSidecarOutboundTLSFilterChainOpts). So, per TLS port of the Service, the first rule that
 * applies there becomes the port's TLSRoute (one rule, no SNI), with two losses: connections with
 * another SNI, which the sidecar closes, are routed too (widens); later rules for the port, told
 * apart only by SNI, are left out. A Service outside the design, or without a TLS port, has no
 * port where Istio reads the rules: nothing is emitted.
 */
import type { FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { isTlsPort } from '../compile/istio/mesh-tls.js';
import { serviceOfHost } from './design.js';
import { isGatewayHostname } from './hosts.js';
import { backendRefs, leftOut } from './istio-backends.js';
import type { IstioCtx } from './istio-context.js';
import type { L4Route } from './istio-l4.js';
import { boundGateways, meshNames, producerMessage, ROUTE_API } from './istio-virtual-service.js';
import { num, records, spec, strings } from './read.js';

/** Does a `tls` match apply to sidecars on this port (tls.go `matchTLS`: gateways, port)? */
function appliesOn(m: Record<string, unknown>, port: number): boolean {
  const gateways = strings(m.gateways);
  const p = num(m.port);
  return (gateways.length === 0 || gateways.includes('mesh')) && (p === undefined || p === port);
}

export function meshTlsRoutes(vs: Resource, ctx: IstioCtx): L4Route[] {
  const s = spec(vs.object);
  const rules = records(s.tls).filter(({ item }) => records(item.route).length > 0);
  if (!boundGateways(vs).mesh || rules.length === 0) return [];
  const exportTo = strings(s.exportTo);
  const consumer = exportTo.length === 1 && (exportTo[0] === '.' || exportTo[0] === vs.namespace);
  const out: L4Route[] = [];
  for (const h of strings(s.hosts)) {
    const svc = serviceOfHost(h, vs.namespace);
    if (!svc) continue;
    const tlsPorts = (ctx.design.servicePorts(svc) ?? []).filter((p) => isTlsPort({ name: p.name ?? null, protocol: p.appProtocol ?? null })).map((p) => p.port);
    if (tlsPorts.length === 0) {
      ctx.report.note('UnreachableRuleDropped', vs, ['spec', 'tls'], `sidecars read tls rules only on a TLS port of Service ${svc.namespace}/${svc.name} (named tls-… or https-…, or appProtocol tls/https); ${ctx.design.servicePorts(svc) ? 'it has none' : 'it is not in this design'}: the rules route nothing in the mesh and are left out`);
      continue;
    }
    const ns = consumer ? vs.namespace : svc.namespace;
    if (consumer && ns === svc.namespace) ctx.report.lose('ExportTo', vs, ['spec', 'exportTo'], producerMessage(svc, ns), { scope: null, requests: [{ hosts: meshNames(svc) }] });
    // The first rule with a match for the port takes it; the others there are told apart only by SNI.
    const byRule = new Map<number, number[]>();
    for (const port of tlsPorts) {
      const applying = rules.filter(({ item }) => records(item.match).some(({ item: m }) => appliesOn(m, port)));
      const [first, ...later] = applying;
      if (!first) continue;
      byRule.set(first.index, [...(byRule.get(first.index) ?? []), port]);
      for (const r of later) ctx.report.lose('TLSMatch', vs, ['spec', 'tls', r.index], `a GAMMA TLSRoute on Service ${svc.namespace}/${svc.name} port ${port} has one rule and no SNI match (GEP-1294: hostnames are not used in the mesh); this rule, which the sidecar picks by SNI, is left out there`);
    }
    for (const [index, ports] of byRule) {
      const rule = rules.find((r) => r.index === index)?.item ?? {};
      const at: FieldPath = ['spec', 'tls', index];
      const sni = [...new Set(records(rule.match).flatMap(({ item }) => strings(item.sniHosts).map((x) => x.toLowerCase())))];
      ctx.report.lose('TLSMatch', vs, [...at, 'match'], `GAMMA matches a TLSRoute by Service ${svc.namespace}/${svc.name}'s ClusterIP, not by SNI (GEP-1294: hostnames are not used in the mesh): connections with an SNI other than ${sni.join(', ')}, which the sidecar closes, reach this rule's destinations too`, { widens: true, scope: null, requests: [{ hosts: meshNames(svc), protocols: ['tls', 'tcp'] }] });
      const hostnames = sni.filter((x) => x !== '*' && isGatewayHostname(x));
      const parentRefs = ports.map((port) => ({ group: '', kind: 'Service', name: svc.name, ...(svc.namespace !== ns ? { namespace: svc.namespace } : {}), port }));
      const backends = backendRefs(rule.route, [...at, 'route'], vs, ns, 'TLSRoute', ctx);
      if (backends.length === 0) {
        leftOut(vs, at, 'TLSRoute', ctx);
        continue;
      }
      out.push({
        kind: 'TLSRoute',
        namespace: ns,
        base: `${vs.name}-${svc.name}`,
        at,
        object: (name) => ({ apiVersion: ROUTE_API, kind: 'TLSRoute', metadata: { name, namespace: ns }, spec: { parentRefs, hostnames: hostnames.length > 0 ? hostnames : [`${svc.name}.${svc.namespace}.svc.cluster.local`], rules: [{ backendRefs: backends }] } }),
      });
    }
  }
  return out;
}
