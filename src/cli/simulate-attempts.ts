/**
 * `--backend-status 503,503,200 --backend-delay 2s[,0s…]` (DESIGN.md "simulate"): the backend's
 * answer and time to answer for each try, the last value repeating; and their text in the answer.
 */
import { formatMs, parseBackendBehaviour, type BackendBehaviour, type Decision } from '../core/index.js';
import { UsageError, type ParsedArgs } from './args.js';

/** The behaviour the two flags give, or undefined when neither is given (every backend answers 200 at once). */
export function backendBehaviour(args: ParsedArgs): BackendBehaviour | undefined {
  const status = args.flags.get('backend-status')?.[0];
  const delay = args.flags.get('backend-delay')?.[0];
  if (status === undefined && delay === undefined) return undefined;
  const s = parseBackendBehaviour(status, undefined);
  if (!s.ok) throw new UsageError(`--backend-status: ${s.error}`);
  const d = parseBackendBehaviour(undefined, delay);
  if (!d.ok) throw new UsageError(`--backend-delay: ${d.error}`);
  return { statuses: s.behaviour.statuses, delaysMs: d.behaviour.delaysMs };
}

/** `  attempts:` with one line per try, then what the client gets and when; nothing without a behaviour. */
export function attemptLines(d: Decision): string[] {
  if (d.attempts === undefined || d.elapsedMs === undefined) return [];
  const lines = d.attempts.length === 0 ? [] : ['  attempts:'];
  for (const [i, a] of d.attempts.entries()) {
    lines.push(`    attempt ${i + 1}: ${String(a.status)} after ${formatMs(a.elapsedMs)} — ${a.retried ? `retried (${a.reason})` : a.reason}`);
  }
  lines.push(`  the client gets ${String(d.status)} after ${formatMs(d.elapsedMs)}`);
  return lines;
}

/** ` after 2.0 s` for an outcome with a time. */
export function outcomeTime(elapsedMs: number | undefined): string {
  return elapsedMs === undefined ? '' : `  after ${formatMs(elapsedMs)}`;
}
