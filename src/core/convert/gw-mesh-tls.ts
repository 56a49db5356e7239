/**
 * TLSRoutes with a Service parent (GAMMA) → `tls` rules of the Service's mesh VirtualService.
 * GEP-1294: a mesh route is matched by the Service's ClusterIP and its `hostnames` are not used;
 * a sidecar routes `tls` rules by SNI only, on the Service's TLS ports (istio/istio tls.go
 * buildSidecarOutboundTLSFilterChainOpts; compile/istio/mesh-tls.ts), and Istio validation wants
 * each `sniHosts` entry within the VirtualService's hosts (a literal comparison). So each route
 * becomes a rule for the SNI that names the Service (its FQDN, also the VirtualService's host),
 * `port` kept; connections with another SNI — or on a port Istio does not read as TLS — do not
 * take it: a loss that narrows. Oldest route first, as the GAMMA merge takes them (gateway-api.md §8).
 */
import type { KubeObject, Resource } from '../resources/types.js';
import { fqdn, type ServiceRef } from './design.js';
import type { GwCtx } from './gw-context.js';
import { isTlsPort } from '../compile/istio/mesh-tls.js';
import { meshNames } from './istio-virtual-service.js';

export interface MeshTlsMember {
  readonly route: Resource;
  readonly port: number | undefined;
}

export function meshTlsRules(members: readonly MeshTlsMember[], svc: ServiceRef, dest: (r: Resource) => KubeObject[], ctx: GwCtx): KubeObject[] {
  const host = fqdn(svc);
  const ports = ctx.design.servicePorts(svc);
  const tlsPorts = (ports ?? []).filter((p) => isTlsPort({ name: p.name ?? null, protocol: p.appProtocol ?? null })).map((p) => p.port);
  return members.map((m) => {
    const plain = ports === undefined ? [] : m.port === undefined ? ports.map((p) => p.port).filter((p) => !tlsPorts.includes(p)) : tlsPorts.includes(m.port) ? [] : [m.port];
    const notTls = plain.length > 0 ? `; Istio reads tls rules only on TLS ports (named tls-… or https-…, or appProtocol tls/https), so on port ${plain.join(', ')} the rule does not apply at all` : '';
    ctx.report.lose('TLSMatch', m.route, ['spec', 'parentRefs'], `a sidecar picks a tls rule by SNI, within the VirtualService's hosts: only connections to Service ${svc.namespace}/${svc.name} whose SNI is ${host} take this rule, where the TLSRoute (matched by the ClusterIP, GEP-1294) takes them all${notTls}`, { scope: null, requests: [{ hosts: meshNames(svc), protocols: ['tls', 'tcp'] }] });
    return { match: [{ sniHosts: [host], ...(m.port !== undefined ? { port: m.port } : {}) }], route: dest(m.route) };
  });
}
