/**
 * Istio sidecar connections (TCP, TLS) on one Service port: which filter chain takes them.
 * - TLS port (compile/istio/mesh-tls.ts): the chains are the `tls` matches whose static predicates
 *   hold for this client (`sourceLabels`, `sourceNamespace`: tls.go `matchTLS`); a chain repeating
 *   the SNI names and subnets of an earlier one is never built (`hashRuntimeTLSMatchPredicates`).
 *   Envoy then picks by SNI (envoy listener `filter_chain_match`: `server_names` — an exact name
 *   before the longest matching `*.suffix` wildcard); `*` is taken as any name, last, as on the
 *   gateway side (compile/istio/gateway-table.ts). With chains but none for the SNI the connection is
 *   closed: the default chain to the Service exists only when no `tls` match applies.
 * - Plain port (mesh-tcp.ts): the first `tcp` rule that applies, in order (walk-vhost.ts).
 * `destinationSubnets` select by the Service's ClusterIP, which the design does not hold: a match
 * with subnets is taken to include it, and a note says so.
 */
import type { Note, RouteEntry, VirtualHost } from '../compile/types.js';
import { whyNotMatch } from './match/entry-match.js';
import type { RequestView } from './request-view.js';
import type { TraceStep } from './types.js';
import { entryRef, walkVhost } from './walk-vhost.js';

export interface MeshL4Walk {
  readonly entry: RouteEntry | null;
  /** A TLS port with chains for this client: no chain for the SNI closes the connection. */
  readonly closes: boolean;
}

export function walkIstioL4(vhost: VirtualHost, v: RequestView, traceAll: boolean | undefined, trace: TraceStep[], notes: Note[]): MeshL4Walk {
  const tls = vhost.entries.some((e) => e.match.sniHosts !== undefined);
  const walk = tls ? pickChain(vhost.entries, v, trace) : { entry: walkVhost(vhost, v, traceAll, trace, notes), chains: 0 };
  const subnets = walk.entry?.match.destinationSubnets;
  if (subnets && subnets.length > 0) notes.push({ code: 'Simplified', message: `destinationSubnets ${subnets.join(', ')}: the Service's ClusterIP is not in the design; taken to be inside` });
  return { entry: walk.entry, closes: walk.entry === null && walk.chains > 0 };
}

const CHAIN = 'a filter chain of this port';

/** The filter chain Envoy gives this SNI, or null; every chain looked at is traced. */
function pickChain(entries: readonly RouteEntry[], v: RequestView, trace: TraceStep[]): { entry: RouteEntry | null; chains: number } {
  const sni = v.request.sni;
  const seen = new Map<string, RouteEntry>();
  const chains: RouteEntry[] = [];
  for (const e of entries) {
    const why = whyNotMatch(e.match, v);
    if (why !== null) {
      trace.push({ step: 'match', ref: entryRef(e), result: 'skipped', reason: `${why}: no filter chain is built for this client` });
      continue;
    }
    const key = `${(e.match.sniHosts ?? []).join(',')}|${(e.match.destinationSubnets ?? []).join(',')}`;
    const first = seen.get(key);
    if (first) {
      trace.push({ step: 'match', ref: entryRef(e), result: 'skipped', reason: `the same SNI names as ${entryRef(first)}, which comes first: never reached` });
      continue;
    }
    seen.set(key, e);
    chains.push(e);
  }
  let best: { e: RouteEntry; rank: number } | null = null;
  for (const e of chains) {
    const rank = sni === null ? -1 : Math.max(-1, ...(e.match.sniHosts ?? []).map((h) => sniRank(h, sni)));
    if (rank >= 0 && (best === null || rank > best.rank)) best = { e, rank };
  }
  for (const e of chains) {
    const names = (e.match.sniHosts ?? []).join(', ');
    if (best?.e === e) trace.push({ step: 'match', ref: entryRef(e), result: 'matched', reason: `SNI ${sni ?? ''} is one of ${names}` });
    else if (best === null) trace.push({ step: 'match', ref: entryRef(e), result: 'skipped', reason: sni === null ? `${CHAIN} expects an SNI (${names}); the connection sends none` : `${CHAIN} is for ${names}, not ${sni}` });
    else trace.push({ step: 'match', ref: entryRef(e), result: 'skipped', reason: `SNI ${sni ?? ''} ${e.match.sniHosts?.some((h) => sniRank(h, sni ?? '') >= 0) ? `fits ${names} too, but ${entryRef(best.e)} names it more exactly` : `is not one of ${names}`}` });
  }
  return { entry: best?.e ?? null, chains: chains.length };
}

/** How exactly a server name takes the SNI: exact > longer wildcard > shorter > `*`; -1: not at all. */
function sniRank(name: string, sni: string): number {
  if (name === sni) return 1_000_000;
  if (name === '*') return 0;
  if (name.startsWith('*.') && sni.endsWith(name.slice(1)) && sni.length > name.length - 1) return name.length;
  return -1;
}
