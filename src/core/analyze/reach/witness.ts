/**
 * Witness requests: built from an entry's own conditions (path, method, headers, query, gRPC
 * method, mesh source), addressed to the site, and kept only when the simulator — the same code
 * `route-designer simulate` runs — sends it to that very entry.
 */
import type { HeaderMatch, RouteEntry, StringMatch, VirtualHost } from '../../compile/types.js';
import type { WitnessRequest } from '../../diagnostics/types.js';
import { simulate } from '../../simulate/index.js';
import { normalizePathAndQuery } from '../../simulate/normalize-path.js';
import { viewOf } from '../../simulate/request-view.js';
import type { Decision, Request } from '../../simulate/types.js';
import { walkVhost } from '../../simulate/walk-vhost.js';
import { whyNot } from '../../simulate/match/entry-match.js';
import type { RequestView } from '../../simulate/request-view.js';
import { lookupVhost } from '../../simulate/gateway-flow.js';
import { listenerAccepts, misdirected, nameFor } from '../../simulate/select-listener.js';
import { matchString } from '../../simulate/match/string-match.js';
import { parseRequest } from '../../simulate/parse-request.js';
import { RequestBuilder, requestLine, type WitnessTarget } from './witness-request.js';
import type { RouteTable } from '../../compile/types.js';
import { absentPasses } from './covers.js';
import { regexSamples } from './regex-samples.js';
import { hostCandidates, SCAN_LIMIT, type Site } from './sites.js';

const MAX_TRIES = 24;

/** A candidate witness with the parts its request line was written from (built, not re-read). */
interface Candidate {
  readonly witness: WitnessRequest;
  readonly target: WitnessTarget;
}

/**
 * Checks witnesses with the simulator's own steps: a gateway request is walked as
 * simulateAtGateway walks it (the named gateway, its port, listener selection with
 * listenerAccepts / misdirected, httpsRedirect, lookupVhost, then walkVhost on the path
 * normalised as simulate normalises it) — the parts that pick the rule, without building the
 * decision; where it lands depends only on gateway, scheme, port and host, so that is cached. Mesh
 * witnesses run the whole simulate. (The property tests run the whole simulate on every witness.)
 */
export class Verifier {
  private readonly landing = new Map<string, boolean>();
  private readonly requests = new RequestBuilder();

  constructor(private readonly table: RouteTable) {}

  /**
   * Does the simulator send this witness (built for `site`) to `entry`? Its request is built from
   * the candidate's parts — what parseRequest reads from its text (witness-request.ts).
   */
  verify(site: Site, c: Candidate, entry: RouteEntry): boolean {
    const w = c.witness;
    const r = this.requests.build(c.target, w.headers);
    if (r === null) return false;
    if (site.kind === 'mesh') return sameEntry(simulateRequest(this.table, r, w), entry);
    const key = `${site.listener.name}\u0000${site.vhost.domain}\u0000${w.gateway ?? ''}\u0000${r.scheme}\u0000${r.port}\u0000${r.host}\u0000${r.sni ?? ''}`;
    let lands = this.landing.get(key);
    if (lands === undefined) {
      lands = landsOn(this.table, site, r, w.gateway);
      this.landing.set(key, lands);
    }
    if (!lands) return false;
    const path = normalizePathAndQuery(r.path);
    const view = viewOf(path === r.path ? r : { ...r, path }, null);
    return firstMatch(site.vhost, view, entry) === entry;
  }
}

/**
 * walkVhost's winner. Up to `entry`'s position in a small vhost, entries are tried in order with
 * the simulator's matcher (whyNot) — the same winner, since walkVhost tries the index's
 * candidates (a superset of the matching entries) in that order; large vhosts use walkVhost.
 */
function firstMatch(vhost: VirtualHost, view: RequestView, entry: RouteEntry): RouteEntry | null {
  const entries = vhost.entries;
  if (entries.length > SCAN_LIMIT) return walkVhost(vhost, view, false, [], []);
  for (const e of entries) {
    if (whyNot(e, view) === null) return e;
    if (e === entry) return null;
  }
  return null;
}

/** simulateAtGateway's choice of gateway, listener and vhost for this request: is it the site's? */
function landsOn(table: RouteTable, site: Extract<Site, { kind: 'gateway' }>, r: Request, gateway: string | null): boolean {
  const [ns = '', name = ''] = (gateway ?? '').split('/');
  const gw = table.gateways.find((g) => g.members.some((m) => m.namespace === ns && m.name === name));
  const port = gw === site.gateway ? gw.ports.get(r.port) : undefined;
  if (!port) return false;
  const chosen = port.listeners.find((l) => listenerAccepts(l, r) === null);
  if (chosen !== site.listener) return false;
  const wrong = misdirected(chosen, port.listeners, r);
  if ((wrong && 'status' in wrong) || (chosen.httpsRedirect && r.scheme === 'http')) return false;
  return lookupVhost(chosen.hosts, chosen.protocol === 'TLS' ? nameFor(chosen, r) : r.host) === site.vhost;
}

