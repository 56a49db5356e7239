import { readStringMatch } from './istio-match.js';

/**
 * The parts boundary requests are built from (requests.ts): the request lines of a design, each
 * part collected from the matches that decide requests, with its near misses.
 */
export interface Boundaries {
  /** `scheme:port` of the gateways' HTTP(S) ports; `tls:port`, `tcp:port` of their L4 ports. */
  readonly ports: Set<string>;
  readonly hosts: Set<string>;
  /** HTTP paths (with query) and gRPC paths (`/pkg.Service/Method`). */
  readonly paths: Set<string>;
  readonly grpcPaths: Set<string>;
  readonly headerSets: string[][];
  readonly methods: Set<string>;
  /** Mesh destinations: Service FQDN → its ports (none known: 80). */
  readonly meshTargets: Map<string, Set<number>>;
  /** Namespaces of mesh clients. */
  readonly clients: Set<string>;
  /** Mesh destinations' ports that Istio reads as TLS (compile/istio/mesh-tls.ts): Service FQDN → ports. */
  readonly meshTlsPorts: Map<string, Set<number>>;
  /** Does the design carry gRPC (a GRPCRoute or a gRPC Service port)? */
  grpc: boolean;
  /** Has an Istio Gateway an AUTO_PASSTHROUGH server (SNI names `outbound_.PORT_._.HOST`)? */
  autoPassthrough: boolean;
}

export function newBoundaries(): Boundaries {
  return { ports: new Set(), hosts: new Set(['unknown.example.org']), paths: new Set(['/']), grpcPaths: new Set(['/pkg.Other/Call']), headerSets: [[]], methods: new Set(['GET']), meshTargets: new Map(), clients: new Set(['elsewhere']), meshTlsPorts: new Map(), grpc: false, autoPassthrough: false };
}

export function addPort(b: Boundaries, port: number | undefined, protocol: string | undefined): void {
  if (port === undefined) return;
  if (protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC') b.ports.add(`http:${port}`);
  else if (protocol === 'HTTPS') b.ports.add(`https:${port}`);
  else if (protocol === 'TLS') b.ports.add(`tls:${port}`);
  else if (protocol === 'TCP') b.ports.add(`tcp:${port}`);
}

/** A hostname, and for a wildcard a name it covers and its bare suffix (which it does not). */
export function addHost(b: Boundaries, h: string): void {
  const host = h.toLowerCase();
  if (host === '*') return;
  b.hosts.add(host.startsWith('*.') ? `any${host.slice(1)}` : host);
  if (host.startsWith('*.')) b.hosts.add(host.slice(2));
}

/** A path, its near misses and its neighbours across a segment boundary. */
export function addPath(b: Boundaries, p: string): void {
  for (const x of [p, `${p}/`, `${p}x`, `${p}/x`, p.length > 1 ? p.slice(0, -1) : p, p.endsWith('/') ? p.slice(0, -1) || '/' : `${p}bar`]) {
    if (x.startsWith('/')) b.paths.add(x);
  }
}

/** The match's query parameters on its path: as written, with a different value, and the first alone. */
export function addQuery(b: Boundaries, p: string, qs: readonly (readonly [string, string])[]): void {
  if (qs.length === 0 || !p.startsWith('/')) return;
  const q = (l: readonly (readonly [string, string])[], suffix = ''): string => l.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v + suffix)}`).join('&');
  b.paths.add(`${p}?${q(qs)}`);
  b.paths.add(`${p}?${q(qs, 'x')}`);
  if (qs.length > 1) b.paths.add(`${p}?${q(qs.slice(0, 1))}`);
}

/** A request value that satisfies an Istio string match (regex and presence: some value). */
export function headerValue(v: unknown): string {
  const m = readStringMatch(v);
  return m.type === 'present' || m.type === 'regex' ? 'x' : m.value;
}

/** The headers as written, each value changed, and all but the first. */
export function addHeaders(b: Boundaries, hs: readonly (readonly [string, string])[]): void {
  if (hs.length === 0) return;
  const key = (l: string[]): string => JSON.stringify(l);
  const add = (l: string[]): void => {
    if (!b.headerSets.some((s) => key(s) === key(l))) b.headerSets.push(l);
  };
  add(hs.map(([n, v]) => `${n}: ${v}`));
  add(hs.map(([n, v]) => `${n}: ${v}x`));
  if (hs.length > 1) add(hs.slice(1).map(([n, v]) => `${n}: ${v}`));
}

const IDENT = /^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*$/;

/**
 * gRPC boundaries (gateway-api.md §7): the method's own path, another method of the service, the
 * same method of another service, and a longer service name (`pkg.Svcx`). `undefined` = any.
 */
export function addGrpc(b: Boundaries, service: string | undefined, method: string | undefined): void {
  const s = service !== undefined && IDENT.test(service) ? service : 'pkg.Any';
  const m = method !== undefined && IDENT.test(method) ? method : 'Call';
  for (const p of [`/${s}/${m}`, `/${s}/${m}x`, `/${s}x/${m}`, `/pkg.Other/${m}`]) b.grpcPaths.add(p);
}

/** An Istio uri match read as a gRPC method: `/svc/Method` exact, `/svc/` prefix. */
export function addGrpcUri(b: Boundaries, type: string, value: string): void {
  const exact = /^\/([^/]+)\/([^/]+)$/.exec(value);
  const prefix = /^\/([^/]+)\/$/.exec(value);
  if (type === 'exact' && exact) addGrpc(b, exact[1], exact[2]);
  else if (type === 'prefix' && prefix) addGrpc(b, prefix[1], undefined);
}
