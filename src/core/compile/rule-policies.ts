/** Rule timeouts (gateway-api.md §6.3) and retry (§6.4, experimental channel). */
import { arr, num, rec, str } from './read.js';
import type { RetryPolicy, Timeouts } from './types.js';

export function readTimeouts(raw: unknown): Timeouts | null {
  if (raw === undefined) return null;
  const t = rec(raw);
  const request = str(t.request);
  const backendRequest = str(t.backendRequest);
  if (request === null && backendRequest === null) return null;
  return { ...(request === null ? {} : { request }), ...(backendRequest === null ? {} : { backendRequest }) };
}

export function readRetry(raw: unknown): RetryPolicy | null {
  if (raw === undefined) return null;
  const r = rec(raw);
  const codes = arr(r.codes).filter((c): c is number => typeof c === 'number');
  const backoff = str(r.backoff);
  return {
    attempts: num(r.attempts) ?? 0,
    ...(codes.length > 0 ? { codes } : {}),
    ...(backoff === null ? {} : { backoff }),
  };
}
