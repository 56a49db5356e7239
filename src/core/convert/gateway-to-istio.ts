import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { Design, fqdn, hostOfService } from './design.js';
import { attachments, type Attachment, type IstioListener } from './gw-attach.js';
import type { GwCtx } from './gw-context.js';
import { convertGateway } from './gw-gateway.js';
import { compareAge, istioHttp, routeEntries, sortEntries, type HttpEntry } from './gw-http.js';
import { isolationVirtualServices } from './gw-isolation.js';
import { l4Body, l4Destinations } from './gw-l4.js';
import { meshTlsRules } from './gw-mesh-tls.js';
import { covers, hostnameRank } from './hosts.js';
import { compareStrings, slug, uniqueLabel } from './names.js';
import type { Report } from './report.js';
import type { ConvertOptions } from './types.js';

const VS_API = `${ISTIO_GROUP}/v1`;

/**
 * Gateway API → Istio, the mapping istiod performs internally (istio.md §4) written as objects a
 * team would commit: one Istio Gateway per listener (`<gateway>-<listener>`), one VirtualService per
 * route (named after it), routes in Gateway API precedence order. Where several routes serve one
 * host on one listener (or a wildcard route would catch what a specific one leaves), Istio would
 * consult only one of them: they are merged into one VirtualService for that host, and a note says
 * so. Istio, core and other objects pass through. `sources` receives each object's source resource.
 */
