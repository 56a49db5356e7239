/**
 * Per-rule policies (istio.md §1.4; route.go TranslateFault, MirrorPercent, retry.ConvertPolicy).
 * - fault: delay and abort inject only with a percentage (none = nothing injected).
 * - retries (retry.go defaultPolicy, ConvertPolicy): unset ⇒ the mesh default (2 retries on
 *   `connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes`, retriable status
 *   code 503); attempts 0 disables; a policy starts from the default: without `retryOn` it keeps
 *   the default conditions and 503, with `retryOn` its status codes replace 503 (and add
 *   `retriable-status-codes`); `backoff` is Envoy's base interval.
 * - mirror/mirrors: percentage unset ⇒ 100 %, an explicit 0 ⇒ no mirror.
 * - timeout: unset ⇒ none.
 */
import type { CorsPolicy, FaultInjection, Note, OriginMatch, RetryPolicy } from '../types.js';
import { toStringMatch } from './http-match.js';
import type { CorsModel, FaultModel, RetriesModel } from './model.js';

export const MESH_DEFAULT_RETRY: RetryPolicy = {
  attempts: 2,
  codes: [503],
  retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes'],
};

export function toFault(f: FaultModel | null): FaultInjection | null {
  if (f === null) return null;
  const abort = f.abort !== null && f.abort.percent > 0 && (f.abort.httpStatus !== null || f.abort.grpcStatus !== null)
    ? { abort: { httpStatus: f.abort.httpStatus, grpcStatus: f.abort.grpcStatus, percent: Math.min(100, f.abort.percent) } }
    : {};
  const delay = f.delay !== null && f.delay.percent > 0 && f.delay.fixedDelay !== null
    ? { delay: { fixedDelay: f.delay.fixedDelay, percent: Math.min(100, f.delay.percent) } }
    : {};
  return 'abort' in abort || 'delay' in delay ? { ...abort, ...delay } : null;
}

export function toRetries(r: RetriesModel | null): { retries: RetryPolicy | null; notes: Note[] } {
  if (r === null) return { retries: MESH_DEFAULT_RETRY, notes: [{ code: 'Info', message: 'no retries set: the mesh default retry policy applies (2 retries on connect-failure, refused-stream, unavailable, cancelled and status 503)' }] };
  if (r.attempts <= 0) return { retries: null, notes: [] };
  const parts = (r.retryOn ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const notes: Note[] = [];
  let codes = parts.filter((p) => /^\d{3}$/.test(p)).map(Number);
  let retryOn = parts.filter((p) => !/^\d{3}$/.test(p));
  if (parts.length === 0) {
    retryOn = [...(MESH_DEFAULT_RETRY.retryOn ?? [])];
    codes = [...(MESH_DEFAULT_RETRY.codes ?? [])];
    notes.push({ code: 'Info', message: 'retries without retryOn keep the mesh default conditions and its retriable status code 503 (EXCLUDE_503_FROM_DEFAULT_RETRIES=true removes the 503)' });
  } else if (codes.length > 0 && !retryOn.includes('retriable-status-codes')) retryOn.push('retriable-status-codes');
  return {
    retries: {
      attempts: r.attempts,
      ...(codes.length > 0 ? { codes } : {}),
      retryOn,
      ...(r.perTryTimeout === null ? {} : { perTryTimeout: r.perTryTimeout }),
      ...(r.backoff === null ? {} : { backoff: r.backoff }),
    },
    notes,
  };
}

/** Go/protobuf duration (`24h`, `1h30m`, `90s`, `1.5s`, `500ms`) → whole seconds, or null. */
export function durationSeconds(d: string | null): number | null {
  if (d === null) return null;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  const re = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(d); m !== null; m = re.exec(d)) {
    total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
    matched = re.lastIndex;
  }
  return matched === d.length && d.length > 0 ? Math.floor(total) : null;
}

export function toCors(c: CorsModel | null): CorsPolicy | null {
  if (c === null) return null;
  return {
    allowOrigins: c.allowOrigins.map((o): OriginMatch => toStringMatch(o)),
    allowMethods: c.allowMethods,
    allowHeaders: c.allowHeaders,
    exposeHeaders: c.exposeHeaders,
    maxAge: durationSeconds(c.maxAge),
    allowCredentials: c.allowCredentials,
    unmatchedPreflights: c.unmatchedPreflights,
  };
}
