/**
 * Walks a vhost's ordered entries: the first whose match holds wins. Candidates come from the path
 * index (all entries when tracing everything); every candidate looked at gets a trace step with the
 * first reason it did not apply — or, after the winner, why it lost.
 */
import { precedenceReason } from '../compile/precedence.js';
import type { Note, RouteEntry, VirtualHost } from '../compile/types.js';
import { whyNot } from './match/entry-match.js';
import { pathCandidates } from './path-candidates.js';
import type { RequestView } from './request-view.js';
import type { TraceStep } from './types.js';

/** Vhosts this small are traced entry by entry even when the index would skip entries. */
export const TRACE_ALL_LIMIT = 64;

/**
 * `HTTPRoute shop/cart rule 2 match 1`: rules and matches are numbered from 1, as the inspector and
 * the canvas number them (the decision's `rule` and `match` fields stay 0-based indices).
 */
export function entryRef(e: RouteEntry): string {
  const p = e.provenance;
  const rule = p.rule === null ? '' : ` rule ${p.rule + 1}`;
  const match = p.match === null ? '' : ` match ${p.match + 1}`;
  return `${e.routeKind} ${p.ref.namespace}/${p.ref.name}${rule}${match}`;
}

export function walkVhost(vhost: VirtualHost, v: RequestView, traceAll: boolean | undefined, trace: TraceStep[], notes: Note[]): RouteEntry | null {
  const all = traceAll ?? vhost.entries.length <= TRACE_ALL_LIMIT;
  const candidates = all ? vhost.entries.map((_, i) => i) : pathCandidates(vhost.pathIndex, v.path);
  let winner: RouteEntry | null = null;
  for (const i of candidates) {
    const e = vhost.entries[i];
    if (!e) continue;
    const why = whyNot(e, v);
    const step = e.provenance.match === null ? 'rule' : 'match';
    if (winner === null) {
      if (why === null) {
        winner = e;
        trace.push({ step, ref: entryRef(e), result: 'matched', reason: 'every condition holds' });
      } else trace.push({ step, ref: entryRef(e), result: 'skipped', reason: why });
      continue;
    }
    if (why !== null) {
      trace.push({ step, ref: entryRef(e), result: 'skipped', reason: why });
      continue;
    }
    trace.push({ step, ref: entryRef(e), result: 'skipped', reason: `matches too, but ${entryRef(winner)} comes first (${loseReason(winner, e, notes)})` });
  }
  const skipped = vhost.entries.length - candidates.length;
  if (skipped > 0) trace.push({ step: 'vhost', ref: vhost.domain, result: 'skipped', reason: `${skipped} other entr${skipped === 1 ? 'y' : 'ies'} not looked at: their path conditions cannot match ${v.path}` });
  return winner;
}

function loseReason(winner: RouteEntry, loser: RouteEntry, notes: Note[]): string {
  if (vhostOrder(winner) === 'first-match' || !winner.precedence || !loser.precedence) return 'first match wins';
  const why = precedenceReason(winner.precedence, loser.precedence);
  if (why === 'namespace/name order' && (winner.precedence.creationTimestamp === null || loser.precedence.creationTimestamp === null)) {
    notes.push({ code: 'AgeUnknown', message: `creationTimestamp unknown for ${winner.provenance.ref.name} or ${loser.provenance.ref.name}: precedence fell through to namespace/name` });
  }
  return why;
}

function vhostOrder(e: RouteEntry): 'precedence' | 'first-match' {
  return e.precedence === null ? 'first-match' : 'precedence';
}
