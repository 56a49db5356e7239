/**
 * Witness requests: built from an entry's own conditions (path, method, headers, query, gRPC
 * method, mesh source), addressed to the site, and kept only when the simulator — the same code
 * `route-designer simulate` runs — sends it to that very entry.
 */
import type { HeaderMatch, RouteEntry, StringMatch } from '../../compile/types.js';
import type { WitnessRequest } from '../../diagnostics/types.js';
import { simulate } from '../../simulate/index.js';
import { matchString } from '../../simulate/match/string-match.js';
import { parseRequest } from '../../simulate/parse-request.js';
import type { RouteTable } from '../../compile/types.js';
import { absentPasses } from './covers.js';
import { regexSamples } from './regex-samples.js';
import { hostCandidates, type Site } from './sites.js';

const MAX_TRIES = 24;

/** A verified witness for `entry` at `site`, or null when none of the candidates reaches it. */
export function findWitness(table: RouteTable, site: Site, entry: RouteEntry, index: number): WitnessRequest | null {
  let tries = 0;
  for (const w of withBlockers(candidates(site, entry), blockers(site, entry, index))) {
    if (++tries > MAX_TRIES) return null;
    if (reaches(table, w, entry)) return w;
  }
  return null;
}

/** Does the simulator send this witness to this entry? */
export function reaches(table: RouteTable, w: WitnessRequest, entry: RouteEntry): boolean {
  const req = parseRequest(w.request, Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`));
  if (!req.ok) return false;
  const [gns = '', gname = ''] = (w.gateway ?? '').split('/');
  const [mns = '', workload = ''] = (w.mesh?.from ?? '').split('/');
  const d = simulate(table, req.request, {
    traceAll: false,
    ...(w.gateway ? { gateway: { namespace: gns, name: gname } } : {}),
    ...(w.mesh ? { mesh: { namespace: mns, workload, labels: w.mesh.labels ?? {} } } : {}),
  });
  const p = entry.provenance;
  return d.route !== null && d.route.kind === p.ref.kind && d.route.namespace === p.ref.namespace && d.route.name === p.ref.name && d.rule === p.rule && d.match === p.match;
}

/**
 * Headers that make earlier entries' `withoutHeaders` fail (an earlier rule for "every request
 * without x-canary" takes a plain request; sending x-canary avoids it), unless the entry itself
 * has a condition on that header.
 */
function blockers(site: Site, e: RouteEntry, index: number): Record<string, string> {
  const own = new Set((e.match.headers ?? []).map((h) => h.name));
  const out: Record<string, string> = {};
  for (const earlier of site.vhost.entries.slice(0, index)) {
    for (const h of earlier.match.headers ?? []) {
      if (!h.invert || own.has(h.name) || out[h.name] !== undefined) continue;
      const v = stringSamples(h.match, ['reach-witness']).find((x) => PRINTABLE.test(x) && x.trim() === x && x !== '');
      if (v !== undefined) out[h.name] = v;
      if (Object.keys(out).length >= 8) return out;
    }
  }
  return out;
}

function* withBlockers(base: Iterable<WitnessRequest>, extra: Record<string, string>): Generator<WitnessRequest> {
  const some = Object.keys(extra).length > 0;
  for (const w of base) {
    yield w;
    if (some) yield { ...w, headers: { ...extra, ...w.headers } };
  }
}

function* candidates(site: Site, e: RouteEntry): Generator<WitnessRequest> {
  const m = e.match;
  const grpc = e.routeKind === 'GRPCRoute';
  const headers = headerValues(m.headers ?? []);
  const query = queryText(m.queryParams ?? []);
  if (headers === null || query === null) return;
  const methods = grpc ? ['GRPC'] : m.method ? stringSamples(m.method, ['GET', 'POST']) : ['GET', 'POST', 'PUT'];
  const paths = grpc ? grpcPaths(e) : pathSamples(e);
  const base = site.kind === 'gateway' ? gatewayScheme(site, grpc) : grpc ? 'grpc' : 'http';
  const port = site.kind === 'gateway' ? site.listener.port : site.port;
  const mesh = site.kind === 'mesh' ? meshClients(site, e) : [null];
  const gateway = site.kind === 'gateway' ? `${site.gateway.ref.namespace}/${site.gateway.ref.name}` : null;
  for (const path of paths) {
    for (const method of methods) {
      for (const host of hostCandidates(site)) {
        for (const client of mesh) {
          yield { request: `${method} ${base}://${host}:${port}${path}${query}`, headers, gateway, mesh: client };
        }
      }
    }
  }
}

