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
import type { Note, RetryPolicy, RouteEntry } from '../compile/types.js';
import { istioDefaultRetriableCodes } from '../target/istio-behaviour.js';
import { durationMs, type RetryVerdict, type TryEnd, type TryPolicy } from './try-policy.js';

const GRPC_CONDITIONS: Readonly<Record<string, string>> = {
  cancelled: 'CANCELLED',
  'deadline-exceeded': 'DEADLINE_EXCEEDED',
  internal: 'INTERNAL',
  'resource-exhausted': 'RESOURCE_EXHAUSTED',
  unavailable: 'UNAVAILABLE',
};

/**
 * The retriable status codes Envoy gets: the compiled policy's, or — where it keeps the mesh
 * default's (`istioDefaultCodes`: no retries set, or retries without retryOn) — those of the
 * target's Istio release (`istio`, null = the newest): none from 1.24, 503 before (istio/istio
 * retry.go defaultPolicy; compile/istio/policies.ts).
 */
export function istioCodes(r: RetryPolicy | null, istio: string | null): readonly number[] {
  if (r?.istioDefaultCodes === true) return istioDefaultRetriableCodes(istio);
  return r?.codes ?? [];
}

/** The rule's retry policy as the answer shows it: the mesh default's codes resolved for the release. */
export function istioRetriesShown(r: RetryPolicy, istio: string | null): RetryPolicy {
  if (r.istioDefaultCodes !== true) return { ...r };
  const { istioDefaultCodes: _marker, ...rest } = r;
  const codes = istioDefaultRetriableCodes(istio);
  return codes.length > 0 ? { ...rest, codes } : rest;
}

/** Which release's default status codes the simulator used, said once the policy matters. */
function defaultCodesNote(istio: string | null): Note {
  const codes = istioDefaultRetriableCodes(istio);
  const release = istio === null ? 'the newest Istio (1.24 and later; no --target istio=)' : `Istio ${istio} (--target istio=${istio})`;
  const which = codes.length === 0
    ? 'no retriable status code: a 503 is not retried (503 left the default in 1.24, EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY; gone from 1.27)'
    : `retriable status code ${codes.join(', ')} (until 1.23; 1.24 dropped it)`;
  return { code: 'Info', message: `the mesh default retry policy of ${release} has ${which}` };
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

/**
 * A VirtualService rule's `timeout` and `retries` (retry.go ConvertPolicy; the mesh default when
 * unset), for the target's Istio release (`istio`, null = the newest).
 */
export function istioPolicy(entry: RouteEntry, istio: string | null): TryPolicy {
  const r = entry.retries;
  const retryOn = r?.retryOn ?? [];
  const codes = istioCodes(r, istio);
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
    notes: r?.istioDefaultCodes === true && r.attempts > 0 ? [defaultCodesNote(istio)] : [],
    retryNotes: [
      {
        code: 'ImplementationSpecific',
        message: `Envoy waits a random, fully jittered backoff before each retry: in [0, (2^N−1)·${base} ms) for retry N, capped at ${10 * base} ms; this simulator waits the top of that range (${tops} ms…), the slowest case`,
      },
    ],
  };
}
