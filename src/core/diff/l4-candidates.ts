/**
 * Candidate connections for the listeners the reach analysis leaves out (its sites are HTTP-ish):
 * TLS passthrough (Gateway API TLS listeners, HTTPS listeners in Passthrough mode, Istio PASSTHROUGH
 * servers), TCP and UDP listeners, and the mesh's TCP/TLS routes. Their entries match on the
 * server name (the virtual host) and the port only, so one connection per virtual-host name — a
 * wildcard's as two names under it — covers their boundaries.
 */
import type { GatewayTable, ListenerEntry, RouteTable, VirtualHost } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import { parseRequest } from '../simulate/parse-request.js';
import type { CandidateRequest } from './candidates.js';

export function l4Candidates(table: RouteTable): CandidateRequest[] {
  const out: CandidateRequest[] = [];
  for (const g of table.gateways) {
    for (const port of g.ports.values()) {
      for (const l of port.listeners) {
        const scheme = l4Scheme(l);
        if (scheme === null) continue;
        for (const host of namesOf(l)) push(out, `${scheme.toUpperCase()} ${scheme}://${host}:${l.port}`, gatewayOf(g), null);
      }
    }
  }
  for (const s of table.mesh.services.values()) {
    for (const mp of s.ports) {
      const port = mp.port ?? s.servicePorts?.[0]?.port ?? 80;
      for (const set of mp.routeSets) {
        if (!set.l4 || set.l4.entries.length === 0) continue;
        const ns = set.scope.kind === 'consumer' ? set.scope.namespace : s.ref.namespace;
        for (const host of s.hosts.slice(0, 2)) for (const scheme of ['tcp', 'tls']) push(out, `${scheme.toUpperCase()} ${scheme}://${host}:${port}`, null, { from: `${ns}/reach-witness` });
      }
    }
  }
  return out;
}

function push(out: CandidateRequest[], line: string, gateway: string | null, mesh: WitnessRequest['mesh']): void {
  const r = parseRequest(line, []);
  if (r.ok) out.push({ witness: { request: line, headers: {}, gateway, mesh }, request: r.request });
}

function gatewayOf(g: GatewayTable): string {
  return `${g.ref.namespace}/${g.ref.name}`;
}

function l4Scheme(l: ListenerEntry): 'tls' | 'tcp' | 'udp' | null {
  if (l.protocol === 'TCP') return 'tcp';
  if (l.protocol === 'UDP') return 'udp';
  if (l.protocol === 'TLS' || (l.tlsMode !== null && /^passthrough$/i.test(l.tlsMode))) return 'tls';
  return null;
}

/** Server names that reach each of the listener's virtual hosts (and its own hostnames). */
function namesOf(l: ListenerEntry): string[] {
  const vhosts: VirtualHost[] = [...l.hosts.exact.values(), ...l.hosts.wildcard.values(), ...(l.hosts.any ? [l.hosts.any] : [])];
  const names = new Set<string>();
  for (const d of [...vhosts.map((v) => v.domain), ...l.hostnames]) {
    if (d === '*' || d === '') names.add('reach.example');
    else if (d.startsWith('*.')) {
      names.add(`reach${d.slice(1)}`);
      names.add(`witness.reach${d.slice(1)}`);
    } else names.add(d);
  }
  if (names.size === 0) names.add('reach.example');
  return [...names];
}
