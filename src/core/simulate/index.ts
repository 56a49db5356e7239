/**
 * simulate(table, request) → Decision: which backend the request hits, and why. Pure and
 * deterministic; it only reads the RouteTable (see compile/types.ts) and never the resources.
 */
import type { RouteTable } from '../compile/types.js';
import { inOrder } from './decision.js';
import { simulateAtGateway } from './gateway-flow.js';
import { simulateInMesh } from './mesh-flow.js';
import { viewOf } from './request-view.js';
import type { Decision, Request, SimulateOptions } from './types.js';

export function simulate(table: RouteTable, request: Request, options: SimulateOptions = {}): Decision {
  const view = viewOf(request, options.mesh ?? null);
  return inOrder(options.mesh ? simulateInMesh(table, view, options.mesh, options) : simulateAtGateway(table, view, options));
}
