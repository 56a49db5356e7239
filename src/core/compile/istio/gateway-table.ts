/**
 * A merged Istio gateway → GatewayTable (istio.md §2). Per port:
 * - plaintext HTTP: ONE listener for every server of the port (one route table, Host decides);
 * - plaintext TCP: one listener whose `*` vhost holds the TCP destination;
 * - TLS: one listener per server (a filter chain chosen by SNI): HTTPS terminating → its own route
 *   table; PASSTHROUGH → one vhost per SNI host from the VirtualServices' `tls` matches; TLS
 *   terminating (protocol TLS) → the TCP destination; AUTO_PASSTHROUGH → one vhost per SNI that
 *   names a cluster, `outbound_.PORT_.SUBSET_.HOST` (auto-passthrough.ts).
 * The gateway workload is assumed to run in the namespace of the first merged Gateway (by
 * namespace/name); exportTo and DestinationRule lookup depend on it.
 */
import type { GatewayTable, HostIndex, ListenerEntry, ObjectRef, PortTable, RouteEntry, VirtualHost } from '../types.js';
import { hostnameSpecificity } from '../hostname.js';
import { buildVhost } from '../vhosts.js';
import type { BaseContext } from './context.js';
import type { MergedIstioGateway, PortGroup } from './gateway-merge.js';
import { buildHttpRouteConfig, proxyContextFor, type GatewayProxy } from './gateway-http.js';
import { autoPassthroughChains } from './auto-passthrough.js';
import { passthroughChains, tcpEntry } from './l4-entries.js';
import type { ServerModel } from './model.js';
import { stripNamespace } from './names.js';
import { isHttpProtocol, isHttpServer } from './read-gateway.js';
import type { VirtualServiceIndex } from './vs-index.js';

const refOf = (s: ServerModel): ObjectRef => ({ kind: s.gateway.kind, namespace: s.gateway.namespace, name: s.gateway.name });
const EMPTY: HostIndex = { exact: new Map(), wildcard: new Map(), any: null };

function listener(s: ServerModel, hosts: HostIndex, hostnames: readonly string[], extra: Partial<ListenerEntry> = {}): ListenerEntry {
  return {
    dialect: 'istio',
    name: s.name !== '' ? s.name : s.portName !== '' ? s.portName : `${s.protocol.toLowerCase()}-${s.portNumber}`,
    owner: refOf(s),
    provenance: { resource: s.gateway.id, ref: refOf(s), rule: s.index, match: null, path: s.path },
    port: s.portNumber,
    protocol: s.protocol,
    tlsMode: s.tlsMode !== null && !isHttpProtocol(s.protocol) ? s.tlsMode : null,
    hostnames: [...new Set(hostnames.map((h) => (h === '*' ? '*' : h)))],
    accepted: true,
    problem: null,
    hosts,
    rejected: [],
    ...extra,
  };
}

function singleVhost(domain: string, entries: RouteEntry[]): VirtualHost {
  return buildVhost(domain, entries, 'first-match');
}