/** A verified witness for `entry` (position `index` in the site's vhost), or null. */
export function findWitness(verifier: Verifier, site: Site, entry: RouteEntry, index: number): WitnessRequest | null {
  let tries = 0;
  for (const c of withBlockers(candidates(site, entry), blockers(site, entry, index))) {
    if (++tries > MAX_TRIES) return null;
    if (verifier.verify(site, c, entry)) return c.witness;
  }
  return null;
}

/** Does the simulator send this witness to this entry? (A full simulate.) */
export function reaches(table: RouteTable, w: WitnessRequest, entry: RouteEntry): boolean {
  const req = parseRequest(w.request, Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`));
  return req.ok && sameEntry(simulateRequest(table, req.request, w), entry);
}

function simulateRequest(table: RouteTable, request: Request, w: WitnessRequest): Decision {
  const [gns = '', gname = ''] = (w.gateway ?? '').split('/');
  const [mns = '', workload = ''] = (w.mesh?.from ?? '').split('/');
  return simulate(table, request, {
    traceAll: false,
    ...(w.gateway ? { gateway: { namespace: gns, name: gname } } : {}),
    ...(w.mesh ? { mesh: { namespace: mns, workload, labels: w.mesh.labels ?? {} } } : {}),
  });
}

function sameEntry(d: Decision, entry: RouteEntry): boolean {
  const p = entry.provenance;
  return d.route !== null && d.route.kind === p.ref.kind && d.route.namespace === p.ref.namespace && d.route.name === p.ref.name && d.rule === p.rule && d.match === p.match;
}

/**
 * Headers that make earlier entries' `withoutHeaders` fail (an earlier rule for "every request
 * without x-canary" takes a plain request; sending x-canary avoids it), unless the entry itself
 * has a condition on that header.
 */
const INVERTS = new WeakMap<VirtualHost, boolean>();

function blockers(site: Site, e: RouteEntry, index: number): Record<string, string> {
  let inverts = INVERTS.get(site.vhost);
  if (inverts === undefined) {
    inverts = site.vhost.entries.some((x) => x.match.headers?.some((h) => h.invert) === true);
    INVERTS.set(site.vhost, inverts);
  }
  if (!inverts) return {};
  const own = new Set((e.match.headers ?? []).map((h) => h.name));
  const out: Record<string, string> = {};
  const entries = site.vhost.entries;
  for (let i = 0; i < index; i++) {
    for (const h of entries[i]?.match.headers ?? []) {
      if (!h.invert || own.has(h.name) || out[h.name] !== undefined) continue;
      const v = stringSamples(h.match, ['reach-witness']).find((x) => PRINTABLE.test(x) && x.trim() === x && x !== '');
      if (v !== undefined) out[h.name] = v;
      if (Object.keys(out).length >= 8) return out;
    }
  }
  return out;
}

/**
 * Every candidate witness built from `entry`'s conditions at `site` (its position `index` there),
 * unverified and unbounded: diff/ sends each to two tables and compares their answers.
 */
export function* candidateWitnesses(site: Site, entry: RouteEntry, index: number): Generator<{ readonly witness: WitnessRequest; readonly target: WitnessTarget }> {
  yield* withBlockers(candidates(site, entry), blockers(site, entry, index));
}

function* withBlockers(base: Iterable<Candidate>, extra: Record<string, string>): Generator<Candidate> {
  const some = Object.keys(extra).length > 0;
  for (const c of base) {
    yield c;
    if (some) yield { witness: { ...c.witness, headers: { ...extra, ...c.witness.headers } }, target: c.target };
  }
}

function* candidates(site: Site, e: RouteEntry): Generator<Candidate> {
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
        const target: WitnessTarget = { method, scheme: base, host, port, path: `${path}${query}` };
        const request = requestLine(target);
        for (const client of mesh) {
          yield { witness: { request, headers, gateway, mesh: client }, target };
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
export function shadowWitness(verifier: Verifier, site: Site, entry: RouteEntry, shadow: RouteEntry): WitnessRequest | null {
  let tries = 0;
  for (const c of candidates(site, entry)) {
    if (++tries > MAX_TRIES) return null;
    if (verifier.verify(site, c, shadow)) return c.witness;
  }
  return null;
}
