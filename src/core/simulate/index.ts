/**
 * simulate(table, request) → Decision: which backend the request hits, and why. Pure and
 * deterministic; it only reads the RouteTable (see compile/types.ts) and never the resources.
 */
import type { RouteTable } from '../compile/types.js';
import { inOrder } from './decision.js';
import { simulateAtGateway } from './gateway-flow.js';
import { simulateInMesh } from './mesh-flow.js';
import { withRegexNote } from './implementation-notes.js';
import { targetView, viewWithTarget } from './implementation-target.js';
import { normalizePathAndQuery } from './normalize-path.js';
import { viewOf } from './request-view.js';
import type { Decision, Request, SimulateOptions } from './types.js';
import { withBehaviour } from './with-behaviour.js';

export function simulate(table: RouteTable, request: Request, options: SimulateOptions = {}): Decision {
  // Routes match, and the backend receives, the path as the proxy normalised it (normalize-path.ts).
  const carriesPath = request.protocol === 'http' || request.protocol === 'grpc';
  const path = carriesPath ? normalizePathAndQuery(request.path) : request.path;
  const normalised = path === request.path ? request : { ...request, path };
  const t = options.target ? targetView(options.target) : null;
  const view = viewWithTarget(viewOf(normalised, options.mesh ?? null), t);
  // At a gateway, its GatewayClass's controller may name the implementation (implementation-target.ts classJudgement).
  const routed = options.mesh ? { decision: simulateInMesh(table, view, options.mesh, options), target: t } : simulateAtGateway(table, view, options);
  // With a target, compile's generic regex note gives way to the implementation's (implementation-notes.ts).
  const answered = routed.target ? { ...routed.decision, notes: withRegexNote(routed.decision.notes, routed.target) } : routed.decision;
  // With a backend behaviour every outcome carries its tries and time (with-behaviour.ts).
  const d = options.backend ? withBehaviour(answered, normalised, options.backend) : answered;
  if (normalised === request) return inOrder(d);
  const what = `path normalised: ${pathOf(request.path)} → ${pathOf(path)}`;
  return inOrder({
    ...d,
    notes: [{ code: 'ImplementationSpecific', message: `${what} (RFC 3986, as Envoy does under Istio's default pathNormalization BASE; routes match the normalised path, and the backend receives it)` }, ...d.notes],
    trace: [{ step: 'request', ref: pathOf(request.path), result: 'matched', reason: what }, ...d.trace],
  });
}

function pathOf(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  return q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
}
