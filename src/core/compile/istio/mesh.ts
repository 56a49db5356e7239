/**
 * Istio routes for the mesh (sidecars): VirtualServices bound to `mesh` (istio.md §1.7, §9.7;
 * istio/istio route.go BuildSidecarVirtualHostWrapper, core/httproute.go).
 * - Sidecars do NOT merge VirtualServices: for each service host the first VS (private to the
 *   client's namespace, then exported to it, then public; oldest first) that claims the host wins;
 *   a wildcard host claims a service only if it is the most specific wildcard VS for it. The others
 *   are ignored (IST0109).
 * - Routes are built per service port (a match on another port is not generated), in order, with
 *   no catch-all reordering; `sourceLabels`/`sourceNamespace` stay as conditions on the client.
 * The result: per service host, one `all` route set (the public winner) and `consumer` sets for the
 * namespaces that see a different winner. HTTP routes and `tcp` routes (mesh-tcp.ts) are modelled;
 * `tls` routes of the mesh are not.
 */
import type { MeshPort, MeshRouteSet, MeshService } from '../types.js';
import { buildVhost } from '../vhosts.js';
import type { BaseContext, ProxyContext } from './context.js';
import { buildHttpEntries } from './http-entries.js';
import { meshTcpEntries } from './mesh-tcp.js';
import type { VirtualServiceModel } from './model.js';
import { claimOver, HostClaims } from './host-claims.js';
import { HostOverlapIndex } from './host-overlap-index.js';
import { MESH } from './names.js';
import type { RegistryService } from './registry.js';
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

  /** The VS that claims `hostname` for a client in `namespace` (`forGateway(namespace, mesh)`), or null. */
  claim(hostname: string, namespace: string): VirtualServiceModel | null {
    return claimOver([this.of(this.index.restricted(namespace, MESH)), this.of(this.index.publicFor(MESH))], hostname);
  }

  /** The VS that claims `hostname` among the non-public VSs `namespace` sees, or null. */
  claimRestricted(hostname: string, namespace: string): VirtualServiceModel | null {
    return this.of(this.index.restricted(namespace, MESH)).claim(hostname);
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

function proxyFor(base: BaseContext, svc: RegistryService, port: number): ProxyContext {
  return { ...base, gatewayName: MESH, listenPort: port, isTls: false, proxy: null, configNamespace: svc.ref.namespace };
}

function entriesFor(base: BaseContext, svc: RegistryService, vs: VirtualServiceModel, port: number): ReturnType<typeof buildHttpEntries> {
  return buildHttpEntries(proxyFor(base, svc, port), vs);
}

export function meshServiceFor(base: BaseContext, svc: RegistryService, claims: MeshClaims, aliases: readonly string[]): MeshService | null {
  // A namespace no VirtualService is exported to by name sees only the public ones.
  const publicWinner = claims.claim(svc.hostname, '');
  // Only a namespace that sees a non-public VS for this host can see another winner.
  const consumers = claims
    .candidateNamespaces(svc.hostname)
    .filter((ns) => claims.claimRestricted(svc.hostname, ns) !== null)
    .map((ns) => ({ ns, vs: claims.claim(svc.hostname, ns) }))
    .filter((c): c is { ns: string; vs: VirtualServiceModel } => c.vs !== null && c.vs !== publicWinner);
  if (publicWinner === null && consumers.length === 0) return null;
  const portNumbers: (number | null)[] = svc.ports.length > 0 ? svc.ports.map((p) => p.port) : [null];
  const ports: MeshPort[] = portNumbers.map((port) => {
    const sets: MeshRouteSet[] = [];
    const set = (vs: VirtualServiceModel, scope: MeshRouteSet['scope']): MeshRouteSet => {
      const tcp = meshTcpEntries(proxyFor(base, svc, port ?? 0), vs, port ?? 0);
      return {
        dialect: 'istio',
        scope,
        vhost: buildVhost('*', entriesFor(base, svc, vs, port ?? 0).map((e) => ({ ...e, hostname: svc.hostname })), 'first-match'),
        ...(tcp.length > 0 ? { l4: buildVhost('*', tcp.map((e) => ({ ...e, hostname: svc.hostname })), 'first-match') } : {}),
      };
    };
    for (const c of consumers) sets.push(set(c.vs, { kind: 'consumer', namespace: c.ns }));
    if (publicWinner !== null) sets.push(set(publicWinner, { kind: 'all' }));
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
