/**
 * Istio Gateways that select the same workload (same `selector`) are merged into one logical
 * gateway, as the proxy merges them (istio.md §2; istio/istio pilot/pkg/model/gateway.go
 * mergeGateways). Per port:
 * - plaintext HTTP servers share one route table (`http.<port>`): the Host header decides;
 * - TLS servers (HTTPS, TLS) are separate filter chains chosen by SNI; a TLS server repeating a
 *   host already served on that port is rejected; two HTTPS servers with the same route name
 *   (port name, gateway) are rejected;
 * - one plaintext TCP server per port; a server whose protocol cannot merge with the port's first
 *   (e.g. TCP after HTTP, or HTTP after TCP) is rejected.
 * Rejected servers are dropped, not their Gateway (RecordRejectedConfig).
 */
import type { IstioSinks } from './context.js';
import { conflictIndex, nameSome } from './gateway-conflicts.js';
import type { IstioGatewayModel, ServerModel } from './model.js';
import { isHttpProtocol, isHttpServer, isTlsServer } from './read-gateway.js';
import { compareByCreation } from './read-virtual-service.js';

export interface PortGroup {
  readonly port: number;
  /** `plaintext`: HTTP servers merged, or one TCP server; `tls`: filter chains by SNI. */
  readonly kind: 'plaintext' | 'tls';
  readonly servers: ServerModel[];
}

export interface MergedIstioGateway {
  /** Members oldest first (istiod's merge order). */
  readonly members: readonly IstioGatewayModel[];
  readonly ports: ReadonlyMap<number, PortGroup>;
}

/** Gateways with equal keys select the same workload (the selector as written, key order aside). */
export function selectorKey(g: IstioGatewayModel): string {
  if (g.selector === null) return '*';
  return JSON.stringify(Object.entries(g.selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `canMergeProtocols(new, existing)`: only an HTTP-ish server joins a plaintext HTTP port. */
const canMerge = (current: string, next: string): boolean => (isHttpProtocol(current) || current === next) && isHttpProtocol(next);

const routeName = (s: ServerModel): string =>
  isHttpProtocol(s.protocol) ? `http.${s.portNumber}` : isHttpServer(s) ? `https.${s.portNumber}.${s.portName}.${s.gateway.name}.${s.gateway.namespace}` : '';

function mergeGroup(members: readonly IstioGatewayModel[], sinks: IstioSinks): Map<number, PortGroup> {
  const ports = new Map<number, PortGroup>();
  const tlsHosts = new Map<number, Set<string>>();
  const routeNames = new Set<string>();
  const conflicts = conflictIndex(members);
  const reject = (s: ServerModel, code: string, message: string): void => {
    // When another Gateway of the selector declares the same host on this port, this is also
    // istioctl's IST0145 ConflictingGateways (an error there): one problem, with its code.
    const others = conflicts(s);
    if (others.length === 0) sinks.diagnose(s.gateway, code, 'warning', `${message}: Istio drops this server`, s.path);
    else sinks.diagnose(s.gateway, code, 'error', `${message}, and Gateway ${nameSome(others)} declares the same host on this port for the same workload selector: Istio drops this server — give it another port or host, or remove one of the servers`, s.path, 'IST0145');
  };
  for (const g of members) {
    for (const s of g.servers) {
      if (s.bind !== '') sinks.note({ code: 'Simplified', message: `server ${g.name} ${s.path} binds ${s.bind}: bind addresses are not simulated` });
      if (s.tlsMode !== null) {
        const known = tlsHosts.get(s.portNumber) ?? new Set<string>();
        const dup = s.hosts.filter((h) => known.has(h));
        if (dup.length > 0) {
          reject(s, 'IstioServerDuplicateTlsHost', `host ${dup.join(', ')} is already served with TLS on port ${s.portNumber}`);
          continue;
        }
        for (const h of s.hosts) known.add(h);
        tlsHosts.set(s.portNumber, known);
      }
      const rn = routeName(s);
      const group = ports.get(s.portNumber);
      if (group === undefined) {
        ports.set(s.portNumber, { port: s.portNumber, kind: isTlsServer(s) ? 'tls' : 'plaintext', servers: [s] });
        if (rn !== '') routeNames.add(rn);
        continue;
      }
      const first = group.servers[0];
      if (group.kind === 'plaintext') {
        if (first === undefined || !canMerge(s.protocol, first.protocol)) {
          reject(s, 'IstioServerPortConflict', `port ${s.portNumber} already has a ${first?.protocol ?? ''} server that ${s.protocol} cannot share`);
          continue;
        }
        group.servers.push(s);
        continue;
      }
      if (isHttpServer(s)) {
        if (routeNames.has(rn)) {
          reject(s, 'IstioServerDuplicatePortName', `another HTTPS server of ${g.name} on port ${s.portNumber} uses port name ${s.portName}`);
          continue;
        }
        routeNames.add(rn);
      }
      if (s.tlsMode === null) {
        reject(s, 'IstioServerPortConflict', `port ${s.portNumber} already has TLS servers; a server without tls cannot share it`);
        continue;
      }
      group.servers.push(s);
    }
  }
  return ports;
}

export function mergeIstioGateways(gateways: readonly IstioGatewayModel[], sinks: IstioSinks): MergedIstioGateway[] {
  const groups = new Map<string, IstioGatewayModel[]>();
  for (const g of gateways) {
    const key = selectorKey(g);
    const list = groups.get(key);
    if (list) list.push(g);
    else groups.set(key, [g]);
  }
  return [...groups.values()].map((list) => {
    const members = [...list].sort(compareByCreation);
    return { members, ports: mergeGroup(members, sinks) };
  });
}