function gatewayScheme(site: Extract<Site, { kind: 'gateway' }>, grpc: boolean): string {
  const tls = site.listener.protocol === 'HTTPS' || site.listener.tlsMode !== null;
  return grpc ? (tls ? 'grpcs' : 'grpc') : tls ? 'https' : 'http';
}

function meshClients(site: Extract<Site, { kind: 'mesh' }>, e: RouteEntry): WitnessRequest['mesh'][] {
  const labels = e.match.source?.labels ?? {};
  const wanted = e.match.source?.namespace;
  const scope = site.set.scope;
  const namespaces = wanted !== undefined ? [wanted] : scope.kind === 'consumer' ? [scope.namespace] : ['reach-client', site.service.ref.namespace];
  return namespaces.map((ns) => ({ from: `${ns}/reach-witness`, ...(Object.keys(labels).length > 0 ? { labels } : {}) }));
}

function pathSamples(e: RouteEntry): string[] {
  const p = e.match.path;
  if (!p) return ['/', '/reach-witness'];
  switch (p.type) {
    case 'Exact':
      return p.ignoreCase ? [p.value, p.value.toUpperCase()] : [p.value];
    case 'PathPrefix':
      return p.value === '/' ? ['/', '/reach-witness'] : [p.value, `${p.value}/reach-witness`];
    case 'Prefix': {
      const v = p.value.startsWith('/') ? p.value : `/${p.value}`;
      const out = [v, `${v}reach-witness`, `${v}/reach-witness`];
      return p.ignoreCase ? [...out, v.toUpperCase(), `${v.toUpperCase()}/REACH-WITNESS`] : out;
    }
    case 'RegularExpression':
      return regexSamples(p.value, ['/', '/reach-witness']).filter((s) => s.startsWith('/') && !/[\s?#]/.test(s));
  }
}

function grpcPaths(e: RouteEntry): string[] {
  const g = e.match.grpc;
  const part = (v: string | null, dflt: string): string[] => (v === null ? [dflt] : g?.type === 'Exact' ? [v] : regexSamples(v).filter((s) => /^[A-Za-z0-9_.]+$/.test(s)));
  const services = part(g?.service ?? null, 'reach.Witness');
  const methods = part(g?.method ?? null, 'Reach');
  return services.flatMap((s) => methods.map((m) => `/${s}/${m}`));
}

function stringSamples(m: StringMatch, fallbacks: readonly string[]): string[] {
  switch (m.type) {
    case 'Exact':
    case 'Prefix':
      return [m.value];
    case 'Present':
      return fallbacks.slice(0, 1);
    case 'RegularExpression':
      return regexSamples(m.value, fallbacks);
  }
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/** One value per header condition; null when a condition gets no usable value. */
function headerValues(hs: readonly HeaderMatch[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const h of hs) {
    if (h.invert) {
      if (absentPasses(h) || out[h.name] !== undefined) continue;
      const v = ['reach-witness', 'x', '0'].find((x) => !matchString(h.match, x));
      if (v === undefined) return null;
      out[h.name] = v;
      continue;
    }
    const v = stringSamples(h.match, ['reach-witness']).find((x) => PRINTABLE.test(x) && x.trim() === x && x !== '');
    if (v === undefined) return null;
    out[h.name] = v;
  }
  return out;
}

function queryText(qs: readonly { readonly name: string; readonly match: StringMatch }[]): string | null {
  const parts: string[] = [];
  for (const q of qs) {
    const v = stringSamples(q.match, ['reach-witness'])[0];
    if (v === undefined) return null;
    parts.push(`${encodeURIComponent(q.name)}=${encodeURIComponent(v)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A request from `entry`'s own conditions that the simulator gives to `shadow` instead. */
export function shadowWitness(table: RouteTable, site: Site, entry: RouteEntry, shadow: RouteEntry): WitnessRequest | null {
  let tries = 0;
  for (const w of candidates(site, entry)) {
    if (++tries > MAX_TRIES) return null;
    if (reaches(table, w, shadow)) return w;
  }
  return null;
}
