import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import { readStringMatch } from './istio-match.js';
import { num, rec, records, spec, str, strings } from './read.js';
import type { RequestCase } from './equivalence.js';

/**
 * Requests that cover every match boundary of a design: each match's own request and its near
 * misses — one character shorter and longer, `/foo` vs `/foobar` vs `/foo/`, a missing or different
 * header, another method — on every host and gateway port, plus the defaults (`/`, an unknown host).
 */
export function boundaryRequests(resources: readonly Resource[], limit = 2000): RequestCase[] {
  const ports = new Set<string>();
  const hosts = new Set<string>(['unknown.example.org']);
  const paths = new Set<string>(['/']);
  const headerSets: string[][] = [[]];
  const methods = new Set<string>(['GET']);
  for (const r of resources) {
    const s = spec(r.object);
    if (r.kind === 'Gateway' && r.group === GATEWAY_GROUP) {
      for (const { item } of records(s.listeners)) {
        addPort(ports, num(item.port), str(item.protocol));
        if (str(item.hostname)) addHost(hosts, str(item.hostname) as string);
      }
    } else if (r.kind === 'Gateway' && r.group === ISTIO_GROUP) {
      for (const { item } of records(s.servers)) {
        addPort(ports, num(rec(item.port).number), rec(item.tls).mode !== undefined || item.tls !== undefined ? 'HTTPS' : str(rec(item.port).protocol));
        for (const h of strings(item.hosts)) addHost(hosts, h.slice(h.indexOf('/') + 1));
      }
    } else if (r.kind === 'HTTPRoute') {
      for (const h of strings(s.hostnames)) addHost(hosts, h);
      for (const { item: rule } of records(s.rules)) {
        for (const { item: m } of records(rule.matches)) {
          addPath(paths, str(rec(m.path).value) ?? '/');
          addQuery(paths, str(rec(m.path).value) ?? '/', records(m.queryParams).map(({ item }) => [str(item.name) ?? '', str(item.value) ?? ''] as const));
          addHeaders(headerSets, records(m.headers).map(({ item }) => [str(item.name) ?? '', str(item.value) ?? ''] as const));
          if (str(m.method)) methods.add(str(m.method) as string);
        }
      }
    } else if (r.kind === 'VirtualService') {
      for (const h of strings(s.hosts)) addHost(hosts, h);
      for (const { item: rule } of records(s.http)) {
        for (const { item: m } of records(rule.match)) {
          const uri = readStringMatch(m.uri);
          if (uri.type !== 'present') addPath(paths, uri.type === 'regex' ? '/' : uri.value || '/');
          addQuery(paths, uri.type === 'exact' || uri.type === 'prefix' ? uri.value || '/' : '/', Object.entries(rec(m.queryParams)).map(([n, v]) => [n, headerValue(v)] as const));
          addHeaders(headerSets, Object.entries(rec(m.headers)).map(([n, v]) => [n, headerValue(v)] as const));
          addHeaders(headerSets, Object.entries(rec(m.withoutHeaders)).map(([n, v]) => [n, headerValue(v)] as const));
          const meth = readStringMatch(m.method);
          if (meth.type === 'exact') methods.add(meth.value);
        }
      }
    }
  }
  if (ports.size === 0) ports.add('http:80');
  methods.add('POST');
  // Every port, host and path with each method and header set in turn, so that a limit cuts
  // variants, never a host or a path.
  const out: RequestCase[] = [];
  const variants = [...methods].sort().flatMap((method) => headerSets.map((hs) => ({ method, hs })));
  variants.sort((a, b) => Number(a.method !== 'GET' || a.hs.length > 0) - Number(b.method !== 'GET' || b.hs.length > 0));
  for (const { method, hs } of variants) {
    for (const p of [...ports].sort()) {
      const [scheme, port] = p.split(':') as [string, string];
      for (const host of [...hosts].sort()) {
        for (const path of [...paths].sort()) {
          out.push({ text: `${method} ${scheme}://${host}:${port}${path}`, headers: hs });
          if (out.length >= limit) return out;
        }
      }
    }
  }
  return out;
}

function addPort(ports: Set<string>, port: number | undefined, protocol: string | undefined): void {
  if (port === undefined) return;
  if (protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC') ports.add(`http:${port}`);
  else if (protocol === 'HTTPS') ports.add(`https:${port}`);
}

function addHost(hosts: Set<string>, h: string): void {
  const host = h.toLowerCase();
  if (host === '*') return;
  hosts.add(host.startsWith('*.') ? `any${host.slice(1)}` : host);
  if (host.startsWith('*.')) hosts.add(host.slice(2));
}

/** A path, its near misses and its neighbours across a segment boundary. */
function addPath(paths: Set<string>, p: string): void {
  for (const x of [p, `${p}/`, `${p}x`, `${p}/x`, p.length > 1 ? p.slice(0, -1) : p, p.endsWith('/') ? p.slice(0, -1) || '/' : `${p}bar`]) {
    if (x.startsWith('/')) paths.add(x);
  }
}

/** The match's query parameters on its path: as written, with a different value, and the first alone. */
function addQuery(paths: Set<string>, p: string, qs: readonly (readonly [string, string])[]): void {
  if (qs.length === 0 || !p.startsWith('/')) return;
  const q = (l: readonly (readonly [string, string])[], suffix = ''): string => l.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v + suffix)}`).join('&');
  paths.add(`${p}?${q(qs)}`);
  paths.add(`${p}?${q(qs, 'x')}`);
  if (qs.length > 1) paths.add(`${p}?${q(qs.slice(0, 1))}`);
}

function headerValue(v: unknown): string {
  const m = readStringMatch(v);
  return m.type === 'present' || m.type === 'regex' ? 'x' : m.value;
}

function addHeaders(sets: string[][], hs: readonly (readonly [string, string])[]): void {
  if (hs.length === 0) return;
  const key = (l: string[]): string => JSON.stringify(l);
  const add = (l: string[]): void => {
    if (!sets.some((s) => key(s) === key(l))) sets.push(l);
  };
  add(hs.map(([n, v]) => `${n}: ${v}`));
  add(hs.map(([n, v]) => `${n}: ${v}x`));
  if (hs.length > 1) add(hs.slice(1).map(([n, v]) => `${n}: ${v}`));
}
