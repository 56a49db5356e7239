/**
 * The candidate requests of a diff. For every site (gateway listener × virtual host, mesh Service
 * port) of either table, the reach analysis' witness requests of each route entry there (built
 * from its conditions: path boundaries, methods, header and query values, gRPC methods, mesh
 * clients; plus the headers that step past earlier `withoutHeaders` rules), each also without its
 * header and query conditions and, in the mesh, from every client namespace a route set of that
 * Service singles out. Then the parts of all of them at one site, in both versions, are crossed —
 * address × path × method × headers × mesh client — so a path boundary of one version meets a
 * header condition of the other. A site whose product exceeds CROSS_LIMIT sends only its entries'
 * own candidates, and the diff says it is not exhaustive there. TLS, TCP and UDP listeners get one
 * connection per server name (l4-candidates.ts). Requests are only built here; behaviour.ts sends
 * each to both tables.
 */
import { candidateWitnesses } from '../analyze/reach/witness.js';
import { RequestBuilder, requestLine, type WitnessTarget } from '../analyze/reach/witness-request.js';
import { hostCandidates, sitesOf, type Site } from '../analyze/reach/sites.js';
import { hostMatches } from '../compile/hostname.js';
import type { MeshService, RouteEntry, RouteTable } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import type { Request } from '../simulate/types.js';
import { l4Candidates } from './l4-candidates.js';

/** Candidates per entry and site: the reach analysis' own bound (its MAX_TRIES) and then some. */
const PER_ENTRY = 32;
/** Crossed candidates per site, at most. */
export const CROSS_LIMIT = 4_096;

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'VirtualService']);

export interface CandidateRequest {
  readonly witness: WitnessRequest;
  readonly request: Request;
}

export interface Candidates {
  readonly requests: readonly CandidateRequest[];
  /** Sites (`gateway NS/NAME listener L host H`, `mesh Service NS/NAME port P`) whose parts were too many to cross. */
  readonly uncrossed: readonly string[];
}

interface Candidate {
  readonly witness: WitnessRequest;
  readonly target: WitnessTarget;
}

/** One site's parts across both tables. */
class SiteParts {
  alike = true;
  readonly own: Candidate[] = [];
  readonly addresses = new Map<string, { scheme: string; host: string; port: number; gateway: string | null }>();
  readonly paths = new Set<string>();
  readonly methods = new Set<string>();
  readonly headers = new Map<string, Readonly<Record<string, string>>>();
  readonly clients = new Map<string, WitnessRequest['mesh']>();

  add(c: Candidate): void {
    this.own.push(c);
    const t = c.target;
    this.addresses.set(`${t.scheme}://${t.host}:${t.port} ${c.witness.gateway ?? ''}`, { scheme: t.scheme, host: t.host, port: t.port, gateway: c.witness.gateway });
    this.paths.add(t.path);
    this.methods.add(t.method);
    this.headers.set(JSON.stringify(c.witness.headers), c.witness.headers);
    this.clients.set(JSON.stringify(c.witness.mesh), c.witness.mesh);
  }

  /** Every address so far, also with this host name. */
  addHost(host: string): void {
    for (const a of [...this.addresses.values()]) this.addresses.set(`${a.scheme}://${host}:${a.port} ${a.gateway ?? ''}`, { ...a, host });
  }

  size(): number {
    return this.addresses.size * this.paths.size * this.methods.size * this.headers.size * this.clients.size;
  }

  *crossed(): Generator<Candidate> {
    for (const a of this.addresses.values()) {
      for (const path of this.paths) {
        for (const method of this.methods) {
          const target: WitnessTarget = { method, scheme: a.scheme, host: a.host, port: a.port, path };
          const request = requestLine(target);
          for (const headers of this.headers.values()) for (const mesh of this.clients.values()) yield { witness: { request, headers, gateway: a.gateway, mesh }, target };
        }
      }
    }
  }
}

