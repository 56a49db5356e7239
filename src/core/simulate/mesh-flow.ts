/**
 * A request inside the mesh (gateway-api.md §3.5): from a workload to the Service named by the
 * host (short names resolve in the client's namespace). Consumer routes in the client's namespace
 * win; otherwise producer routes; with no route at all the request goes straight to the Service.
 * Once routes exist, a request no rule matches is rejected (404) — but an Istio connection no `tcp`
 * rule takes goes to the Service (tls.go buildSidecarOutboundTCPFilterChainOpts). The Service is
 * the one dialled (the URL's host); a different Host header chooses routes only where the dialect
 * does (mesh-host.ts). Istio TLS and TCP connections: mesh-l4.ts.
 */
import type { MeshPort, MeshRouteSet, MeshService, RouteTable, SourceMatch } from '../compile/types.js';
import { hostRouting, serviceKeyOf } from './mesh-host.js';
import { walkIstioL4 } from './mesh-l4.js';
import { applyEntry } from './apply-entry.js';
import { newState, noRoute, uniqueNotes } from './decision.js';
import { backendNotes } from './backend-notes.js';
import { statusesFor } from './outcomes.js';
import type { RequestView } from './request-view.js';
import type { Decision, ForwardedRequest, MeshClient, SimulateOptions } from './types.js';
import { walkVhost } from './walk-vhost.js';

export function simulateInMesh(table: RouteTable, v: RequestView, client: MeshClient, options: SimulateOptions): Decision {
  const r = v.request;
  const s = statusesFor(r.protocol);
  const state = newState();
  // The Service dialled is the URL's host; a Host header naming another only matters for routes (mesh-host.ts).
  const dest = r.address ?? r.host;
  const key = serviceKeyOf(table, dest, client);
  const svc = key === null ? undefined : table.mesh.services.get(key);
  if (!svc) {
    const what = key === null ? `host ${dest}` : `Service ${key}`;
    state.trace.push({ step: 'service', ref: what, result: 'skipped', reason: `${what} is not in this design` });
    if (table.assumeExternal && key !== null) return direct(state, key, v, s.ok, true);
    state.notes.push({ code: 'NotInDesign', message: `${what} is not in this design` });
    return noRoute(state, 503, `${what} is not in this design`);
  }
  const at = { ...state, dialect: 'gateway-api' as const, gateway: svc.ref };
  at.trace.push({ step: 'service', ref: `Service ${svc.ref.namespace}/${svc.ref.name}`, result: 'matched', reason: r.address === undefined ? `the request is addressed to ${r.host}` : `the request is sent to ${dest}, the Service's ClusterIP, with Host: ${r.host}` });
  if (svc.servicePorts && !svc.servicePorts.some((p) => p.port === r.port)) {
    return noRoute({ ...at, listener: String(r.port) }, 503, `Service ${svc.ref.namespace}/${svc.ref.name} has no port ${r.port}`);
  }
  const port = pickPort(svc, r.port);
  const listener = port?.name ?? svc.servicePorts?.find((p) => p.port === r.port)?.name ?? String(r.port);
  const here = { ...at, listener };
  for (const rej of svc.rejected) here.trace.push({ step: 'route', ref: `${rej.route.kind} ${rej.route.namespace}/${rej.route.name}`, result: 'skipped', reason: `route ${rej.route.name}: not attached — ${rej.message}` });
  const l4 = r.protocol === 'tcp' || r.protocol === 'tls' || r.protocol === 'udp';
  const setOf = (m: MeshService): MeshRouteSet | null => {
    const p = pickPort(m, r.port);
    return p ? pickSet(p.routeSets, client, l4) : null;
  };
  const dialledSet = setOf(svc);
  const via = r.address === undefined || l4 ? null : hostRouting(table, v, client, svc, dialledSet, setOf, here.trace);
  if (via?.use === 'passthrough') return direct(here, `${svc.ref.namespace}/${svc.ref.name}`, v, s.ok, false);
  const routed = via?.use === 'host' ? via.svc : svc;
  const set = via?.use === 'host' ? via.set : dialledSet;
  if (!set) {
    const routedPort = pickPort(routed, r.port);
    const why = (routedPort?.routeSets.length ?? 0) > 0 ? 'no route attached to this Service port applies to this client and kind of traffic' : 'no route is attached to this Service port';
    here.trace.push({ step: 'route', ref: `Service ${routed.ref.namespace}/${routed.ref.name}`, result: 'skipped', reason: `${why}: traffic flows as if there were no mesh routes` });
    return direct(here, `${routed.ref.namespace}/${routed.ref.name}`, v, s.ok, false);
  }
  here.trace.push({ step: 'vhost', ref: set.scope.kind === 'consumer' ? `consumer routes in ${set.scope.namespace}` : set.scope.kind === 'producer' ? 'producer routes' : 'mesh routes', result: 'matched', reason: set.scope.kind === 'consumer' ? `the client is in ${set.scope.namespace}: its consumer routes replace the producer routes` : 'routes of the Service' });
  const istioL4 = l4 && set.l4 && set.dialect === 'istio' ? walkIstioL4(set.l4, v, options.traceAll, here.trace, here.notes) : null;
  const entry = istioL4 ? istioL4.entry : walkVhost(l4 && set.l4 ? set.l4 : set.vhost, v, options.traceAll, here.trace, here.notes);
  if (istioL4?.closes) {
    const why = `no filter chain of Service ${svc.ref.namespace}/${svc.ref.name} port ${r.port} takes this connection${r.sni === null ? ' (it sends no SNI)' : ` (SNI ${r.sni})`}: the sidecar closes it`;
    here.trace.push({ step: 'route', ref: `Service ${svc.ref.namespace}/${svc.ref.name}`, result: 'skipped', reason: why });
    return noRoute({ ...here, dialect: 'istio' }, s.noMatch, why);
  }
  if (!entry && l4 && set.dialect === 'istio') {
    // tls.go buildSidecarOutboundTCPFilterChainOpts: no tcp rule applies → the Service's default route.
    here.trace.push({ step: 'route', ref: `Service ${svc.ref.namespace}/${svc.ref.name}`, result: 'matched', reason: 'no tcp rule applies to this connection: the Service\'s default route takes it' });
    return direct(here, `${svc.ref.namespace}/${svc.ref.name}`, v, s.ok, false);
  }
  if (!entry) return noRoute({ ...here, dialect: set.dialect }, s.noMatch, 'routes are attached to this Service but no rule matches the request');
  const part = applyEntry(entry, v, r.port, s, here.notes, options.backend);
  // Notes about the Service addressed (e.g. assumed present) as well as about the backends.
  return { ...part, dialect: entry.dialect, gateway: svc.ref, listener, trace: here.trace, notes: uniqueNotes([...part.notes, ...backendNotes(table, [svc.ref, ...part.backends])]) };
}

