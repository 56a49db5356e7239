/**
 * An HTTPRoute rule's timeouts and retry as the Gateway API defines them (gateway-api.md §6.3–6.4;
 * GEP-1742, GEP-1731 and the v1.6.1 HTTPRouteTimeouts / HTTPRouteRetry field docs): see
 * retry-rules.ts for the rules and README.md's table.
 */
import type { Note, RetryPolicy, RouteEntry } from '../compile/types.js';
import { durationMs, type RetryVerdict, type TryEnd, type TryPolicy } from './try-policy.js';

export function gatewayApiPolicy(entry: RouteEntry): TryPolicy {
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
