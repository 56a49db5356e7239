/**
 * Walks a vhost's ordered entries: the first whose match holds wins. Candidates come from the path
 * index (all entries when tracing everything); every candidate looked at gets a trace step with the
 * first reason it did not apply — or, after the winner, why it lost.
 */
import { precedenceReason } from '../compile/precedence.js';
import type { Note, RouteEntry, VirtualHost } from '../compile/types.js';
import { ecmaScriptDoubt, usesRegex } from './implementation-regex.js';
import { regexNote, tieNote } from './implementation-notes.js';
import { REGEX_NOTE } from '../compile/http-match.js';
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
    const odd = regexDivergence(e, v, why, notes);
    const step = e.provenance.match === null ? 'rule' : 'match';
    if (winner === null) {
      if (why === null) {
        winner = e;
        trace.push({ step, ref: entryRef(e), result: 'matched', reason: `every condition holds${odd}` });
      } else trace.push({ step, ref: entryRef(e), result: 'skipped', reason: why + odd });
      continue;
    }
    if (why !== null) {
      trace.push({ step, ref: entryRef(e), result: 'skipped', reason: why + odd });
      continue;
    }
    trace.push({ step, ref: entryRef(e), result: 'skipped', reason: `matches too${odd}, but ${entryRef(winner)} comes first (${loseReason(winner, e, v, notes)})` });
  }
  const skipped = vhost.entries.length - candidates.length;
  if (skipped > 0) trace.push({ step: 'vhost', ref: vhost.domain, result: 'skipped', reason: `${skipped} other entr${skipped === 1 ? 'y' : 'ies'} not looked at: their path conditions cannot match ${v.path}` });
  return winner;
}

function loseReason(winner: RouteEntry, loser: RouteEntry, v: RequestView, notes: Note[]): string {
  if (vhostOrder(winner) === 'first-match' || !winner.precedence || !loser.precedence) return 'first match wins';
  const why = precedenceReason(winner.precedence, loser.precedence);
  if (why === 'namespace/name order' && (winner.precedence.creationTimestamp === null || loser.precedence.creationTimestamp === null)) {
    notes.push({ code: 'AgeUnknown', message: `creationTimestamp unknown for ${winner.provenance.ref.name} or ${loser.provenance.ref.name}: precedence fell through to namespace/name` });
  }
  // Ties between routes: the target's implementation may break them otherwise (implementation-notes.ts).
  const tie = v.target && (why === 'older route' || why === 'namespace/name order') ? tieNote(v.target, entryRef(loser), entryRef(winner)) : null;
  if (tie) notes.push(tie);
  return why;
}

function vhostOrder(e: RouteEntry): 'precedence' | 'first-match' {
  return e.precedence === null ? 'first-match' : 'precedence';
}

/**
 * With a target whose implementation reads regexes otherwise: when the entry's verdict differs from
 * RE2 full match, the words the trace adds (and a note); '' when it does not.
 */
function regexDivergence(e: RouteEntry, v: RequestView, why: string | null, notes: Note[]): string {
  const t = v.target;
  if (!t || e.dialect !== 'gateway-api' || !usesRegex(e.match)) return '';
  // A regex was looked at for this request: its reading mattered, whether it held or not.
  notes.push(regexNote(t) ?? REGEX_NOTE);
  const impl = t.implementation;
  if (!impl) return '';
  const doubt = ecmaScriptDoubt(e.match, impl);
  if (doubt) notes.push(doubt);
  if (!v.regex || (whyNot(e, v, null) === null) === (why === null)) return '';
  const [now, core] = why === null ? ['holds', 'would not'] : ['does not hold', 'would'];
  // The dialect is said once, by the regex note above; this one names only the entry it decided.
  notes.push({ code: 'ImplementationSpecific', message: `${entryRef(e)} ${now} as ${impl.name} reads its regular expression; read as RE2 matching the whole value it ${core}` });
  return ` (as ${impl.name} reads the regex; RE2 full match would ${why === null ? 'not match' : 'match'})`;
}
