/**
 * Listener selection on one gateway port (gateway-api.md §2): protocol fit, then the most
 * specific hostname (exact, longer wildcard, none) that accepts the name — the Host for HTTP, the
 * SNI for HTTPS/TLS. HTTPS then checks the Host against every HTTPS listener on the port (§2.3,
 * misdirected requests): another listener matching the Host more specifically, or only another
 * one matching it → 421; none matching it → 404.
 */
import { formatRef } from '../compile/context.js';
import { hostMatches } from '../compile/hostname.js';
import type { GatewayTable, ListenerEntry } from '../compile/types.js';
import type { Request } from './types.js';

/** Listener protocols that can carry a request of this scheme. */
export function protocolsFor(r: Request): readonly string[] {
  switch (r.scheme) {
    case 'http':
      return ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB'];
    case 'https':
      return ['HTTPS', 'TLS'];
    case 'grpc':
      return ['HTTP', 'HTTP2', 'GRPC'];
    case 'grpcs':
      return ['HTTPS'];
    case 'tls':
      return ['TLS'];
    case 'tcp':
      return ['TCP', 'MONGO'];
    case 'udp':
      return ['UDP'];
    default:
      return [];
  }
}

/** The name a listener's hostname is compared with: the SNI on TLS listeners, else the Host. */
export function nameFor(l: ListenerEntry, r: Request): string {
  return l.protocol === 'HTTPS' || l.protocol === 'TLS' ? (r.sni ?? r.host) : r.host;
}

export function listenerAccepts(l: ListenerEntry, r: Request): string | null {
  if (!protocolsFor(r).includes(l.protocol)) return `protocol ${l.protocol} does not carry ${r.scheme} requests`;
  if (!l.accepted) return `not programmed — ${l.problem ?? 'invalid'}`;
  const name = nameFor(l, r);
  if (l.hostnames.length > 0 && !l.hostnames.some((h) => hostMatches(h, name))) {
    return `${l.protocol === 'HTTPS' || l.protocol === 'TLS' ? 'SNI' : 'hostname'} ${name} does not match ${l.hostnames.join(', ')}`;
  }
  return null;
}

export function listenerRef(gw: GatewayTable, l: ListenerEntry): string {
  return `${formatRef(l.owner.kind === 'ListenerSet' ? l.owner : gw.ref)} listener ${l.name}`;
}

export type ListenerChoice = { readonly listener: ListenerEntry } | { readonly status: 404 | 421; readonly reason: string };

/** The misdirected-request check for a listener chosen by SNI (§2.3); null when the Host agrees. */
export function misdirected(chosen: ListenerEntry, listeners: readonly ListenerEntry[], r: Request): ListenerChoice | null {
  // Istio has no misdirected check: the Host is looked up in the chosen server's own route table (404 if absent).
  if (chosen.protocol !== 'HTTPS' || chosen.dialect === 'istio') return null;
  const forHost = listeners.find((l) => l.protocol === 'HTTPS' && l.accepted && (l.hostnames.length === 0 || l.hostnames.some((h) => hostMatches(h, r.host))));
  if (!forHost) return { status: 404, reason: `no HTTPS listener accepts Host ${r.host}` };
  if (forHost !== chosen) return { status: 421, reason: `misdirected request: SNI ${r.sni ?? r.host} selected listener ${chosen.name}, but Host ${r.host} belongs to listener ${forHost.name}` };
  return null;
}