/** The distinct candidate requests of these tables' sites; `skip` tells sites alike in both (same-sites.ts). */
export function candidateRequests(tables: readonly RouteTable[], skip: (site: Site) => boolean = () => false): Candidates {
  const clients = meshClientNamespaces(tables);
  const sites = new Map<string, SiteParts>();
  const all = tables.flatMap((t) => sitesOf(t).map((site) => ({ site, key: siteKey(site) })));
  for (const { site, key } of all) {
    let parts = sites.get(key);
    if (!parts) sites.set(key, (parts = new SiteParts()));
    if (parts.alike && !skip(site)) parts.alike = false;
  }
  // Only sites that differ somewhere are collected (most of a large design is alike in both).
  for (const { site, key } of all) {
    const parts = sites.get(key);
    if (parts && !parts.alike) collect(site, parts, clients.get(siteServiceKey(site)));
  }
  // A wildcard or catch-all virtual host also takes the names of the listener's other virtual
  // hosts (in either version) that it matches: a name one version serves exactly falls to the
  // wildcard in the other.
  const byListener = new Map<string, Set<string>>();
  for (const { site } of all) {
    if (site.kind !== 'gateway') continue;
    const lk = listenerKey(site);
    let names = byListener.get(lk);
    if (!names) byListener.set(lk, (names = new Set()));
    for (const h of hostCandidates(site)) names.add(h);
  }
  for (const { site, key } of all) {
    const parts = sites.get(key);
    if (site.kind !== 'gateway' || !parts || parts.alike || !(site.vhost.domain.startsWith('*') || site.vhost.domain === '')) continue;
    for (const h of byListener.get(listenerKey(site)) ?? []) if (hostMatches(site.vhost.domain, h)) parts.addHost(h);
  }
  const builder = new RequestBuilder();
  const seen = new Set<string>();
  const requests: CandidateRequest[] = [];
  const add = (c: Candidate): void => {
    const key = JSON.stringify([c.witness.request, c.witness.headers, c.witness.gateway, c.witness.mesh]);
    if (seen.has(key)) return;
    seen.add(key);
    const request = builder.build(c.target, c.witness.headers);
    if (request !== null) requests.push({ witness: c.witness, request });
  };
  const uncrossed: string[] = [];
  for (const [key, parts] of sites) {
    if (parts.alike) continue;
    if (parts.size() <= CROSS_LIMIT) for (const c of parts.crossed()) add(c);
    else {
      uncrossed.push(key);
      for (const c of parts.own) add(c);
    }
  }
  for (const table of tables) {
    for (const c of l4Candidates(table)) {
      const key = JSON.stringify([c.witness.request, c.witness.headers, c.witness.gateway, c.witness.mesh]);
      if (seen.has(key)) continue;
      seen.add(key);
      requests.push(c);
    }
  }
  return { requests, uncrossed };
}

/** The site's entries' own candidates (and a match-all entry's: plain requests), into `parts`. */
function collect(site: Site, parts: SiteParts, namespaces: ReadonlySet<string> | undefined): void {
  const entries = site.vhost.entries;
  for (let j = 0; j <= entries.length; j++) {
    // Past the last entry: a match-all one, so every site also sends plain requests (`/`, no
    // headers) — the ones a header-only rule added in the other version turns away.
    const e = j < entries.length ? (entries[j] as RouteEntry) : matchAll(entries[0]);
    if (e === null || !ROUTE_KINDS.has(e.routeKind) || (e.routeKind === 'VirtualService' && !e.provenance.path.startsWith('spec.http'))) continue;
    let n = 0;
    for (const c of candidateWitnesses(site, e, j)) {
      if (++n > PER_ENTRY) break;
      parts.add(c);
      // The same request without the entry's header and query conditions: where it goes
      // instead (the next rule, or none) is a boundary too.
      const q = c.target.path.indexOf('?');
      if (Object.keys(c.witness.headers).length > 0 || q !== -1) {
        const target = { ...c.target, path: q === -1 ? c.target.path : c.target.path.slice(0, q) };
        parts.add({ witness: { ...c.witness, request: requestLine(target), headers: {} }, target });
      }
      // Mesh: the same request from every client namespace that a route set of this Service's,
      // in either version, singles out (consumer routes, source namespaces).
      if (site.kind === 'mesh' && c.witness.mesh) {
        const mesh = c.witness.mesh;
        for (const ns of namespaces ?? []) parts.add({ witness: { ...c.witness, mesh: { ...mesh, from: `${ns}/reach-witness` } }, target: c.target });
      }
    }
  }
}

function siteKey(site: Site): string {
  if (site.kind === 'mesh') return `mesh ${serviceKey(site.service)} port ${site.port}`;
  return `gateway ${site.gateway.ref.namespace}/${site.gateway.ref.name} listener ${site.listener.name} host ${site.vhost.domain}`;
}

function listenerKey(site: Extract<Site, { kind: 'gateway' }>): string {
  return `${site.gateway.ref.namespace}/${site.gateway.ref.name} ${site.listener.name}`;
}

function siteServiceKey(site: Site): string {
  return site.kind === 'mesh' ? serviceKey(site.service) : '';
}

function serviceKey(s: MeshService): string {
  return `${s.ref.kind} ${s.ref.namespace}/${s.ref.name}`;
}

/** Per mesh Service, the client namespaces its route sets (in any of the tables) tell apart. */
function meshClientNamespaces(tables: readonly RouteTable[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of tables) {
    for (const s of t.mesh.services.values()) {
      const key = serviceKey(s);
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set(['reach-client', s.ref.namespace])));
      for (const p of s.ports) {
        for (const rs of p.routeSets) {
          if (rs.scope.kind === 'consumer') set.add(rs.scope.namespace);
          for (const e of rs.vhost.entries) if (e.match.source?.namespace !== undefined) set.add(e.match.source.namespace);
        }
      }
    }
  }
  return out;
}

/** An entry like `e` that matches every request (its kind and site kept), or null without one. */
function matchAll(e: RouteEntry | undefined): RouteEntry | null {
  return e === undefined ? null : { ...e, match: {} };
}
