/**
 * The places in the table where HTTP and gRPC entries compete: each virtual host of each HTTP-ish
 * listener of each accepted gateway, and each mesh route set. A site knows how to address a
 * request to it (gateway, scheme, port, names; or the mesh Service, port and client namespace).
 */
import type { GatewayTable, ListenerEntry, MeshRouteSet, MeshService, RouteTable, VirtualHost } from '../../compile/types.js';

export interface GatewaySite {
  readonly kind: 'gateway';
  readonly vhost: VirtualHost;
  readonly gateway: GatewayTable;
  readonly listener: ListenerEntry;
}

export interface MeshSite {
  readonly kind: 'mesh';
  readonly vhost: VirtualHost;
  readonly service: MeshService;
  readonly port: number;
  readonly set: MeshRouteSet;
}

export type Site = GatewaySite | MeshSite;

/** Up to this many entries, a vhost is walked entry by entry rather than through its path index. */
export const SCAN_LIMIT = 16;

const HTTPISH = new Set(['HTTP', 'HTTPS', 'GRPC', 'HTTP2', 'GRPC-WEB']);

export function sitesOf(table: RouteTable): Site[] {
  const out: Site[] = [];
  for (const gateway of table.gateways) {
    if (!gateway.accepted) continue;
    for (const port of gateway.ports.values()) {
      for (const listener of port.listeners) {
        if (!listener.accepted || !HTTPISH.has(listener.protocol) || isPassthrough(listener)) continue;
        const vhosts = [...listener.hosts.exact.values(), ...listener.hosts.wildcard.values(), ...(listener.hosts.any ? [listener.hosts.any] : [])];
        for (const vhost of vhosts) out.push({ kind: 'gateway', vhost, gateway, listener });
      }
    }
  }
  for (const service of table.mesh.services.values()) {
    for (const mp of service.ports) {
      const port = mp.port ?? service.servicePorts?.[0]?.port ?? 80;
      for (const set of service.ports.length > 0 ? mp.routeSets : []) out.push({ kind: 'mesh', vhost: set.vhost, service, port, set });
    }
  }
  return out;
}

function isPassthrough(l: ListenerEntry): boolean {
  return l.tlsMode !== null && /^passthrough$/i.test(l.tlsMode);
}

/** Names a request can carry to reach this vhost (the simulator checks which vhost it lands on). */
export function hostCandidates(site: Site): string[] {
  if (site.kind === 'mesh') return site.service.hosts.slice(0, 2);
  const d = site.vhost.domain;
  if (!d.startsWith('*')) return [d];
  if (d.startsWith('*.')) return [`reach${d.slice(1)}`, `witness.reach${d.slice(1)}`];
  const names = site.listener.hostnames.map((h) => (h.startsWith('*.') ? `reach${h.slice(1)}` : h)).filter((h) => h !== '*');
  return names.length > 0 ? names : ['reach.example', 'witness.reach.example'];
}
