/**
 * Weighted backends → outcomes (gateway-api.md §6.2): share = weight / sum of weights; an invalid
 * backend keeps its share, which fails (HTTP 500, gRPC UNAVAILABLE, L4 rejected/dropped); weight 0
 * gets nothing; no backends → every request fails; all weights 0 → fails too, which the API leaves
 * to the implementation (noted).
 */
import type { BackendTarget, FaultInjection, Note } from '../compile/types.js';
import { grpcStatusOf } from './grpc-status.js';
import type { DecisionBackend, Outcome, RequestProtocol } from './types.js';

export interface Statuses {
  readonly ok: number | string;
  readonly fail: number | string;
  readonly noMatch: number | string;
}

export function statusesFor(protocol: RequestProtocol): Statuses {
  switch (protocol) {
    case 'http':
      return { ok: 200, fail: 500, noMatch: 404 };
    case 'grpc':
      return { ok: 'OK', fail: 'UNAVAILABLE', noMatch: 'UNIMPLEMENTED' };
    case 'udp':
      return { ok: 'DELIVERED', fail: 'DROPPED', noMatch: 'DROPPED' };
    default:
      return { ok: 'CONNECTED', fail: 'REJECTED', noMatch: 'REJECTED' };
  }
}

export function forwardOutcomes(backends: readonly BackendTarget[], s: Statuses, notes: Note[]): { outcomes: Outcome[]; backends: DecisionBackend[] } {
  if (backends.length === 0) return { outcomes: [{ probability: 1, status: s.fail, reason: 'the rule has no backendRefs: there is nowhere to send the request' }], backends: [] };
  const total = backends.reduce((sum, b) => sum + Math.max(0, b.weight), 0);
  const list: DecisionBackend[] = backends.map((b) => ({
    kind: b.ref.kind,
    namespace: b.ref.namespace,
    name: b.ref.name,
    port: b.port,
    subset: b.subset,
    weight: b.weight,
    probability: total === 0 ? 0 : round(Math.max(0, b.weight) / total),
    ...(b.problem ? { problem: `${b.problem.reason}: ${b.problem.message}` } : {}),
  }));
  if (total === 0) {
    notes.push({ code: 'ImplementationSpecific', message: 'every backend has weight 0: the API does not say what happens; this simulator answers 500 (implementations answer 500 or 503)' });
    return { outcomes: [{ probability: 1, status: s.fail, reason: 'every backend has weight 0' }], backends: list };
  }
  const outcomes: Outcome[] = [];
  for (const [i, b] of backends.entries()) {
    const p = list[i]?.probability ?? 0;
    if (p === 0) continue;
    const failed = filterError(b, s);
    const o: Outcome = b.problem ? { probability: p, status: s.fail, reason: `${b.problem.reason}: ${b.problem.message}` } : failed ? { probability: p, ...failed } : { probability: p, status: s.ok };
    const same = outcomes.find((x) => x.status === o.status && x.reason === o.reason);
    if (same) outcomes[outcomes.indexOf(same)] = { ...same, probability: round(same.probability + p) };
    else outcomes.push(o);
  }
  return { outcomes, backends: list };
}

/**
 * A backend whose own filters include one that fails (an unresolvable ExtensionRef, http-filters.ts)
 * answers with that filter's error for its share; a gRPC client reads it as a gRPC status.
 */
export function filterError(b: BackendTarget, s: Statuses): { status: number | string; reason: string } | null {
  const e = b.filters.find((f) => f.type === 'Error');
  if (e?.type !== 'Error') return null;
  return { status: s.ok === 'OK' ? grpcStatusOf(e.status) : e.status, reason: e.reason };
}

/** Istio fault abort: `percent` % of requests get the abort status; the rest keep their outcomes. */
export function withFault(outcomes: readonly Outcome[], fault: FaultInjection | null, s: Statuses): Outcome[] {
  const abort = fault?.abort;
  if (!abort || abort.percent <= 0) return [...outcomes];
  const p = Math.min(1, abort.percent / 100);
  const status = s.ok === 'OK' ? (abort.grpcStatus ?? abort.httpStatus ?? s.fail) : (abort.httpStatus ?? abort.grpcStatus ?? s.fail);
  return [{ probability: round(p), status, reason: `fault injection: abort ${abort.percent}%` }, ...outcomes.map((o) => ({ ...o, probability: round(o.probability * (1 - p)) }))].filter((o) => o.probability > 0);
}

/** The status of the most probable outcome (summed per status; ties go to the first listed). */
export function mostProbable(outcomes: readonly Outcome[]): number | string {
  const sums = new Map<number | string, number>();
  for (const o of outcomes) sums.set(o.status, (sums.get(o.status) ?? 0) + o.probability);
  let best: number | string = outcomes[0]?.status ?? 404;
  let bestP = -1;
  for (const [status, p] of sums) {
    if (p > bestP + 1e-12) {
      best = status;
      bestP = p;
    }
  }
  return best;
}

/** Probabilities are rounded to 6 decimals so that JSON stays readable (0.1, not 0.09999999999999998). */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
