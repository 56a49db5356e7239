/**
 * What governs a forwarded request's tries (attempts.ts): its timeouts, how many retries, which
 * try endings are retried, the wait before each retry, and the notes that say what was chosen
 * where the spec leaves a choice. Built per dialect by retry-rules.ts.
 */
import { parseDuration } from '../convert/duration.js';
import type { Note } from '../compile/types.js';

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
