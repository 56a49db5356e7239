/**
 * The candidate requests of a diff: for every site (gateway listener × virtual host, mesh Service
 * port × route set) of either table, and every route entry there, the witness requests the reach
 * analysis builds from that entry's conditions (path boundaries, methods, header and query
 * values, gRPC methods, mesh clients; plus the headers that step past earlier `withoutHeaders`
 * rules), and for TLS passthrough, TCP and UDP one connection per server name (l4-candidates.ts).
 * Requests are only built here; behaviour.ts sends each to both tables. Any request whose
 * answer differs meets some entry's conditions in one version (or lands where it did not), so the
 * union of both tables' boundaries covers every change those boundaries can show.
 */
import { candidateWitnesses } from '../analyze/reach/witness.js';
import { RequestBuilder } from '../analyze/reach/witness-request.js';
import { sitesOf, type Site } from '../analyze/reach/sites.js';
import type { RouteEntry, RouteTable } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import type { Request } from '../simulate/types.js';
import { l4Candidates } from './l4-candidates.js';

/** Candidates per entry and site: the reach analysis' own bound (its MAX_TRIES) and then some. */
const PER_ENTRY = 32;

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'VirtualService']);

export interface CandidateRequest {
  readonly witness: WitnessRequest;
  readonly request: Request;
}

/** The distinct candidate requests of these tables' sites, in the order they are first met. */
export function candidateRequests(tables: readonly RouteTable[], skip: (site: Site) => boolean = () => false): CandidateRequest[] {
  const builder = new RequestBuilder();
  const seen = new Set<string>();
  const out: CandidateRequest[] = [];
  for (const table of tables) {
    for (const site of sitesOf(table)) {
      if (skip(site)) continue;
      const entries = site.vhost.entries;
      for (let j = 0; j < entries.length; j++) {
        const e = entries[j] as RouteEntry;
        if (!ROUTE_KINDS.has(e.routeKind) || (e.routeKind === 'VirtualService' && !e.provenance.path.startsWith('spec.http'))) continue;
        let n = 0;
        for (const c of candidateWitnesses(site, e, j)) {
          if (++n > PER_ENTRY) break;
          const key = witnessKey(c.witness);
          if (seen.has(key)) continue;
          seen.add(key);
          const request = builder.build(c.target, c.witness.headers);
          if (request !== null) out.push({ witness: c.witness, request });
        }
      }
    }
    for (const c of l4Candidates(table)) {
      const key = witnessKey(c.witness);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

function witnessKey(w: WitnessRequest): string {
  return JSON.stringify([w.request, w.headers, w.gateway, w.mesh]);
}
