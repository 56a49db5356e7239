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
 * namespaces that see a different winner. Only HTTP routes are modelled for the mesh.
 */
import type { MeshPort, MeshRouteSet, MeshService } from '../types.js';
import { buildVhost } from '../vhosts.js';
import type { BaseContext, ProxyContext } from './context.js';
import { buildHttpEntries } from './http-entries.js';
import type { VirtualServiceModel } from './model.js';
import { hostsOverlap, MESH } from './names.js';
import type { RegistryService } from './registry.js';
import type { VirtualServiceIndex } from './vs-index.js';

/** The VS that claims `hostname` among `vss` (already in the client's order), or null. */
export function claimingVirtualService(hostname: string, vss: readonly VirtualServiceModel[]): VirtualServiceModel | null {
  const wildcards = vss.flatMap((vs) => vs.hosts.filter((h) => h.startsWith('*') && hostsOverlap(h, hostname)).map((h) => ({ vs, h })));
  const best = wildcards.reduce<{ vs: VirtualServiceModel; h: string } | null>((a, b) => (a === null || b.h.length > a.h.length ? b : a), null);
  return vss.find((vs) => vs.hosts.includes(hostname) || vs === best?.vs) ?? null;
}

function entriesFor(base: BaseContext, svc: RegistryService, vs: VirtualServiceModel, port: number): ReturnType<typeof buildHttpEntries> {
  const ctx: ProxyContext = { ...base, gatewayName: MESH, listenPort: port, isTls: false, proxy: null, configNamespace: svc.ref.namespace };
  return buildHttpEntries(ctx, vs);
}

export function meshServiceFor(base: BaseContext, svc: RegistryService, index: VirtualServiceIndex, aliases: readonly string[]): MeshService | null {
  // A namespace no VirtualService is exported to by name sees only the public ones.
  const publicWinner = claimingVirtualService(svc.hostname, index.forGateway('', MESH));
  const namespaces = new Set(index.roots.flatMap((vs) => [...vs.exportTo].filter((n) => n !== '*')));
  // Only a namespace that sees a non-public VS for this host can see another winner.
  const consumers = [...namespaces]
    .sort()
    .filter((ns) => claimingVirtualService(svc.hostname, index.restricted(ns, MESH)) !== null)
    .map((ns) => ({ ns, vs: claimingVirtualService(svc.hostname, index.forGateway(ns, MESH)) }))
    .filter((c): c is { ns: string; vs: VirtualServiceModel } => c.vs !== null && c.vs !== publicWinner);
  if (publicWinner === null && consumers.length === 0) return null;
  const portNumbers: (number | null)[] = svc.ports.length > 0 ? svc.ports.map((p) => p.port) : [null];
  const ports: MeshPort[] = portNumbers.map((port) => {
    const sets: MeshRouteSet[] = [];
    const set = (vs: VirtualServiceModel, scope: MeshRouteSet['scope']): MeshRouteSet => ({
      dialect: 'istio',
      scope,
      vhost: buildVhost('*', entriesFor(base, svc, vs, port ?? 0).map((e) => ({ ...e, hostname: svc.hostname })), 'first-match'),
    });
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
