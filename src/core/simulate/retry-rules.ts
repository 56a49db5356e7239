/**
 * The timeouts and retry policy that govern a forwarded request's tries, per dialect.
 *
 * Gateway API (HTTPRoute, gateway-api.md §6.3–6.4; GEP-1742, GEP-1731 and the v1.6.1 field docs):
 * - `timeouts.request` spans the whole transaction, every try and backoff included; expiry → 504
 *   (conformance httproute-timeout-request). `timeouts.backendRequest` bounds each try. `0s`
 *   disables either; unset → the implementation's default (none here, noted).
 * - `retry.attempts` is the number of retries after the first try ("retried in addition to the
 *   initial request"); 0 disables. Retried: a status in `retry.codes`, and — "Implementations
 *   SHOULD retry on connection errors (disconnect, reset, timeout, TCP failure) if a retry stanza
 *   is configured" — a reset, a connection failure, a refused stream and a `backendRequest`
 *   timeout (GEP-1731: a try that reaches it is cancelled and the next one scheduled).
 * - `retry.backoff` is "the minimum duration a Gateway should wait between retry attempts": the
 *   simulator waits exactly that; unset → no wait (implementation-specific, noted).
 * - GRPCRoute has neither timeouts nor retry at v1.6.1 (GRPCRouteRule: name, matches, filters,
 *   backendRefs, sessionPersistence; gRPC retries are GEP-3440, provisional).
 *
 * Istio (istio.md §1.4; virtual_service.proto HTTPRoute/HTTPRetry; retry.go ConvertPolicy) is
 * Envoy's router: see envoy-retry.ts.
 */
import { parseDuration } from '../convert/duration.js';
import type { Note, RetryPolicy, RouteEntry } from '../compile/types.js';
import { envoyRetriable, envoyBackoffMs, istioCodes } from './envoy-retry.js';

/** What a try ended with, as the retry policy sees it. */
export type TryEnd =
  | { readonly kind: 'status'; readonly status: number | string }
  | { readonly kind: 'failure'; readonly failure: string }
  | { readonly kind: 'perTryTimeout' };

export interface RetryVerdict {
  readonly retry: boolean;
  /** e.g. `503 is in retry codes`, `200 is not in retry codes (500)`. */
  readonly why: string;
}

export interface TryPolicy {
  /** Retries allowed after the first try. */
  readonly retries: number;
  readonly requestTimeoutMs: number | null;
  readonly perTryTimeoutMs: number | null;
  /** How the request timeout is named in reasons (`timeouts.request 500ms`, `timeout 2s`). */
  readonly requestTimeoutName: string;
  readonly perTryTimeoutName: string;
  readonly verdict: (end: TryEnd) => RetryVerdict;
  /** The wait before retry `n` (1-based). */
  readonly backoffMs: (n: number) => number;
  /** Notes that hold once the policy is used with retries or timeouts that matter. */
  readonly notes: readonly Note[];
  /** Notes that hold only when a retry is made (backoff choices). */
  readonly retryNotes: readonly Note[];
}

/** No timeouts, no retries: a request sent straight to a Service, or a rule without policies. */
export const NO_POLICY: TryPolicy = {
  retries: 0,
  requestTimeoutMs: null,
  perTryTimeoutMs: null,
  requestTimeoutName: 'timeout',
  perTryTimeoutName: 'per-try timeout',
  verdict: () => ({ retry: false, why: 'no retry policy applies' }),
  backoffMs: () => 0,
  notes: [],
  retryNotes: [],
};

/** A duration in ms; `0s` (disabled) and unreadable values → null. */
export function durationMs(text: string | undefined): number | null {
  if (text === undefined) return null;
  const ms = text === '0' ? 0 : parseDuration(text);
  return ms === undefined || ms === 0 ? null : ms;
}

export function policyFor(entry: RouteEntry): TryPolicy {
  if (entry.dialect === 'istio') return istioPolicy(entry);
  if (entry.routeKind === 'GRPCRoute') {
    return { ...NO_POLICY, verdict: () => ({ retry: false, why: 'a GRPCRoute has no retry at v1.6.1' }), notes: [{ code: 'ImplementationSpecific', message: 'a GRPCRoute has no timeouts or retry in Gateway API v1.6.1 (gRPC retries are GEP-3440, provisional): the implementation\'s defaults apply; this simulator applies no timeout and no retry' }] };
  }
  return gatewayApiPolicy(entry);
}

