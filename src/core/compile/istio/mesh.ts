/**
 * Istio routes for the mesh (sidecars): VirtualServices bound to `mesh` (istio.md §1.7, §9.7;
 * istio/istio route.go BuildSidecarVirtualHostWrapper, core/httproute.go).
 * - Sidecars do NOT merge VirtualServices: for each service host and port, the first VS (private
 *   to the client's namespace, then exported to it, then public; oldest first) that claims the host
 *   AND yields routes for the port and the client wins; a wildcard host claims a service only if it
 *   is the most specific wildcard VS for it (host-claims.ts `claimantsOver`). The others are ignored
 *   (IST0109). A VS yields no routes when every match names another port or another source
 *   (route.go `BuildHTTPRoutesForVirtualService` returns none, `buildSidecarVirtualHostsForVirtualService`
 *   then builds no virtual host); when no claimant yields, the Service's default route applies
 *   (`BuildSidecarVirtualHostWrapper`).
 * - Routes are built per service port (a match on another port is not generated), in order, with
 *   no catch-all reordering; `sourceLabels`/`sourceNamespace` stay as conditions on the client, so
 *   the claimants are kept in order, one route set each, and the simulator takes the first that
 *   yields a route for the client.
 * - `tcp` rules (mesh-tcp.ts), or `tls` rules on a TLS port, are read from every VS whose host matches, in order
 *   (`tcpClaimantsOver`), and sit on the first route set of the scope.
 * The result: per service host, `all` route sets (the public claimants) and `consumer` sets for
 * the namespaces that see other claimants. On a TLS port the `tls` rules take the `tcp` rules'
 * place (mesh-tls.ts).
 */
import type { MeshPort, MeshRouteSet, MeshService } from '../types.js';
import { buildVhost } from '../vhosts.js';
import type { BaseContext, ProxyContext } from './context.js';
import { buildHttpEntries } from './http-entries.js';
import { meshTcpEntries } from './mesh-tcp.js';
import { isTlsPort, meshTlsEntries } from './mesh-tls.js';
import type { VirtualServiceModel } from './model.js';
import { claimantsOver, HostClaims, tcpClaimantsOver } from './host-claims.js';
import { HostOverlapIndex } from './host-overlap-index.js';
import { MESH } from './names.js';
import type { MeshHost } from './assumed-services.js';
import type { VirtualServiceIndex } from './vs-index.js';

/**
 * Which mesh VS claims a host for a client namespace. The lists a client sees (its restricted
 * VSs, then the public ones) are indexed once each and shared by every service host; the public
 * list is not copied per namespace.
 */
export class MeshClaims {
  private readonly byList = new Map<readonly VirtualServiceModel[], HostClaims>();
  /** Hosts of the non-public mesh VSs: only their exportTo namespaces can see another winner. */
  private readonly restrictedHosts = new HostOverlapIndex<VirtualServiceModel>();

  constructor(private readonly index: VirtualServiceIndex) {
    for (const vs of index.nonPublic(MESH)) for (const h of vs.hosts) this.restrictedHosts.add(h, vs);
  }

  /** The VSs a client in `namespace` reads for `hostname`, in order (HTTP and TCP apart); `''` = public only. */
  claimants(hostname: string, namespace: string): Claimants {
    const lists = [this.of(this.index.restricted(namespace, MESH)), this.of(this.index.publicFor(MESH))];
    return { http: claimantsOver(lists, hostname), tcp: tcpClaimantsOver(lists, hostname) };
  }

  private of(vss: readonly VirtualServiceModel[]): HostClaims {
    let claims = this.byList.get(vss);
    if (!claims) this.byList.set(vss, (claims = new HostClaims(vss)));
    return claims;
  }

  /**
   * The namespaces, sorted, whose non-public VSs could claim `hostname` (a claim needs the host
   * or an overlapping wildcard): every other namespace sees only the public winner.
   */
  candidateNamespaces(hostname: string): string[] {
    const out = new Set<string>();
    for (const { value } of this.restrictedHosts.overlapping(hostname)) for (const ns of value.exportTo) out.add(ns);
    return [...out].sort();
  }
}

/** The VSs of one client list that could route a host: HTTP claimants, and VSs whose `tcp` rules apply. */
interface Claimants {
  readonly http: readonly VirtualServiceModel[];
  readonly tcp: readonly VirtualServiceModel[];
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function proxyFor(base: BaseContext, svc: MeshHost, port: number): ProxyContext {
  return { ...base, gatewayName: MESH, listenPort: port, isTls: false, proxy: null, configNamespace: svc.ref.namespace };
}

function entriesFor(base: BaseContext, svc: MeshHost, vs: VirtualServiceModel, port: number): ReturnType<typeof buildHttpEntries> {
  return buildHttpEntries(proxyFor(base, svc, port), vs);
}

/**
 * One route set per HTTP claimant, in order; the L4 routes of every TCP claimant on the first:
 * `tls` rules on a TLS port, `tcp` rules on any other (mesh-tls.ts).
 */
function setsFor(base: BaseContext, svc: MeshHost, c: Claimants, port: number, scope: MeshRouteSet['scope']): MeshRouteSet[] {
  const named = <T extends { hostname: string }>(entries: readonly T[]): T[] => entries.map((e) => ({ ...e, hostname: svc.hostname }));
  const tlsPort = isTlsPort(svc.ports.find((p) => p.port === port));
  const tcp = c.tcp.flatMap((vs) => (tlsPort ? meshTlsEntries : meshTcpEntries)(proxyFor(base, svc, port), vs, port));
  const l4 = tcp.length > 0 ? { l4: buildVhost('*', named(tcp), 'first-match') } : {};
  const sets = c.http.map((vs, i): MeshRouteSet => ({ dialect: 'istio', scope, vhost: buildVhost('*', named(entriesFor(base, svc, vs, port)), 'first-match'), ...(i === 0 ? l4 : {}) }));
  if (sets.length === 0 && tcp.length > 0) sets.push({ dialect: 'istio', scope, vhost: buildVhost('*', [], 'first-match'), ...l4 });
  return sets;
}

export function meshServiceFor(base: BaseContext, svc: MeshHost, claims: MeshClaims, aliases: readonly string[]): MeshService | null {
  // A namespace no VirtualService is exported to by name sees only the public ones.
  const pub = claims.claimants(svc.hostname, '');
  // Only a namespace that sees a non-public VS for this host can see other claimants.
  const consumers = claims
    .candidateNamespaces(svc.hostname)
    .map((ns) => ({ ns, c: claims.claimants(svc.hostname, ns) }))
    .filter(({ c }) => !sameList(c.http, pub.http) || !sameList(c.tcp, pub.tcp));
  if (pub.http.length + pub.tcp.length === 0 && consumers.length === 0) return null;
  const portNumbers: (number | null)[] = svc.ports.length > 0 ? svc.ports.map((p) => p.port) : [null];
  const ports: MeshPort[] = portNumbers.map((port) => {
    const sets = [
      ...consumers.flatMap(({ ns, c }) => setsFor(base, svc, c, port ?? 0, { kind: 'consumer', namespace: ns })),
      ...setsFor(base, svc, pub, port ?? 0, { kind: 'all' }),
    ];
    return { port, name: svc.ports.find((p) => p.port === port)?.name ?? null, routeSets: sets };
  });
  return {
    ref: svc.ref,
    hosts: aliases,
    servicePorts: svc.ports.length > 0 ? svc.ports.map((p) => ({ port: p.port, name: p.name })) : null,
    ports,
    rejected: [],
  };
}
