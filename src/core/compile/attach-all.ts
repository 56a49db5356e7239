/**
 * Every route × parentRef → a parent result (what status reports) and, per listener, the routes
 * it serves. Routes are visited in a fixed order (kind, namespace, name) so results never depend on
 * the order of the input.
 */
import { attachToGateway, type GatewayAttachment, type ListenerAttachment } from './attach.js';
import type { BackendScope } from './backends.js';
import { GW, type CompileContext } from './context.js';
import type { CompiledRoute } from './entry-template.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import { SIMULATED_CONTROLLER } from './gateways.js';
import type { ListenerModel } from './listener-model.js';
import { attachToService, type MeshAttachment } from './mesh.js';
import { describeParent, isMeshParent, type ParentRefModel, type RouteModel } from './route-model.js';
import { resolveKindConflicts } from './route-conflicts.js';

export interface ParentResult {
  readonly parentRef: ParentRefModel;
  readonly controllerName: string;
  accepted: boolean;
  reason: string;
  message: string;
  readonly gateway: GatewayAttachment | null;
  readonly mesh: MeshAttachment | null;
  /** The compiled route for this parent's scope. */
  readonly compiled: CompiledRoute;
}

export interface RouteResult {
  readonly route: RouteModel;
  readonly parents: ParentResult[];
}

export interface ListenerRoute {
  readonly route: RouteModel;
  readonly parent: ParentResult;
  readonly attachment: ListenerAttachment;
}

export function attachAll(
  ctx: CompileContext,
  routes: readonly RouteModel[],
  gateways: readonly GatewayModel[],
  sets: readonly ListenerSetModel[],
  compile: (route: RouteModel, scope: BackendScope) => CompiledRoute,
): { results: RouteResult[]; byListener: Map<ListenerModel, ListenerRoute[]> } {
  const gwByKey = new Map(gateways.map((g) => [`${g.resource.namespace}/${g.resource.name}`, g]));
  const setByKey = new Map(sets.map((s) => [`${s.resource.namespace}/${s.resource.name}`, s]));
  const results: RouteResult[] = [];
  const byListener = new Map<ListenerModel, ListenerRoute[]>();
  for (const route of routes) {
    const parents: ParentResult[] = [];
    for (const p of route.parentRefs) {
      const key = `${p.namespace}/${p.name}`;
      if (isMeshParent(p)) {
        const mesh = attachToService(ctx, p);
        if (!mesh) {
          unseen(ctx, route, p);
          continue;
        }
        parents.push({ parentRef: p, controllerName: SIMULATED_CONTROLLER, accepted: mesh.accepted, reason: mesh.reason, message: mesh.message, gateway: null, mesh, compiled: compile(route, { mesh: true }) });
        continue;
      }
      const set = p.group === GW && p.kind === 'ListenerSet' ? setByKey.get(key) : undefined;
      const gateway = p.group === GW && p.kind === 'Gateway' ? gwByKey.get(key) : set?.gateway ? gwByKey.get(`${set.gateway.namespace}/${set.gateway.name}`) : undefined;
      if (!gateway) {
        unseen(ctx, route, p);
        continue;
      }
      const att = attachToGateway(ctx, route, p, gateway, set ?? null);
      const parent: ParentResult = { parentRef: p, controllerName: gateway.controllerName, accepted: att.accepted, reason: att.reason, message: att.message, gateway: att, mesh: null, compiled: compile(route, { mesh: false }) };
      parents.push(parent);
      for (const la of att.listeners) {
        const list = byListener.get(la.listener) ?? [];
        list.push({ route, parent, attachment: la });
        byListener.set(la.listener, list);
      }
    }
    results.push({ route, parents });
  }
  for (const list of byListener.values()) resolveKindConflicts(list);
  for (const r of results) for (const p of r.parents) applyRuleValidity(p);
  return { results, byListener };
}

/** gateway-api.md §9.5: parents the controller cannot see get no status entry; say so instead. */
function unseen(ctx: CompileContext, route: RouteModel, p: ParentRefModel): void {
  ctx.diagnose(route.resource, 'ParentNotFound', 'warning', `parentRefs[${p.index}]: ${describeParent(p)} is not in this design; no controller would report status for it`, ['spec', 'parentRefs', p.index]);
}

/** A route whose every rule is invalid is not accepted (gateway-api.md §5.1). */
function applyRuleValidity(p: ParentResult): void {
  if (!p.accepted) return;
  const { droppedRules, ruleCount } = p.compiled;
  const first = droppedRules[0];
  if (first && droppedRules.length === ruleCount) {
    p.accepted = false;
    p.reason = first.problem.reason;
    p.message = `every rule is invalid: ${droppedRules.map((d) => d.problem.message).join('; ')}`;
  }
}
