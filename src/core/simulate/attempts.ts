/**
 * The tries of one forwarded request: the backend answers try n with the n-th status after the
 * n-th delay (backend-behaviour.ts); the policy (retry-rules.ts) cuts a try at the per-try timeout,
 * the whole request at the request timeout (which spans every try and backoff: GEP-1731, Envoy
 * router_filter.rst "The route timeout … includes all retries"), and decides each retry.
 * An answer arriving exactly at a timeout counts as in time.
 */
import { answerOf, CONNECTION_FAILURES } from './backend-behaviour.js';
import { grpcStatusOf } from './grpc-status.js';
import type { TryEnd, TryPolicy } from './try-policy.js';
import type { Attempt, BackendBehaviour, RequestProtocol } from './types.js';

export interface TryRun {
  readonly attempts: readonly Attempt[];
  /** What the client gets. */
  readonly status: number | string;
  /** When the client gets it, in ms since the proxy received the request. */
  readonly elapsedMs: number;
  /** Why the client gets a failure; absent on success. */
  readonly reason?: string;
}

/** Tries from `startMs` on (later than 0 when a fault delay came first: `startNote` says so). */
export function runTries(policy: TryPolicy, b: BackendBehaviour, protocol: RequestProtocol, startMs = 0, startNote = ''): TryRun {
  const attempts: Attempt[] = [];
  const deadline = policy.requestTimeoutMs === null ? Infinity : startMs + policy.requestTimeoutMs;
  const timedOut = (): TryRun => ({ attempts, status: clientStatus({ kind: 'perTryTimeout' }, protocol), elapsedMs: deadline, reason: `${policy.requestTimeoutName} exceeded: the proxy answers 504` });
  let t = startMs;
  for (let n = 1; ; n++) {
    const { status: answer, delayMs } = answerOf(b, n);
    const first = n === 1 && startNote !== '' ? `${startNote}; ` : '';
    const perTryEnd = policy.perTryTimeoutMs === null ? Infinity : t + policy.perTryTimeoutMs;
    if (t + delayMs > deadline && deadline <= perTryEnd) {
      attempts.push({ status: 504, elapsedMs: deadline, retried: false, reason: `${first}${policy.requestTimeoutName} reached before the backend answered: the request timeout spans every try and is never retried` });
      return timedOut();
    }
    const cut = t + delayMs > perTryEnd;
    const end: TryEnd = cut ? { kind: 'perTryTimeout' } : typeof answer === 'string' && CONNECTION_FAILURES.includes(answer) ? { kind: 'failure', failure: answer } : { kind: 'status', status: answer };
    const endAt = cut ? perTryEnd : t + delayMs;
    const got = cut ? 504 : answer;
    const what = `${first}${cut ? `${policy.perTryTimeoutName} reached: ` : ''}`;
    const v = policy.verdict(end);
    if (isSuccess(end)) {
      attempts.push({ status: got, elapsedMs: endAt, retried: false, reason: `${what}the answer goes to the client` });
      return { attempts, status: clientStatus(end, protocol), elapsedMs: endAt };
    }
    if (v.retry && n <= policy.retries) {
      const wait = policy.backoffMs(n);
      if (endAt + wait >= deadline) {
        attempts.push({ status: got, elapsedMs: endAt, retried: false, reason: `${what}${v.why}, but ${policy.requestTimeoutName} ends before the retry${wait > 0 ? ` (after a ${formatMs(wait)} backoff)` : ''}` });
        return timedOut();
      }
      attempts.push({ status: got, elapsedMs: endAt, retried: true, reason: `${what}${v.why}; retry ${n} of ${policy.retries}${wait > 0 ? ` after a ${formatMs(wait)} backoff` : ''}` });
      t = endAt + wait;
      continue;
    }
    const why = v.retry ? `${v.why}, but no retries are left (${policy.retries} of ${policy.retries} used)` : v.why;
    attempts.push({ status: got, elapsedMs: endAt, retried: false, reason: `${what}not retried: ${why}` });
    return { attempts, status: clientStatus(end, protocol), elapsedMs: endAt, reason: failureReason(end, n, policy) };
  }
}

function isSuccess(end: TryEnd): boolean {
  if (end.kind !== 'status') return false;
  return end.status === 'OK' || (typeof end.status === 'number' && end.status < 400);
}

/**
 * What the client reads: the backend's status; a connection failure → 503 (Envoy's "upstream
 * connect error or disconnect/reset before headers"); a per-try timeout → 504 ("upstream request
 * timeout"). A gRPC client reads an HTTP status through grpc-status.ts (200 → OK).
 */
export function clientStatus(end: TryEnd, protocol: RequestProtocol): number | string {
  const http = end.kind === 'perTryTimeout' ? 504 : end.kind === 'failure' ? 503 : end.status;
  if (protocol !== 'grpc' || typeof http === 'string') return http;
  return http === 200 ? 'OK' : grpcStatusOf(http);
}

function failureReason(end: TryEnd, tries: number, policy: TryPolicy): string {
  const after = tries > 1 ? ` (after ${tries} tries)` : '';
  if (end.kind === 'perTryTimeout') return `${policy.perTryTimeoutName} exceeded${after}: the proxy answers 504`;
  if (end.kind === 'failure') return `${end.failure} from the backend${after}: the proxy answers 503`;
  return `the backend answered ${String(end.status)}${after}`;
}

/** `250 ms`, `2.0 s`, `1.225 s`: seconds from 1 s on, with the decimals the value needs (one at least). */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms * 1000) / 1000} ms`;
  const s = (ms / 1000).toFixed(3).replace(/0+$/, '');
  return `${s.endsWith('.') ? `${s}0` : s} s`;
}