function pickPort(svc: MeshService, port: number): MeshPort | undefined {
  return svc.ports.find((p) => p.port === port) ?? svc.ports.find((p) => p.port === null);
}

/**
 * Does a route set carry this kind of traffic for this client? Connections (TCP, TLS) take only L4
 * routes, requests only HTTP (and gRPC) routes; a set with none of the kind is as if no route were
 * attached for it. An Istio set carries requests only if one of its routes is generated for the
 * client: istiod drops a route whose `sourceLabels` / `sourceNamespace` do not select the client's
 * proxy (route.go `TranslateRoute`, `sourceMatchHTTP`), and a VirtualService left with no route
 * builds no virtual host (`buildSidecarVirtualHostsForVirtualService`) — the next claimant, else the
 * Service's default route, takes the host (`BuildSidecarVirtualHostWrapper`).
 */
function carries(set: MeshRouteSet, l4: boolean, client: MeshClient): boolean {
  if (l4) return (set.l4?.entries.length ?? 0) > 0;
  if (set.dialect !== 'istio') return set.vhost.entries.length > 0;
  return set.vhost.entries.some((e) => sourceHolds(e.match.source, client));
}

function sourceHolds(source: SourceMatch | undefined, client: MeshClient): boolean {
  if (!source) return true;
  if (source.namespace !== undefined && source.namespace !== client.namespace) return false;
  return Object.entries(source.labels ?? {}).every(([k, v]) => client.labels[k] === v);
}

/**
 * GEP-1294: consumer routes in the client's namespace, else producer routes. Istio: the sets of
 * the client's namespace, else the public (`all`) ones, are its claimants in order: the first that
 * carries the traffic wins, and none means the Service itself.
 */
function pickSet(sets: readonly MeshRouteSet[], client: MeshClient, l4: boolean): MeshRouteSet | null {
  const yields = (x: MeshRouteSet): boolean => carries(x, l4, client);
  const mine = (x: MeshRouteSet): boolean => x.scope.kind === 'consumer' && x.scope.namespace === client.namespace;
  const consumer = sets.find((x) => x.dialect === 'gateway-api' && mine(x) && yields(x));
  if (consumer) return consumer;
  const istio = sets.filter((x) => x.dialect === 'istio' && mine(x));
  if (istio.length > 0) return istio.find(yields) ?? null;
  return sets.find((x) => x.scope.kind === 'producer' && yields(x)) ?? sets.find((x) => x.scope.kind === 'all' && yields(x)) ?? null;
}

function direct(state: ReturnType<typeof newState>, key: string, v: RequestView, ok: number | string, assumed: boolean): Decision {
  const port = v.request.port;
  const [namespace = '', name = ''] = key.split('/');
  const ref = { kind: 'Service', namespace, name };
  if (assumed) state.notes.push({ code: 'AssumedExternal', message: `Service ${key} is not in this design; assumed present` });
  const d = noRoute(state, ok, `sent straight to Service ${key}`);
  return {
    ...d,
    outcomes: [{ probability: 1, status: ok }],
    gateway: d.gateway ?? ref,
    backends: [{ kind: 'Service', namespace, name, port, subset: null, weight: 1, probability: 1 }],
    request: v.request.protocol === 'http' || v.request.protocol === 'grpc' ? forwarded(v) : null,
  };
}

function forwarded(v: RequestView): ForwardedRequest {
  const headers = [...v.headers].filter(([k]) => k !== 'host').sort(([a], [b]) => (a < b ? -1 : 1));
  return { method: v.request.method, scheme: v.request.scheme, host: v.request.host, path: v.request.path, headers: Object.fromEntries(headers) };
}
