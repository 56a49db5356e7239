import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import { isTlsPort } from '../compile/istio/mesh-tls.js';
import { fqdn, serviceOfHost } from './design.js';
import { readStringMatch } from './istio-match.js';
import { num, rec, records, spec, str, strings } from './read.js';
import type { RequestCase } from './equivalence.js';
import { addGrpc, addGrpcUri, addHeaders, addHost, addPath, addPort, addQuery, headerValue, newBoundaries, type Boundaries } from './request-parts.js';

/**
 * Requests that cover every match boundary of a design: each match's own request and its near
 * misses — one character shorter and longer, `/foo` vs `/foobar` vs `/foo/`, a missing or different
 * header, another method, another gRPC service or method — on every host and gateway port, plus
 * the defaults (`/`, an unknown host); TLS connections for every SNI name (a wildcard's covered
 * name and its bare suffix, an unknown name) on TLS ports; a TCP connection per TCP port; and, for
 * every Service that mesh routes target, the same HTTP (and gRPC) requests and a TCP connection on
 * each of its ports (and on its TLS ports a TLS connection for every SNI name), from a client in every namespace of the design and one outside it.
 */
export function boundaryRequests(resources: readonly Resource[], limit = 2000): RequestCase[] {
  const b = newBoundaries();
  const servicePorts = new Map<string, number[]>();
  for (const r of resources) {
    const s = spec(r.object);
    if (r.kind === 'Gateway' && r.group === GATEWAY_GROUP) {
      for (const { item } of records(s.listeners)) {
        addPort(b, num(item.port), str(item.protocol));
        if (str(item.hostname)) addHost(b, str(item.hostname) as string);
      }
    } else if (r.kind === 'Gateway' && r.group === ISTIO_GROUP) readServers(b, s);
    else if (r.group === GATEWAY_GROUP && ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'].includes(r.kind)) readRoute(b, r);
    else if (r.kind === 'VirtualService') readVirtualService(b, r);
    else if (r.kind === 'Service' && r.group === '') {
      const ports = records(s.ports).map(({ item }) => ({ port: num(item.port), name: (str(item.name) ?? '').toLowerCase(), app: str(item.appProtocol)?.toLowerCase() }));
      servicePorts.set(fqdn(r), ports.flatMap((p) => (p.port === undefined ? [] : [p.port])));
      const tls = ports.filter((p) => p.port !== undefined && isTlsPort({ name: p.name, protocol: p.app ?? null })).map((p) => p.port as number);
      if (tls.length > 0) b.meshTlsPorts.set(fqdn(r), new Set(tls));
      if (ports.some((p) => p.app === 'grpc' || (p.app === undefined && (p.name === 'grpc' || p.name.startsWith('grpc-'))))) b.grpc = true;
    }
  }
  // AUTO_PASSTHROUGH servers route by an SNI naming a Service port (compile/istio/auto-passthrough.ts).
  if (b.autoPassthrough) for (const [host, ports] of servicePorts) for (const p of ports) b.hosts.add(`outbound_.${p}_._.${host}`);
  for (const [host, ports] of b.meshTargets) for (const p of servicePorts.get(host) ?? []) ports.add(p);
  for (const ports of b.meshTargets.values()) if (ports.size === 0) ports.add(80);
  if (b.ports.size === 0 && b.meshTargets.size === 0) b.ports.add('http:80');
  if (b.grpc) for (const p of b.grpcPaths) b.paths.add(p);
  b.methods.add('POST');
  return emit(b, limit);
}

function readServers(b: Boundaries, s: Record<string, unknown>): void {
  for (const { item } of records(s.servers)) {
    const port = num(rec(item.port).number);
    const protocol = (str(rec(item.port).protocol) ?? '').toUpperCase();
    const mode = str(rec(item.tls).mode);
    if (mode === 'AUTO_PASSTHROUGH') b.autoPassthrough = true;
    if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH' || protocol === 'TLS') addPort(b, port, 'TLS');
    else if (protocol === 'TCP' || protocol === 'MONGO') addPort(b, port, 'TCP');
    else if (protocol === 'HTTPS') addPort(b, port, 'HTTPS');
    else {
      addPort(b, port, 'HTTP');
      if (item.tls !== undefined) addPort(b, port, 'HTTPS');
    }
    for (const h of strings(item.hosts)) addHost(b, h.slice(h.indexOf('/') + 1));
  }
}

function readRoute(b: Boundaries, r: Resource): void {
  const s = spec(r.object);
  for (const h of strings(s.hostnames)) addHost(b, h);
  for (const { item: p } of records(s.parentRefs)) {
    if (str(p.kind) !== 'Service' || (str(p.group) ?? '') !== '') continue;
    const target = fqdn({ namespace: str(p.namespace) ?? r.namespace, name: str(p.name) ?? '' });
    const ports = b.meshTargets.get(target) ?? new Set<number>();
    if (num(p.port) !== undefined) ports.add(num(p.port) as number);
    b.meshTargets.set(target, ports);
    b.clients.add(r.namespace).add(str(p.namespace) ?? r.namespace);
  }
  if (r.kind === 'GRPCRoute') b.grpc = true;
  for (const { item: rule } of records(s.rules)) {
    for (const { item: m } of records(rule.matches)) {
      addHeaders(b, records(m.headers).map(({ item }) => [str(item.name) ?? '', str(item.value) ?? ''] as const));
      if (r.kind === 'GRPCRoute') {
        addGrpc(b, str(rec(m.method).service), str(rec(m.method).method));
        continue;
      }
      addPath(b, str(rec(m.path).value) ?? '/');
      addQuery(b, str(rec(m.path).value) ?? '/', records(m.queryParams).map(({ item }) => [str(item.name) ?? '', str(item.value) ?? ''] as const));
      if (str(m.method)) b.methods.add(str(m.method) as string);
    }
  }
}

function readVirtualService(b: Boundaries, r: Resource): void {
  const s = spec(r.object);
  for (const h of strings(s.hosts)) addHost(b, h);
  const gateways = strings(s.gateways);
  if (gateways.length === 0 || gateways.includes('mesh')) {
    b.clients.add(r.namespace);
    for (const h of strings(s.hosts)) {
      const svc = serviceOfHost(h, r.namespace);
      if (!svc) continue;
      b.clients.add(svc.namespace);
      if (!b.meshTargets.has(fqdn(svc))) b.meshTargets.set(fqdn(svc), new Set());
    }
  }
  for (const { item: rule } of records(s.tls)) for (const { item: m } of records(rule.match)) for (const h of strings(m.sniHosts)) addHost(b, h);
  for (const { item: rule } of records(s.http)) {
    for (const { item: m } of records(rule.match)) {
      const uri = readStringMatch(m.uri);
      if (uri.type !== 'present') addPath(b, uri.type === 'regex' ? '/' : uri.value || '/');
      if (uri.type === 'exact' || uri.type === 'prefix') addGrpcUri(b, uri.type, uri.value);
      addQuery(b, uri.type === 'exact' || uri.type === 'prefix' ? uri.value || '/' : '/', Object.entries(rec(m.queryParams)).map(([n, v]) => [n, headerValue(v)] as const));
      addHeaders(b, Object.entries(rec(m.headers)).map(([n, v]) => [n, headerValue(v)] as const));
      addHeaders(b, Object.entries(rec(m.withoutHeaders)).map(([n, v]) => [n, headerValue(v)] as const));
      const meth = readStringMatch(m.method);
      if (meth.type === 'exact') b.methods.add(meth.value);
    }
  }
}

/**
 * L4 connections first (they are few), then every port, host and path with each method and
 * header set in turn — gateway requests, gRPC calls, mesh requests — so that a limit cuts
 * variants, never a host or a path.
 */
function emit(b: Boundaries, limit: number): RequestCase[] {
  const out: RequestCase[] = [];
  const push = (c: RequestCase): boolean => out.push(c) >= limit;
  const ports = [...b.ports].sort().map((p) => p.split(':') as [string, string]);
  const hosts = [...b.hosts].sort();
  const clients = [...b.clients].sort().map((namespace) => ({ namespace, workload: 'client', labels: {} }));
  const mesh = [...b.meshTargets.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).flatMap(([host, ps]) => [...ps].sort((x, y) => x - y).map((port) => ({ host, port })));
  for (const [scheme, port] of ports) {
    if (scheme === 'tls') for (const host of hosts) if (push({ text: `TLS tls://${host}:${port}`, headers: [] })) return out;
    if (scheme === 'tcp' && push({ text: `TCP tcp://unknown.example.org:${port}`, headers: [] })) return out;
  }
  for (const t of mesh) {
    for (const c of clients) {
      if (push({ text: `TCP tcp://${t.host}:${t.port}`, headers: [], mesh: c })) return out;
      // A TLS port: a connection for every SNI name, the Service's own first (sidecar tls rules pick by SNI).
      if (b.meshTlsPorts.get(t.host)?.has(t.port)) for (const sni of [t.host, ...hosts]) if (push({ text: `TLS tls://${t.host}:${t.port}`, headers: [], mesh: c, sni })) return out;
    }
  }
  const variants = [...b.methods].sort().flatMap((method) => b.headerSets.map((hs) => ({ method, hs })));
  variants.sort((x, y) => Number(x.method !== 'GET' || x.hs.length > 0) - Number(y.method !== 'GET' || y.hs.length > 0));
  const paths = [...b.paths].sort();
  const grpcPaths = b.grpc ? [...b.grpcPaths].sort() : [];
  for (const { method, hs } of variants) {
    const calls = method === 'GET' ? grpcPaths : [];
    for (const [scheme, port] of ports) {
      if (scheme !== 'http' && scheme !== 'https') continue;
      for (const host of hosts) {
        for (const path of paths) if (push({ text: `${method} ${scheme}://${host}:${port}${path}`, headers: hs })) return out;
        for (const path of calls) if (push({ text: `GRPC ${scheme === 'https' ? 'grpcs' : 'grpc'}://${host}:${port}${path}`, headers: hs })) return out;
      }
    }
    for (const t of mesh) {
      for (const c of clients) {
        for (const path of paths) if (push({ text: `${method} http://${t.host}:${t.port}${path}`, headers: hs, mesh: c })) return out;
        for (const path of calls) if (push({ text: `GRPC grpc://${t.host}:${t.port}${path}`, headers: hs, mesh: c })) return out;
      }
    }
  }
  return out;
}
