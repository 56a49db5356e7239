/**
 * The status list (DESIGN.md `status --format json`): the design's Gateway API objects that carry a
 * status, in input order. ReferenceGrant has no status field and is left out.
 */
import type { Resource } from '../resources/types.js';
import type { ListenerRoute, RouteResult } from './attach-all.js';
import { GW, type CompileContext } from './context.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import type { ListenerModel } from './listener-model.js';
import { backendTlsPolicyStatus } from './status-policy.js';
import { gatewayClassStatus, gatewayStatus, listenerSetStatus } from './status-gateway.js';
import { routeStatus } from './status-route.js';
import type { ObjectStatus, StatusItem, StatusList } from './types.js';

export interface StatusInputs {
  readonly ctx: CompileContext;
  readonly resources: readonly Resource[];
  readonly gateways: readonly GatewayModel[];
  readonly listenerSets: readonly ListenerSetModel[];
  readonly results: readonly RouteResult[];
  readonly byListener: ReadonlyMap<ListenerModel, readonly ListenerRoute[]>;
}

export function buildStatus(s: StatusInputs): StatusList {
  const gw = new Map(s.gateways.map((g) => [g.resource, g]));
  const sets = new Map(s.listenerSets.map((l) => [l.resource, l]));
  const routes = new Map(s.results.map((r) => [r.route.resource, r]));
  const items: StatusItem[] = [];
  for (const r of s.resources) {
    if (r.group !== GW) continue;
    let status: ObjectStatus | null = null;
    if (r.kind === 'GatewayClass') status = gatewayClassStatus(s.ctx, r);
    else if (r.kind === 'Gateway') status = statusOf(gw.get(r), (g) => gatewayStatus(g, s.byListener));
    else if (r.kind === 'ListenerSet') status = statusOf(sets.get(r), (l) => listenerSetStatus(l, s.byListener));
    else if (r.kind === 'BackendTLSPolicy') status = backendTlsPolicyStatus(s.ctx, r, s.results);
    else status = statusOf(routes.get(r), routeStatus);
    if (status === null) continue;
    items.push({
      apiVersion: r.apiVersion,
      kind: r.kind,
      metadata: r.namespace === '' ? { name: r.name } : { namespace: r.namespace, name: r.name },
      status,
    });
  }
  return { apiVersion: 'v1', kind: 'List', items };
}

function statusOf<T>(model: T | undefined, build: (m: T) => ObjectStatus): ObjectStatus | null {
  return model === undefined ? null : build(model);
}
