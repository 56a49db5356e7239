/**
 * The HTTP route table of a gateway route config: the servers sharing it (all plaintext HTTP
 * servers of a port, or one HTTPS server) → virtual hosts (istio.md §1.7, §2; istio/istio
 * pilot/pkg/networking/core/gateway.go buildGatewayHTTPRouteConfig).
 * - For each server, each VirtualService bound to its Gateway and visible to the proxy (in
 *   VirtualServicesForGateway order) contributes its routes to every host in the intersection of
 *   the server's hosts (those allowed for the VS namespace) and the VS hosts — the more specific
 *   side of each pair. Several VSs for one host are APPENDED, no specificity sort.
 * - Then catch-all routes move to the end of each vhost, keeping their order (SortVHostRoutes).
 * - Hostname selects exactly one vhost (exact, then longest wildcard, then `*`): no fallback.
 * - `httpsRedirect` makes the server's vhosts answer 301 to https before any route.
 * - No vhost at all: one `*` vhost without routes (every request 404).
 */
import type { HostIndex, RouteEntry, VirtualHost } from '../types.js';
import { buildVhost } from '../vhosts.js';
import type { BaseContext, ProxyContext } from './context.js';
import { buildHttpEntries } from './http-entries.js';
import { isCatchAll } from './http-match.js';
import type { ServerModel } from './model.js';
import { intersectHosts, namesForNamespace } from './names.js';
import type { VirtualServiceIndex } from './vs-index.js';

export interface GatewayProxy {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The 301-to-https answer of an `httpsRedirect` server, as the first entry of its vhosts. */
function httpsRedirectEntry(server: ServerModel, domain: string): RouteEntry {
  const g = server.gateway;
  return {
    dialect: 'istio',
    routeKind: 'Gateway',
    provenance: { resource: g.id, ref: { kind: g.kind, namespace: g.namespace, name: g.name }, rule: null, match: null, path: `${server.path}.tls.httpsRedirect` },
    ruleName: 'httpsRedirect',
    hostname: domain,
    match: {},
    filters: [],
    action: { kind: 'redirect', scheme: 'https', hostname: null, port: null, portPolicy: 'FromProtocolDefault', path: null, statusCode: 301 },
    timeouts: null,
    retries: null,
    fault: null,
    precedence: null,
    notes: [
      { code: 'Info', message: `server ${server.path} of Gateway ${g.namespace}/${g.name} has tls.httpsRedirect: every plaintext request answers 301 to https` },
      { code: 'Simplified', message: 'Envoy keeps the Host header as sent in the https Location (a :port the client sent stays); shown without port' },
    ],
  };
}

export function proxyContextFor(base: BaseContext, server: ServerModel, proxy: GatewayProxy): ProxyContext {
  return { ...base, gatewayName: server.gatewayName, listenPort: server.portNumber, isTls: server.tlsMode !== null, proxy, configNamespace: proxy.namespace };
}

/** SortVHostRoutes: catch-alls to the end, relative order kept. */
export function sortVhostRoutes(entries: readonly RouteEntry[]): RouteEntry[] {
  return [...entries.filter((e) => !isCatchAll(e.match)), ...entries.filter((e) => isCatchAll(e.match))];
}

export function buildHttpRouteConfig(
  base: BaseContext,
  servers: readonly ServerModel[],
  index: VirtualServiceIndex,
  proxy: GatewayProxy,
): HostIndex {
  const vhosts = new Map<string, { entries: RouteEntry[]; redirect: ServerModel | null }>();
  const cache = new Map<string, RouteEntry[]>();
  const vhost = (domain: string): { entries: RouteEntry[]; redirect: ServerModel | null } => {
    let v = vhosts.get(domain);
    if (!v) vhosts.set(domain, (v = { entries: [], redirect: null }));
    return v;
  };
  for (const server of servers) {
    const ctx = proxyContextFor(base, server, proxy);
    for (const vs of index.forServer(proxy.namespace, server)) {
      const hosts = intersectHosts(namesForNamespace(server.hosts, vs.resource.namespace), vs.hosts);
      if (hosts.length === 0) continue;
      const key = `${server.gatewayName}\u0000${vs.resource.id}`;
      let entries = cache.get(key);
      if (!entries) cache.set(key, (entries = buildHttpEntries(ctx, vs)));
      for (const h of hosts) {
        const v = vhost(h);
        for (const e of entries) v.entries.push({ ...e, hostname: h });
        if (server.httpsRedirect) v.redirect = server;
      }
    }
    if (server.httpsRedirect) {
      for (const h of server.hosts) if (!h.includes('/')) vhost(h).redirect = server;
    }
  }
  return toHostIndex(vhosts);
}

function toHostIndex(vhosts: ReadonlyMap<string, { entries: RouteEntry[]; redirect: ServerModel | null }>): HostIndex {
  const exact = new Map<string, VirtualHost>();
  const wildcard = new Map<string, VirtualHost>();
  let any: VirtualHost | null = null;
  for (const [domain, v] of vhosts) {
    const sorted = sortVhostRoutes(v.entries);
    const entries = v.redirect === null ? sorted : [httpsRedirectEntry(v.redirect, domain), ...sorted];
    const built = buildVhost(domain, entries, 'first-match');
    if (domain === '*') any = built;
    else if (domain.startsWith('*.')) wildcard.set(domain.slice(1), built);
    else exact.set(domain, built);
  }
  if (vhosts.size === 0) any = buildVhost('*', [], 'first-match');
  return { exact, wildcard, any };
}
