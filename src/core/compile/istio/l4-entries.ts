/**
 * TCP and unterminated TLS routes (istio.md §1.5; istio/istio pilot/pkg/networking/core/gateway.go
 * buildGatewayNetworkFiltersFromTLSRoutes / FromTCPRoutes, pickMatchingGatewayHosts, l4SingleMatch).
 * At a gateway, an L4 match applies when its `port` (if any) is the server's and its `gateways`
 * (if any) name the server's Gateway; a VirtualService applies to a server when one of its hosts
 * overlaps a server host allowed for its namespace.
 * - PASSTHROUGH: every applicable `tls` match becomes an SNI filter chain for its `sniHosts`; an SNI
 *   already taken on that port is rejected (first wins).
 * - TCP (plaintext, or TLS terminated on a TLS server): the first VirtualService, in order, whose
 *   first applicable `tcp` rule has a route wins; one destination set per server.
 */
import type { Provenance, RouteEntry } from '../types.js';
import type { ProxyContext } from './context.js';
import { toWeightedBackends } from './destinations.js';
import type { L4MatchModel, L4RuleModel, ServerModel, VirtualServiceModel } from './model.js';
import { hostsOverlap } from './names.js';

function l4Provenance(rule: L4RuleModel, match: L4MatchModel | null): Provenance {
  const r = rule.origin.resource;
  return { resource: r.id, ref: { kind: r.kind, namespace: r.namespace, name: r.name }, rule: rule.origin.index, match: match?.index ?? null, path: match?.path ?? rule.origin.path };
}

/** `pickMatchingGatewayHosts`: does the VS serve any host of this server? */
export function vsServesServer(vs: VirtualServiceModel, server: ServerModel): boolean {
  return vs.hosts.some((vh) =>
    server.hosts.some((sh) => {
      const slash = sh.indexOf('/');
      if (slash !== -1 && sh.slice(0, slash) !== vs.resource.namespace) return false;
      return hostsOverlap(slash === -1 ? sh : sh.slice(slash + 1), vh);
    }),
  );
}

/** `l4SingleMatch` at a gateway server. */
export function l4Applies(m: L4MatchModel, server: ServerModel): boolean {
  return (m.port === 0 || m.port === server.portNumber) && (m.gateways.length === 0 || m.gateways.includes(server.gatewayName));
}

export function l4Entry(ctx: ProxyContext, vs: VirtualServiceModel, rule: L4RuleModel, match: L4MatchModel | null, hostname: string, withSource: boolean): RouteEntry {
  const prov = l4Provenance(rule, match);
  const weighted = toWeightedBackends(ctx, rule.route, vs.resource.namespace, () => [], (d) => ({ ...prov, path: d.path }));
  if (weighted.invalidTotal) ctx.sinks.diagnose(vs.resource, 'IstioTotalWeightZero', 'error', 'total destination weight = 0: Istio validation rejects this rule', `${rule.origin.path}.route`);
  // tls.go matchTCP / matchTLS: source labels and namespace hold even beside `gateways` (unlike
  // HTTP's sourceMatchHTTP, where `gateways` replaces them).
  const source = match === null || !withSource ? {} : {
    ...(Object.keys(match.sourceLabels).length > 0 ? { labels: match.sourceLabels } : {}),
    ...(match.sourceNamespace !== '' ? { namespace: match.sourceNamespace } : {}),
  };
  return {
    dialect: 'istio',
    routeKind: 'VirtualService',
    provenance: prov,
    ruleName: null,
    hostname,
    match: {
      ...(Object.keys(source).length > 0 ? { source } : {}),
      ...(match !== null && match.destinationSubnets.length > 0 ? { destinationSubnets: match.destinationSubnets } : {}),
      ...(withSource && match !== null && match.port !== 0 && ctx.listenPort === 0 ? { port: match.port } : {}),
    },
    filters: [],
    action: { kind: 'forward', backends: weighted.backends },
    timeouts: null,
    retries: null,
    fault: null,
    precedence: null,
    notes: weighted.notes,
  };
}

/** SNI filter chains of a PASSTHROUGH server: SNI host → entry. `taken` is shared by the servers of a port. */
export function passthroughChains(ctx: ProxyContext, server: ServerModel, vss: readonly VirtualServiceModel[], taken: Set<string>): Map<string, RouteEntry> {
  const chains = new Map<string, RouteEntry>();
  for (const vs of vss) {
    if (!vsServesServer(vs, server)) continue;
    for (const rule of vs.tls) {
      if (rule.route.length === 0) continue;
      for (const m of rule.match) {
        if (!l4Applies(m, server)) continue;
        const dup = m.sniHosts.filter((h) => taken.has(h));
        if (dup.length > 0) {
          ctx.sinks.diagnose(vs.resource, 'IstioDuplicateSni', 'warning', `SNI ${dup.join(', ')} is already routed on port ${server.portNumber}: Istio skips this match`, m.path);
          continue;
        }
        for (const h of m.sniHosts) {
          taken.add(h);
          chains.set(h, l4Entry(ctx, vs, rule, m, h, false));
        }
      }
    }
  }
  return chains;
}

/** The TCP destination of a TCP server (or a TLS server that terminates), or null. */
export function tcpEntry(ctx: ProxyContext, server: ServerModel, vss: readonly VirtualServiceModel[]): RouteEntry | null {
  for (const vs of vss) {
    if (!vsServesServer(vs, server)) continue;
    for (const rule of vs.tcp) {
      const applies = rule.match.length === 0 ? null : rule.match.find((m) => l4Applies(m, server));
      if (applies === undefined || rule.route.length === 0) continue;
      return l4Entry(ctx, vs, rule, applies, '*', false);
    }
  }
  return null;
}
