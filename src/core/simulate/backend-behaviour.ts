/**
 * The backend's behaviour as the user writes it (`--backend-status 503,503,200`,
 * `--backend-delay 2s` or `2s,0s`): one value per try, the last one repeating. The same words as
 * the Gateway API conformance echo backend's query (`responseCode`, `succeedAfter`, `delay`).
 */
import { parseDuration } from '../convert/duration.js';
import type { BackendAnswer, BackendBehaviour, ParseBackendBehaviourResult } from './types.js';

/** gRPC status names (grpc/grpc doc/statuscodes.md), answered by a gRPC backend as `grpc-status`. */
export const GRPC_STATUS_NAMES: readonly string[] = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** Failures before any response, named as Envoy's retry conditions name them (x-envoy-retry-on). */
export const CONNECTION_FAILURES: readonly string[] = ['reset', 'connect-failure', 'refused-stream'];

/** A backend that answers 200 at once: what the simulator assumes without a behaviour. */
export const ALWAYS_OK: BackendBehaviour = { statuses: [200], delaysMs: [0] };

/** The answer and delay of try `n` (1-based): the lists' n-th value, or their last. */
export function answerOf(b: BackendBehaviour, n: number): { status: BackendAnswer; delayMs: number } {
  return { status: b.statuses[Math.min(n, b.statuses.length) - 1] ?? 200, delayMs: b.delaysMs[Math.min(n, b.delaysMs.length) - 1] ?? 0 };
}

/**
 * Reads the two flags; either may be absent (statuses default to `200`, delays to `0s`). Errors
 * name the bad value, not the flag (the CLI and the app each say which field it came from).
 * Statuses: HTTP codes 100–599, gRPC status names (any case), `reset`, `connect-failure`,
 * `refused-stream`. Delays: durations such as `2s`, `500ms`, `1.5s`, `0s`, `0`.
 */
export function parseBackendBehaviour(statusText: string | undefined, delayText: string | undefined): ParseBackendBehaviourResult {
  const statuses: BackendAnswer[] = [];
  for (const word of listOf(statusText ?? '200')) {
    const s = readAnswer(word);
    if (s === null) return { ok: false, error: `"${word}" is not an HTTP status (100–599), a gRPC status name or one of ${CONNECTION_FAILURES.join(', ')}` };
    statuses.push(s);
  }
  if (statuses.length === 0) return { ok: false, error: 'give at least one status, e.g. 503,503,200' };
  const delaysMs: number[] = [];
  for (const word of listOf(delayText ?? '0s')) {
    const ms = word === '0' ? 0 : parseDuration(word);
    if (ms === undefined) return { ok: false, error: `"${word}" is not a duration such as 2s, 500ms or 1.5s` };
    delaysMs.push(ms);
  }
  if (delaysMs.length === 0) return { ok: false, error: 'give at least one duration, e.g. 2s' };
  return { ok: true, behaviour: { statuses, delaysMs } };
}

function listOf(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(',').map((w) => w.trim());
}

function readAnswer(word: string): BackendAnswer | null {
  if (/^[0-9]{3}$/.test(word)) {
    const n = Number(word);
    return n >= 100 && n <= 599 ? n : null;
  }
  const lower = word.toLowerCase();
  if (CONNECTION_FAILURES.includes(lower)) return lower;
  const upper = word.toUpperCase().replace(/-/g, '_');
  return GRPC_STATUS_NAMES.includes(upper) ? upper : null;
}
