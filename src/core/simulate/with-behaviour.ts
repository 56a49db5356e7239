/**
 * The last step of simulate() with a backend behaviour: every outcome carries its tries and time
 * (a rule's forwarded shares got them in apply-entry.ts), and the Decision carries those of its
 * most probable outcome — the one `status` comes from.
 * - A request sent straight to a Service (mesh, no route) makes its tries with no timeout and no
 *   retry: no route carries a policy (an Istio sidecar would still apply its mesh default).
 * - Outcomes the proxy answers itself (no match, redirect, direct response…) make no try.
 * - TLS, TCP and UDP connections are not requests: the behaviour does not apply (noted).
 */
import { runTries } from './attempts.js';
import { uniqueNotes } from './decision.js';
import { mostProbable, statusesFor } from './outcomes.js';
import { NO_POLICY } from './try-policy.js';
import type { BackendBehaviour, Decision, Outcome, Request } from './types.js';

export function withBehaviour(d: Decision, request: Request, b: BackendBehaviour): Decision {
  const requests = request.protocol === 'http' || request.protocol === 'grpc';
  const ok = statusesFor(request.protocol).ok;
  let notes = d.notes;
  const outcomes = d.outcomes.map((o): Outcome => {
    if (o.attempts !== undefined) return o;
    if (requests && o.status === ok && o.reason === undefined && d.route === null && d.backends.length > 0) {
      const run = runTries(NO_POLICY, b, request.protocol);
      return { ...o, status: run.status, ...(run.reason === undefined ? {} : { reason: run.reason }), attempts: run.attempts, elapsedMs: run.elapsedMs };
    }
    return { ...o, attempts: [], elapsedMs: 0 };
  });
  if (!requests) notes = uniqueNotes([...notes, { code: 'Info', message: `backend answers (the status and time of each try) apply to HTTP and gRPC requests; a ${request.protocol.toUpperCase()} connection makes no try` }]);
  const status = mostProbable(outcomes);
  const main = outcomes.filter((o) => o.status === status).reduce<Outcome | null>((best, o) => (best === null || o.probability > best.probability ? o : best), null);
  return { ...d, status, outcomes, attempts: main?.attempts ?? [], elapsedMs: main?.elapsedMs ?? 0, notes };
}
