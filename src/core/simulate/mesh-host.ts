/**
 * A mesh request whose `Host` header names another host than the one dialled (`GET http://echo-v2/`
 * with `Host: echo-v1`): whose routes apply?
 * - Gateway API (GAMMA): the routes of the Service dialled. A Service parent is matched by the
 *   connection's destination, its ClusterIP (GEP-1294: "apply a particular xRoute's configuration if
 *   the destination ip address for a given connection is the ClusterIP of that parentRef Service";
 *   conformance `MeshFrontendHostname`, feature MeshClusterIPMatching: sent to echo-v2 with
 *   `Host: echo-v1`, echo-v2's route applies); route `hostnames` are not used (GEP-1294 "hostnames
 *   field": SHOULD NOT infer any functionality).
 * - Istio sidecars route HTTP by Host: the outbound listener is chosen by the destination port and
 *   the virtual host by the Host header (istio.md §1.2), so the Host's Service's routes apply —
 *   Istio skips MeshFrontendHostname for that reason (istio/istio#44702, "Sidecars should route HTTP
 *   traffic via IP vs host name"). A Host that names no Service on that port has no virtual host:
 *   the request goes to the address dialled as it is (PassthroughCluster, outboundTrafficPolicy
 *   ALLOW_ANY, Istio's default).
 * Istio's rule is used when a VirtualService routes either host for this client, or when the target's
 * implementation routes by Host (SimulateOptions.target: Istio); else GAMMA's. With a target, the
 * trace names whose rule it is (implementation-notes.ts meshChoice).
 */
import type { MeshRouteSet, MeshService, RouteTable } from '../compile/types.js';
import { meshChoice } from './implementation-notes.js';
import type { RequestView } from './request-view.js';
import type { MeshClient, TraceStep } from './types.js';

export type HostRouting =
  | { readonly use: 'address' }
  | { readonly use: 'host'; readonly svc: MeshService; readonly set: MeshRouteSet | null }
  | { readonly use: 'passthrough' };

/** `ns/name` of the Service a host names (short names resolve in the client's namespace), or null. */
export function serviceKeyOf(table: RouteTable, host: string, client: MeshClient): string | null {
  return table.mesh.hosts.get(host) ?? (host.includes('.') ? null : `${client.namespace}/${host}`);
}

const name = (svc: MeshService): string => `Service ${svc.ref.namespace}/${svc.ref.name}`;

export function hostRouting(
  table: RouteTable,
  v: RequestView,
  client: MeshClient,
  dialled: MeshService,
  dialledSet: MeshRouteSet | null,
  setOf: (svc: MeshService) => MeshRouteSet | null,
  trace: TraceStep[],
): HostRouting {
  const host = v.request.host;
  const key = serviceKeyOf(table, host, client);
  const named = key === null ? undefined : table.mesh.services.get(key);
  if (named === dialled) return { use: 'address' };
  const namedSet = named ? setOf(named) : null;
  const choice = meshChoice(v.target);
  const whose = choice ? ` — ${choice.words}` : '';
  if (dialledSet?.dialect !== 'istio' && namedSet?.dialect !== 'istio' && choice?.rule !== 'host-header') {
    trace.push({ step: 'vhost', ref: `Host ${host}`, result: 'skipped', reason: `the Host header does not choose the routes: those attached to ${name(dialled)}, the Service dialled (by its ClusterIP), apply; Host ${host} is only matched by their rules${whose}` });
    return { use: 'address' };
  }
  const port = v.request.port;
  if (!named || (named.servicePorts && !named.servicePorts.some((p) => p.port === port))) {
    const why = named ? `${name(named)} has no port ${port}` : `${host} names no Service of this design`;
    trace.push({ step: 'vhost', ref: `Host ${host}`, result: 'skipped', reason: `${why}: the sidecar has no virtual host for it and passes the request to the address dialled, ${name(dialled)} (PassthroughCluster; outboundTrafficPolicy ALLOW_ANY)${whose}` });
    return { use: 'passthrough' };
  }
  trace.push({ step: 'vhost', ref: `Host ${host}`, result: 'matched', reason: `Istio sidecars pick the virtual host by the Host header, not by the ClusterIP dialled: the routes of ${name(named)} apply${whose}` });
  return { use: 'host', svc: named, set: namedSet };
}