export function gatewayToIstio(resources: readonly Resource[], options: ConvertOptions, report: Report, sources?: Map<KubeObject, Resource>): KubeObject[] {
  const design = new Design(resources);
  const ctx: GwCtx = { design, report, assumeExternal: options.assumeExternal === true };
  const slots = new Map<Resource, KubeObject[]>();
  const listeners = new Map<string, IstioListener[]>();
  const taken = new Set(resources.filter((r) => r.family === 'istio').map((r) => `${r.kind}/${r.namespace}/${r.name}`));
  const take = (ns: string, base: string): string => {
    let name = base;
    for (let i = 2; taken.has(`VirtualService/${ns}/${name}`); i++) name = `${base}-${i}`;
    taken.add(`VirtualService/${ns}/${name}`);
    return name;
  };
  const gatewayName = (ns: string, base: string): string => {
    const name = uniqueLabel(base, (n) => taken.has(`Gateway/${ns}/${n}`));
    taken.add(`Gateway/${ns}/${name}`);
    return name;
  };
  for (const r of resources) {
    if (r.group !== GATEWAY_GROUP) continue;
    if (r.kind === 'Gateway') {
      const { objects, listeners: ls } = convertGateway(r, design, report, gatewayName);
      listeners.set(`${r.namespace}/${r.name}`, ls);
      slots.set(r, objects);
    } else if (['GatewayClass', 'ReferenceGrant'].includes(r.kind)) {
      report.note('DroppedGatewayObject', r, [], `${r.kind} has no Istio form; the conversion took it into account and leaves it out`);
      slots.set(r, []);
    } else if (!['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'].includes(r.kind)) {
      report.lose('UnsupportedKind', r, [], `${r.kind} has no Istio form; it is left out`);
      slots.set(r, []);
    }
  }
  const routes = resources.filter((r) => r.group === GATEWAY_GROUP && ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'].includes(r.kind));
  const att = new Map(routes.map((r) => [r, attachments(r, listeners, design, report)]));
  const gwName = (a: Attachment, vsNs: string): string => {
    const full = a.kind === 'listener' ? a.listener.istioGateway : a.kind === 'external' ? a.gateway : 'mesh';
    return full.startsWith(`${vsNs}/`) ? full.slice(vsNs.length + 1) : full;
  };
  const http = routes.filter((r) => r.kind === 'HTTPRoute' || r.kind === 'GRPCRoute');
  // A route whose rules all land in VirtualServices named after other routes (or that serves nowhere) leaves nothing in its place.
  for (const r of http) slots.set(r, []);
  for (const r of http) if (r.kind === 'GRPCRoute' && (att.get(r) ?? []).length > 0) reportPlainHttp(r, report);
  for (const [r, vs] of httpVirtualServices(http, att, gwName, take, ctx)) slots.set(r, [...(slots.get(r) ?? []), ...vs]);
  for (const [gw, vss] of isolationVirtualServices(listeners, att, take, report)) slots.set(gw, [...(slots.get(gw) ?? []), ...vss]);
  const l4Dest = new Map<Resource, KubeObject[]>();
  const destOf = (r: Resource): KubeObject[] => l4Dest.get(r) ?? (l4Dest.set(r, l4Destinations(r, ctx)).get(r) as KubeObject[]);
  const tcpSeen = new Map<string, Resource>();
  const sniTaken = new Map<string, Set<string>>();
  for (const r of routes.filter((x) => x.kind === 'TLSRoute' || x.kind === 'TCPRoute').sort(byAge)) {
    // The oldest TCPRoute of a listener takes every connection (gateway-api.md §8); Istio would take
    // the first VirtualService by its own order, so the later routes leave that listener out.
    const a = (att.get(r) ?? []).filter((x) => {
      if (r.kind !== 'TCPRoute' || x.kind !== 'listener') return true;
      const first = tcpSeen.get(x.listener.istioGateway);
      if (!first) return tcpSeen.set(x.listener.istioGateway, r) !== undefined;
      report.note('UnreachableRuleDropped', r, ['spec', 'parentRefs', x.parentIndex], `the listener already serves TCPRoute ${first.namespace}/${first.name}, which is older (or first by namespace/name) and takes every connection: this parent is left out`);
      return false;
    });
    const body = l4Body(r, a, (x) => gwName(x, r.namespace), () => destOf(r));
    if (!body) {
      slots.set(r, []);
      continue;
    }
    if (body.tls !== undefined && !claimSni(r, body, sniTaken, report)) {
      slots.set(r, []);
      continue;
    }
    const name = take(r.namespace, r.name);
    const list = body.tls !== undefined ? 'tls' : 'tcp';
    report.origin({ kind: 'VirtualService', namespace: r.namespace, name }, ['spec', list, 0], r, ['spec', 'rules', 0]);
    slots.set(r, [vsObject(name, r.namespace, body)]);
  }
  for (const [r, vs] of meshVirtualServices(routes, att, take, destOf, ctx)) slots.set(r, [...(slots.get(r) ?? []), ...vs]);
  const items: KubeObject[] = [];
  for (const r of resources) {
    for (const o of slots.get(r) ?? [r.object]) {
      items.push(o);
      sources?.set(o, r);
    }
  }
  return items;
}

type Scoped = { route: Resource; host: string; att: Attachment };

/** HTTPRoutes and GRPCRoutes → VirtualServices, keyed by the route whose place in the output they take. */
function httpVirtualServices(routes: Resource[], att: Map<Resource, Attachment[]>, gwName: (a: Attachment, ns: string) => string, take: (ns: string, base: string) => string, ctx: GwCtx): Map<Resource, KubeObject[]> {
  const out = new Map<Resource, KubeObject[]>();
  const push = (r: Resource, o: KubeObject): void => {
    const l = out.get(r);
    if (l) l.push(o);
    else out.set(r, [o]);
  };
  // Gateway scopes: listener (Istio Gateway) → host → contributions.
  const scopes = new Map<string, Scoped[]>();
  for (const r of routes) {
    for (const a of att.get(r) ?? []) {
      if (a.kind === 'mesh') continue;
      const scope = a.kind === 'listener' ? a.listener.istioGateway : a.gateway;
      let list = scopes.get(scope);
      if (!list) scopes.set(scope, (list = []));
      for (const host of a.hosts) list.push({ route: r, host, att: a });
    }
  }
  const merged = new Set<string>(); // `${scope}|${route ns/name/kind}|${host}` served by a merged VirtualService
  const mergedVs: { scope: string; host: string; members: Scoped[] }[] = [];
  for (const [scope, list] of [...scopes.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const byHost = new Map<string, Scoped[]>();
    for (const s of list) {
      const l = byHost.get(s.host);
      if (l) l.push(s);
      else byHost.set(s.host, [s]);
    }
    const wild = list.filter((s) => s.host === '*' || s.host.startsWith('*.'));
    for (const d of [...byHost.keys()].sort()) {
      const members = [...(byHost.get(d) ?? []), ...wild.filter((s) => s.host !== d && covers(s.host, d))];
      const distinct = new Set(members.map((m) => m.route));
      if (distinct.size < 2) continue;
      mergedVs.push({ scope, host: d, members });
      for (const m of members) if (m.host === d) merged.add(`${scope}|${m.route.id}|${d}`);
    }
  }
  const domainScopes = new Map<string, number>();
  for (const m of mergedVs) domainScopes.set(m.host, (domainScopes.get(m.host) ?? 0) + 1);
  for (const m of mergedVs) {
    const routesIn = [...new Set(m.members.map((x) => x.route))].sort(byAge);
    const home = routesIn[0] as Resource;
    const ns = home.namespace;
    const entries: HttpEntry[] = [];
    for (const r of routesIn) {
      const own = m.members.filter((x) => x.route === r).map((x) => x.host).sort((a, b) => hostnameRank(b)[0] - hostnameRank(a)[0] || hostnameRank(b)[1] - hostnameRank(a)[1]);
      entries.push(...routeEntries(r, own[0] as string, ns, undefined, ctx));
    }
    const listenerName = m.scope.slice(m.scope.indexOf('/') + 1);
    const name = take(ns, (domainScopes.get(m.host) ?? 0) > 1 ? `${slug(m.host, 40)}-${slug(listenerName, 40)}` : slug(m.host));
    const attachment = (m.members[0] as Scoped).att;
    push(home, vsObject(name, ns, { hosts: [m.host], gateways: [gwName(attachment, ns)], http: httpOf(name, ns, sortEntries(entries), ctx) }));
    for (const r of routesIn) ctx.report.note('RoutesMerged', r, ['spec', 'hostnames'], `Istio consults one VirtualService per host: the rules of ${routesIn.map((x) => `${x.kind} ${x.namespace}/${x.name}`).join(', ')} for ${m.host} are merged, in Gateway API precedence order, into VirtualService ${ns}/${name}`);
  }
  for (const r of routes) {
    // Per-route VirtualServices: group the route's listeners by the (unmerged) hosts they serve.
    const groups = new Map<string, { hosts: string[]; gateways: string[]; first: Attachment }>();
    for (const a of att.get(r) ?? []) {
      if (a.kind === 'mesh') continue;
      const scope = a.kind === 'listener' ? a.listener.istioGateway : a.gateway;
      const hosts = a.hosts.filter((h) => !merged.has(`${scope}|${r.id}|${h}`)).sort();
      if (hosts.length === 0) continue;
      const k = JSON.stringify(hosts);
      const g = groups.get(k) ?? { hosts, gateways: [], first: a };
      g.gateways.push(gwName(a, r.namespace));
      groups.set(k, g);
    }
    const many = groups.size > 1;
    for (const g of groups.values()) {
      const entries = sortEntries(g.hosts.flatMap((h, i) => (i === 0 ? routeEntries(r, h, r.namespace, undefined, ctx) : [])));
      const suffix = many ? `-${slug(g.first.kind === 'listener' ? g.first.listener.name : 'external', 30)}` : '';
      const name = take(r.namespace, `${r.name}${suffix}`);
      push(r, vsObject(name, r.namespace, { hosts: g.hosts, gateways: [...new Set(g.gateways)].sort(), http: httpOf(name, r.namespace, entries, ctx) }));
    }
  }
  return out;
}

/**
 * GAMMA routes → mesh VirtualServices: producer routes for every client, consumer routes kept to
 * their namespace (`exportTo: ["."]`). Sidecars use one VirtualService per host (istio.md §1.7), so
 * every route of a Service (in one namespace) lands in one, ports and kinds all: a route limited to
 * a Service port gets a `port` condition on each match, GAMMA precedence orders the HTTP and gRPC
 * rules (gateway-api.md §3.5: the routes of a port are the ones limited to it plus the unlimited
 * ones), TLSRoutes become `tls` rules for the Service's FQDN as SNI (gw-mesh-tls.ts), and TCPRoutes become `tcp` rules, oldest first (then namespace/name: the first applicable
 * one takes a connection, gateway-api.md §8).
 */
function meshVirtualServices(routes: Resource[], att: Map<Resource, Attachment[]>, take: (ns: string, base: string) => string, dest: (r: Resource) => KubeObject[], ctx: GwCtx): Map<Resource, KubeObject[]> {
  const out = new Map<Resource, KubeObject[]>();
  const groups = new Map<string, { ns: string; consumer: boolean; svc: { namespace: string; name: string }; members: { route: Resource; port: number | undefined }[] }>();
  for (const r of routes) {
    for (const a of att.get(r) ?? []) {
      if (a.kind !== 'mesh') continue;
      const consumer = r.namespace !== a.service.namespace;
      const key = `${r.namespace}|${consumer}|${a.service.namespace}/${a.service.name}`;
      const g = groups.get(key) ?? { ns: r.namespace, consumer, svc: a.service, members: [] };
      if (!g.members.some((m) => m.route === r && m.port === a.port)) g.members.push({ route: r, port: a.port });
      groups.set(key, g);
    }
  }
  for (const g of [...groups.values()]) {
    const members = [...new Set(g.members.map((m) => m.route))].sort(byAge);
    const home = members[0] as Resource;
    const tlsMembers = g.members.filter((m) => m.route.kind === 'TLSRoute').sort((a, b) => byAge(a.route, b.route) || (a.port ?? 0) - (b.port ?? 0));
    // `tls` rules need their SNI within the hosts, compared literally: the FQDN (gw-mesh-tls.ts).
    const host = tlsMembers.length > 0 ? fqdn(g.svc) : hostOfService(g.svc, g.ns);
    const name = take(g.ns, members.length > 1 ? g.svc.name : home.name);
    const httpMembers = g.members.filter((m) => m.route.kind !== 'TCPRoute' && m.route.kind !== 'TLSRoute');
    const tcpMembers = g.members.filter((m) => m.route.kind === 'TCPRoute').sort((a, b) => byAge(a.route, b.route) || (a.port ?? 0) - (b.port ?? 0));
    const http = httpMembers.length > 0 ? httpOf(name, g.ns, sortEntries(httpMembers.flatMap((m) => routeEntries(m.route, '*', g.ns, m.port, ctx))), ctx) : [];
    const tcp = tcpMembers.map((m, i) => {
      ctx.report.origin({ kind: 'VirtualService', namespace: g.ns, name }, ['spec', 'tcp', i], m.route, ['spec', 'rules', 0]);
      return { ...(m.port !== undefined ? { match: [{ port: m.port }] } : {}), route: dest(m.route) };
    });
    const tls = meshTlsRules(tlsMembers, g.svc, dest, ctx);
    tlsMembers.forEach((m, i) => ctx.report.origin({ kind: 'VirtualService', namespace: g.ns, name }, ['spec', 'tls', i], m.route, ['spec', 'rules', 0]));
    if (members.length > 1) for (const r of members) ctx.report.note('RoutesMerged', r, ['spec', 'parentRefs'], `sidecars use one VirtualService per host: the mesh rules of ${members.map((x) => `${x.namespace}/${x.name}`).join(', ')} for ${host} are merged into VirtualService ${g.ns}/${name}`);
    const body = { hosts: [host], ...(httpMembers.length > 0 ? { http } : {}), ...(tls.length > 0 ? { tls } : {}), ...(tcp.length > 0 ? { tcp } : {}), ...(g.consumer ? { exportTo: ['.'] } : {}) };
    out.set(home, [...(out.get(home) ?? []), vsObject(name, g.ns, body)]);
  }
  return out;
}

/**
 * An SNI name goes to the first TLSRoute by precedence (oldest, then namespace/name: the
 * simulator's order for connections, gateway-api.md §8), and Istio skips a whole `tls` match one of
 * whose `sniHosts` an earlier VirtualService already routes on the gateway (istio.md §1.5): each
 * VirtualService keeps only the names no earlier route took. False when none is left.
 */
function claimSni(r: Resource, body: KubeObject, taken: Map<string, Set<string>>, report: Report): boolean {
  const gateways = (body.gateways as string[]).map((g) => (g.includes('/') ? g : `${r.namespace}/${g}`));
  const all = body.hosts as string[];
  const hosts = all.filter((h) => !gateways.some((g) => taken.get(g)?.has(h)));
  if (hosts.length < all.length) report.note('UnreachableRuleDropped', r, ['spec', 'hostnames'], `an older TLSRoute already takes ${all.filter((h) => !hosts.includes(h)).join(', ')} on the same listeners; those names are left out`);
  for (const g of gateways) for (const h of hosts) (taken.get(g) ?? taken.set(g, new Set()).get(g) as Set<string>).add(h);
  if (hosts.length === 0) return false;
  const rule = (body.tls as KubeObject[])[0] as KubeObject;
  body.hosts = hosts;
  body.tls = [{ ...rule, match: [{ sniHosts: hosts }] }];
  return true;
}

/**
 * The mirror of istio-grpc.ts `reportGrpcOnly`: a GRPCRoute takes gRPC requests only (gateway-api.md
 * §7), the VirtualService rules written for it any HTTP request on the same path.
 */
function reportPlainHttp(r: Resource, report: Report): void {
  report.lose('GRPCRequestsOnly', r, ['spec', 'rules'], 'a VirtualService matches any HTTP request on the path of a gRPC method: plain HTTP requests this GRPCRoute did not take are now routed by its rules', { scope: [], widens: true, requests: [{ protocols: ['http'] }] });
}

function byAge(a: Resource, b: Resource): number {
  return compareAge(a, b) || compareStrings(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);
}

/** The `http[]` of VirtualService `ns/name`, its origins recorded. */
function httpOf(name: string, ns: string, entries: readonly HttpEntry[], ctx: GwCtx): KubeObject[] {
  const { http, origins } = istioHttp(entries);
  for (const o of origins) ctx.report.origin({ kind: 'VirtualService', namespace: ns, name }, o.path, o.source, o.sourcePath);
  return http;
}

function vsObject(name: string, namespace: string, spec: KubeObject): KubeObject {
  return { apiVersion: VS_API, kind: 'VirtualService', metadata: { name, namespace }, spec };
}
