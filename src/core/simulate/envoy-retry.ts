/**
 * Envoy's retry conditions as Istio programs them (router_filter.rst x-envoy-retry-on and
 * x-envoy-retry-grpc-on; retry_state_impl.cc wouldRetryFromHeaders / wouldRetryFromReset):
 * - `5xx`: any 5xx, or no response at all (reset, connection failure, refused stream, per-try
 *   timeout); `gateway-error`: 502, 503, 504 and, like 5xx, no response at all;
 * - `reset`: no response at all (disconnect, reset, read timeout); `reset-before-request`: only
 *   when the request was never sent (a connection failure);
 * - `connect-failure`: a connection failure only; `refused-stream`: REFUSED_STREAM only;
 * - `retriable-4xx`: 409; `retriable-status-codes`: the statuses listed in retryOn;
 * - gRPC: `cancelled`, `deadline-exceeded`, `internal`, `resource-exhausted`, `unavailable` match
 *   the grpc-status of a response (Envoy reads it in headers, i.e. a trailers-only response).
 * A per-try timeout resets the try and is retried like a reset (router.cc onPerTryTimeout →
 * maybeRetryReset). The route timeout is never retried ("Envoy will not retry when a request
 * exceeds x-envoy-upstream-rq-timeout-ms").
 */
import type { RetryPolicy, RouteEntry } from '../compile/types.js';
import { durationMs, type RetryVerdict, type TryEnd, type TryPolicy } from './try-policy.js';

const GRPC_CONDITIONS: Readonly<Record<string, string>> = {
  cancelled: 'CANCELLED',
  'deadline-exceeded': 'DEADLINE_EXCEEDED',
  internal: 'INTERNAL',
  'resource-exhausted': 'RESOURCE_EXHAUSTED',
  unavailable: 'UNAVAILABLE',
};

/**
 * The retriable status codes Envoy gets: the compiled policy's (compile/istio/policies.ts keeps
 * the mesh default's 503 where retry.go's ConvertPolicy keeps it).
 */
export function istioCodes(r: RetryPolicy | null): readonly number[] {
  return r?.codes ?? [];
}

export function envoyRetriable(end: TryEnd, retryOn: readonly string[], codes: readonly number[]): RetryVerdict {
  const on = (c: string): boolean => retryOn.includes(c);
  const list = `retryOn ${retryOn.join(',') || '(empty)'}`;
  const yes = (cond: string, what: string): RetryVerdict => ({ retry: true, why: `${what} matches retryOn ${cond}` });
  if (end.kind === 'perTryTimeout' || end.kind === 'failure') {
    const what = end.kind === 'perTryTimeout' ? 'the per-try timeout' : end.failure;
    for (const c of ['5xx', 'gateway-error', 'reset']) if (on(c)) return yes(c, what);
    if (end.kind === 'failure' && on(end.failure)) return yes(end.failure, what);
    if (end.kind === 'failure' && end.failure === 'connect-failure' && on('reset-before-request')) return yes('reset-before-request', what);
    return { retry: false, why: `${what} is not retried under ${list}` };
  }
  const s = end.status;
  if (typeof s === 'number') {
    if (on('5xx') && s >= 500 && s <= 599) return yes('5xx', String(s));
    if (on('gateway-error') && (s === 502 || s === 503 || s === 504)) return yes('gateway-error', String(s));
    if (on('retriable-4xx') && s === 409) return yes('retriable-4xx', String(s));
    if (on('retriable-status-codes') && codes.includes(s)) return { retry: true, why: `${s} matches retryOn retriable-status-codes (${codes.join(', ')})` };
    return { retry: false, why: `${s} is not retried under ${list}${on('retriable-status-codes') ? ` (retriable codes: ${codes.join(', ') || 'none'})` : ''}` };
  }
  for (const [cond, name] of Object.entries(GRPC_CONDITIONS)) if (on(cond) && s === name) return yes(cond, s);
  return { retry: false, why: `${s} is not retried under ${list}` };
}

/**
 * The longest backoff Envoy may wait before retry `n` (router_filter.rst: "fully jittered
 * exponential back-off … in the range [0, (2^N−1)·B)", capped at 10·B by default).
 */
export function envoyBackoffMs(n: number, baseMs: number): number {
  return Math.min((2 ** n - 1) * baseMs, 10 * baseMs);
}

/** A VirtualService rule's `timeout` and `retries` (retry.go ConvertPolicy; the mesh default when unset). */
export function istioPolicy(entry: RouteEntry): TryPolicy {
  const r = entry.retries;
  const retryOn = r?.retryOn ?? [];
  const codes = istioCodes(r);
  // Envoy's base interval: the rule's retries.backoff, else 25 ms (router_filter.rst).
  const base = durationMs(r?.backoff) ?? 25;
  const tops = [1, 2, 3, 4].map((n) => `${envoyBackoffMs(n, base)}`).join(', ');
  return {
    retries: r?.attempts ?? 0,
    requestTimeoutMs: durationMs(entry.timeouts?.request),
    perTryTimeoutMs: durationMs(r?.perTryTimeout),
    requestTimeoutName: `timeout ${entry.timeouts?.request ?? ''}`.trim(),
    perTryTimeoutName: `retries.perTryTimeout ${r?.perTryTimeout ?? ''}`.trim(),
    verdict: (end) => (r === null || r.attempts <= 0 ? { retry: false, why: 'retries.attempts is 0' } : envoyRetriable(end, retryOn, codes)),
    backoffMs: (n) => envoyBackoffMs(n, base),
    notes: [],
    retryNotes: [
      {
        code: 'ImplementationSpecific',
        message: `Envoy waits a random, fully jittered backoff before each retry: in [0, (2^N−1)·${base} ms) for retry N, capped at ${10 * base} ms; this simulator waits the top of that range (${tops} ms…), the slowest case`,
      },
    ],
  };
}