function gatewayApiPolicy(entry: RouteEntry): TryPolicy {
  const t = entry.timeouts;
  const r = entry.retries;
  const notes: Note[] = [];
  if (t?.request === undefined) notes.push({ code: 'ImplementationSpecific', message: 'timeouts.request is not set: the request timeout is the implementation\'s default; this simulator applies none' });
  if (r === null) notes.push({ code: 'ImplementationSpecific', message: 'the rule has no retry: whether the implementation retries by default is not specified; this simulator does not retry' });
  const retries = r?.attempts ?? 0;
  const codes = r?.codes ?? [];
  return {
    retries,
    requestTimeoutMs: durationMs(t?.request),
    perTryTimeoutMs: durationMs(t?.backendRequest),
    requestTimeoutName: `timeouts.request ${t?.request ?? ''}`.trim(),
    perTryTimeoutName: `timeouts.backendRequest ${t?.backendRequest ?? ''}`.trim(),
    verdict: (end) => gatewayApiVerdict(end, r, codes),
    backoffMs: () => durationMs(r?.backoff) ?? 0,
    notes,
    retryNotes: r?.backoff === undefined
      ? [{ code: 'ImplementationSpecific', message: 'retry.backoff is not set: the wait between tries is implementation-specific; this simulator retries at once (Envoy-based implementations wait 0–24 ms before the first retry)' }]
      : [{ code: 'ImplementationSpecific', message: `retry.backoff ${r.backoff} is the minimum wait between tries; implementations may wait longer (exponential backoff, jitter); this simulator waits exactly ${r.backoff}` }],
  };
}

function gatewayApiVerdict(end: TryEnd, r: RetryPolicy | null, codes: readonly number[]): RetryVerdict {
  if (r === null) return { retry: false, why: 'the rule has no retry' };
  if (r.attempts <= 0) return { retry: false, why: 'retry.attempts is 0 or unset (unset: the implementation\'s default; none here)' };
  switch (end.kind) {
    case 'perTryTimeout':
      return { retry: true, why: 'a timed-out try is retried when a retry is configured' };
    case 'failure':
      return { retry: true, why: `${end.failure} is a connection error (retried when a retry is configured)` };
    case 'status': {
      const list = codes.length === 0 ? 'none' : codes.join(', ');
      return typeof end.status === 'number' && codes.includes(end.status)
        ? { retry: true, why: `${end.status} is in retry codes` }
        : { retry: false, why: `${end.status} is not in retry codes (${list})` };
    }
  }
}

function istioPolicy(entry: RouteEntry): TryPolicy {
  const r = entry.retries;
  const retryOn = r?.retryOn ?? [];
  const codes = istioCodes(r);
  const notes: Note[] = [];
  if (r !== null && codes.length > 0 && r.codes === undefined) {
    notes.push({ code: 'Info', message: 'retries without status codes in retryOn keep the mesh default retriable status code 503 (retry.go defaultPolicy; EXCLUDE_503_FROM_DEFAULT_RETRIES=true removes it)' });
  }
  return {
    retries: r?.attempts ?? 0,
    requestTimeoutMs: durationMs(entry.timeouts?.request),
    perTryTimeoutMs: durationMs(r?.perTryTimeout),
    requestTimeoutName: `timeout ${entry.timeouts?.request ?? ''}`.trim(),
    perTryTimeoutName: `retries.perTryTimeout ${r?.perTryTimeout ?? ''}`.trim(),
    verdict: (end) => (r === null || r.attempts <= 0 ? { retry: false, why: 'retries.attempts is 0' } : envoyRetriable(end, retryOn, codes)),
    backoffMs: (n) => envoyBackoffMs(n, durationMs(r?.backoff) ?? 25),
    notes,
    retryNotes: [{ code: 'ImplementationSpecific', message: 'Envoy waits a random, fully jittered backoff before each retry: in [0, (2^N−1)·25 ms) for retry N, capped at 250 ms; this simulator waits the top of that range (25, 75, 175, 250 ms…), the slowest case' }],
  };
}
