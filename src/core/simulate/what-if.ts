/**
 * A forwarded rule's outcomes with a backend behaviour (SimulateOptions.backend): every share that
 * reaches a backend runs the tries (attempts.ts) — all backends of a rule answer alike, and Envoy
 * keeps a request's retries on the cluster it picked — while a share the proxy answers itself
 * (invalid backend, failing filter) makes no try. Istio faults split each outcome with exact
 * probabilities, delay and abort independently (virtual_service.proto HTTPFaultInjection: "Delay
 * and abort faults are independent of one another"), the delay first (Envoy fault_filter.cc
 * postDelayInjection: "Delays can be followed by aborts"). The fault filter runs before the router:
 * an aborted request never reaches it and is not retried, and an injected delay adds to the time the
 * client waits without counting toward `timeout` or `perTryTimeout` (the route timeout starts once
 * the router has the request; virtual_service.proto: "timeouts or retries will not be enabled when
 * faults are enabled on the client side").
 */
import type { FaultInjection, Note, RouteEntry } from '../compile/types.js';
import { formatMs, runTries, type TryRun } from './attempts.js';
import { round, type Statuses } from './outcomes.js';
import { policyFor } from './retry-rules.js';
import { durationMs, type TryPolicy } from './try-policy.js';
import type { BackendBehaviour, Outcome, RequestProtocol } from './types.js';

interface Branch {
  readonly p: number;
  readonly delayMs: number;
}

/**
 * `base`: the rule's outcomes before faults (forwardOutcomes), `ok` shares being those that reach
 * a backend; `istio`: the target's Istio release (null = the newest). Returns outcomes with `attempts` and `elapsedMs`, abort first as withFault orders them.
 */
export function forwardWhatIf(base: readonly Outcome[], entry: RouteEntry, s: Statuses, protocol: RequestProtocol, b: BackendBehaviour, notes: Note[], istio: string | null = null): Outcome[] {
  const policy = policyFor(entry, istio);
  const fault = entry.fault;
  const abortP = Math.min(1, Math.max(0, (fault?.abort?.percent ?? 0) / 100));
  const delayMs = durationMs(fault?.delay?.fixedDelay) ?? 0;
  const delayP = delayMs > 0 ? Math.min(1, Math.max(0, (fault?.delay?.percent ?? 0) / 100)) : 0;
  const branches: Branch[] = [{ p: 1 - delayP, delayMs: 0 }, { p: delayP, delayMs }].filter((x) => x.p > 0);
  const runs = new Map<number, TryRun>();
  const runFor = (start: number): TryRun => {
    const known = runs.get(start);
    if (known) return known;
    const run = runTries(policy, b, protocol, start, start > 0 ? `sent after the injected ${formatMs(start)} fault delay` : '');
    runs.set(start, run);
    return run;
  };
  const out: Outcome[] = [];
  if (abortP > 0) {
    for (const br of branches) out.push(abortOutcome(fault, abortP * br.p, br.delayMs, s));
  }
  for (const o of base) {
    const reaches = o.status === s.ok && o.reason === undefined;
    for (const br of branches) {
      const p = o.probability * (1 - abortP) * br.p;
      if (!reaches) {
        out.push({ ...o, probability: p, attempts: [], elapsedMs: br.delayMs });
        continue;
      }
      const run = runFor(br.delayMs);
      out.push({ probability: p, status: run.status, ...(run.reason === undefined ? {} : { reason: run.reason }), attempts: run.attempts, elapsedMs: run.elapsedMs });
    }
  }
  addNotes(notes, policy, [...runs.values()], b, delayP > 0, abortP > 0);
  return merge(out);
}

/**
 * An aborted request: the fault filter answers before the router, so there is no try to list (as
 * for any answer the proxy gives itself) and nothing to retry — a note says so (addNotes).
 */
function abortOutcome(fault: FaultInjection | null, p: number, at: number, s: Statuses): Outcome {
  const abort = fault?.abort;
  // As withFault (outcomes.ts): a gRPC client gets grpcStatus when set, an HTTP client httpStatus.
  const status = s.ok === 'OK' ? (abort?.grpcStatus ?? abort?.httpStatus ?? s.fail) : (abort?.httpStatus ?? abort?.grpcStatus ?? s.fail);
  return { probability: p, status, reason: `fault injection: abort ${abort?.percent ?? 0}%`, attempts: [], elapsedMs: at };
}

function addNotes(notes: Note[], policy: TryPolicy, runs: readonly TryRun[], b: BackendBehaviour, delayed: boolean, aborted: boolean): void {
  // A backend that answers at once with success changes nothing: no note then (the answer stays as without a behaviour).
  const eventful = runs.some((r) => r.attempts.length > 1 || r.reason !== undefined) || b.delaysMs.some((d) => d > 0);
  if (!eventful) return;
  notes.push(...policy.notes);
  if (runs.some((r) => r.attempts.some((a) => a.retried))) notes.push(...policy.retryNotes);
  if (aborted) notes.push({ code: 'Info', message: 'a fault-injected abort is answered by the proxy before the router: no request reaches the backend, and it is never retried' });
  if (delayed && (policy.requestTimeoutMs !== null || policy.perTryTimeoutMs !== null)) {
    notes.push({ code: 'Info', message: 'an injected fault delay comes before the router: the client waits for it, but it does not count toward timeout or perTryTimeout (virtual_service.proto: timeouts and retries are not enabled for faults)' });
  }
}

/** Outcomes alike in status, reason, time and tries are one outcome. */
function merge(list: readonly Outcome[]): Outcome[] {
  const out: Outcome[] = [];
  const keys: string[] = [];
  for (const o of list) {
    const key = JSON.stringify([o.status, o.reason ?? null, o.elapsedMs, o.attempts]);
    const i = keys.indexOf(key);
    const prev = out[i];
    if (prev) out[i] = { ...prev, probability: prev.probability + o.probability };
    else {
      keys.push(key);
      out.push(o);
    }
  }
  return out.filter((o) => o.probability > 0).map((o) => ({ ...o, probability: round(o.probability) }));
}