function portListeners(base: BaseContext, group: PortGroup, index: VirtualServiceIndex, proxy: GatewayProxy): ListenerEntry[] {
  const first = group.servers[0];
  if (first === undefined) return [];
  if (group.kind === 'plaintext') {
    if (isHttpProtocol(first.protocol)) {
      const hosts = buildHttpRouteConfig(base, group.servers, index, proxy);
      const all = group.servers.flatMap((s) => s.hosts.map(stripNamespace));
      // httpsRedirect is per server (its vhosts answer 301), not per listener: see gateway-http.ts.
      return [listener(first, hosts, all)];
    }
    const ctx = proxyContextFor(base, first, proxy);
    const entry = tcpEntry(ctx, first, index.forServer(proxy.namespace, first));
    return [listener(first, entry === null ? EMPTY : { ...EMPTY, any: singleVhost('*', [entry]) }, [])];
  }
  const taken = new Set<string>();
  return bySni(group.servers.map((s) => {
    const sni = s.hosts.map(stripNamespace);
    const ctx = proxyContextFor(base, s, proxy);
    const vss = index.forServer(proxy.namespace, s);
    if (s.tlsMode === 'AUTO_PASSTHROUGH') {
      // One chain per cluster name (auto-passthrough.ts); its SNI is the whole name, never a wildcard.
      const chains = autoPassthroughChains(ctx, s);
      const exact = new Map([...chains].map(([h, e]) => [h, singleVhost(h, [e])] as const));
      return listener(s, { ...EMPTY, exact }, chains.size > 0 ? [...chains.keys()] : sni, { protocol: 'TLS' });
    }
    if (isHttpServer(s)) return listener(s, buildHttpRouteConfig(base, [s], index, proxy), sni);
    if (s.tlsMode === 'PASSTHROUGH') {
      const chains = passthroughChains(ctx, s, vss, taken);
      const exact = new Map<string, VirtualHost>();
      const wildcard = new Map<string, VirtualHost>();
      let any: VirtualHost | null = null;
      for (const [h, e] of chains) {
        const v = singleVhost(h, [e]);
        if (h === '*') any = v;
        else if (h.startsWith('*.')) wildcard.set(h.slice(1), v);
        else exact.set(h, v);
      }
      // Envoy picks the filter chain by SNI among the chains' server names, not the server's hosts.
      // An HTTPS passthrough server carries opaque TLS: it is modelled as a TLS listener.
      return listener(s, { exact, wildcard, any }, chains.size > 0 ? [...chains.keys()] : sni, { protocol: 'TLS' });
    }
    const entry = tcpEntry(ctx, s, vss);
    return listener(s, entry === null ? EMPTY : { ...EMPTY, any: singleVhost('*', [entry]) }, sni);
  }));
}

/**
 * Envoy picks a filter chain by the most specific server name that matches the SNI (exact, then
 * the longest wildcard, then none) across every chain of the port: one listener entry per SNI
 * name, most specific first, so the first that accepts the SNI is Envoy's choice.
 */
function bySni(listeners: readonly ListenerEntry[]): ListenerEntry[] {
  // AUTO_PASSTHROUGH chains all name one exact SNI each: one entry for them all ranks the same and
  // traces one line, not one per cluster.
  const split = listeners.flatMap((l) => (l.hostnames.length <= 1 || l.tlsMode === 'AUTO_PASSTHROUGH' ? [l] : l.hostnames.map((h) => ({ ...l, hostnames: [h] }))));
  const rank = (l: ListenerEntry): number => Math.max(0, ...l.hostnames.map((h) => hostnameSpecificity(h)));
  return split.map((l, i) => ({ l, i })).sort((a, b) => rank(b.l) - rank(a.l) || a.i - b.i).map(({ l }) => l);
}

export function buildIstioGatewayTable(base: BaseContext, merged: MergedIstioGateway, index: VirtualServiceIndex): GatewayTable | null {
  const byName = [...merged.members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const head = byName[0];
  if (head === undefined) return null;
  const proxy: GatewayProxy = { namespace: head.resource.namespace, labels: head.selector ?? {} };
  for (const m of merged.members) {
    for (const vs of index.hiddenFrom(proxy.namespace, m.name)) {
      base.sinks.diagnose(vs.resource, 'IstioVirtualServiceNotExported', 'info', `not exported to namespace ${proxy.namespace}, where the workload of Gateway ${m.name} is assumed to run: that gateway does not see it`, 'spec.exportTo');
    }
  }
  const ports = new Map<number, PortTable>();
  for (const port of [...merged.ports.keys()].sort((a, b) => a - b)) {
    const group = merged.ports.get(port);
    if (group) ports.set(port, { port, listeners: portListeners(base, group, index, proxy) });
  }
  const ref = (r: typeof head): ObjectRef => ({ kind: r.resource.kind, namespace: r.resource.namespace, name: r.resource.name });
  return { dialect: 'istio', ref: ref(head), resource: head.resource.id, members: byName.map(ref), accepted: true, problem: null, ports };
}
