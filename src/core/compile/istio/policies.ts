/**
 * Per-rule policies (istio.md §1.4; route.go TranslateFault, MirrorPercent, retry.ConvertPolicy).
 * - fault: delay and abort inject only with a percentage (none = nothing injected).
 * - retries (istio/istio pilot/pkg/networking/core/route/retry/retry.go defaultPolicy,
 *   ConvertPolicy): unset ⇒ the mesh default, 2 retries on `connect-failure,refused-stream,
 *   unavailable,cancelled,retriable-status-codes`; its retriable status codes depend on the release
 *   — 503 up to 1.23, none from 1.24 (features.Exclude503FromDefaultRetries, env
 *   EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY default true, releasenotes/notes/50506.yaml; the flag and
 *   the 503 are gone from 1.27, commit 748c90d41d4) — so the policy is marked `istioDefaultCodes`
 *   and the simulator resolves them for the target (target/istio-behaviour.ts). attempts 0
 *   disables; a policy starts from the default: without `retryOn` it keeps the default conditions
 *   and codes (newRetryPolicy at HEAD: no codes), with `retryOn` its status codes are the codes (and
 *   add `retriable-status-codes`); `backoff` is Envoy's base interval.
 * - mirror/mirrors: percentage unset ⇒ 100 %, an explicit 0 ⇒ no mirror.
 * - timeout: unset ⇒ none.
 */
import type { CorsPolicy, FaultInjection, Note, OriginMatch, RetryPolicy } from '../types.js';
import { toStringMatch } from './http-match.js';
import type { CorsModel, FaultModel, RetriesModel } from './model.js';

/** The mesh default retry policy; its status codes are the target release's (`istioDefaultCodes`). */
export const MESH_DEFAULT_RETRY: RetryPolicy = {
  attempts: 2,
  retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes'],
  istioDefaultCodes: true,
};

/** How the release decides the default's status codes, said in the notes of both uses of the default. */
const DEFAULT_CODES_BY_RELEASE = 'no status codes in Istio 1.24 and later; Istio 1.23 and earlier also retried 503 (EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY=false restored it in 1.24–1.26)';

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
  if (r === null) return { retries: MESH_DEFAULT_RETRY, notes: [{ code: 'Info', message: `no retries set: the mesh default retry policy applies (2 retries on connect-failure, refused-stream, unavailable and cancelled; retriable status codes by release: ${DEFAULT_CODES_BY_RELEASE})` }] };
  if (r.attempts <= 0) return { retries: null, notes: [] };
  const parts = (r.retryOn ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const notes: Note[] = [];
  const codes = parts.filter((p) => /^\d{3}$/.test(p)).map(Number);
  let retryOn = parts.filter((p) => !/^\d{3}$/.test(p));
  const byDefault = parts.length === 0;
  if (byDefault) {
    retryOn = [...(MESH_DEFAULT_RETRY.retryOn ?? [])];
    notes.push({ code: 'Info', message: `retries without retryOn keep the mesh default conditions (connect-failure, refused-stream, unavailable, cancelled) and its retriable status codes: ${DEFAULT_CODES_BY_RELEASE}` });
  } else if (codes.length > 0 && !retryOn.includes('retriable-status-codes')) retryOn.push('retriable-status-codes');
  return {
    retries: {
      attempts: r.attempts,
      ...(codes.length > 0 ? { codes } : {}),
      retryOn,
      ...(byDefault ? { istioDefaultCodes: true } : {}),
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
