/**
 * Gateways with their merged listener lists (gateway-api.md §2.1): the Gateway's own listeners,
 * then those of every accepted ListenerSet, oldest first, then by namespace/name.
 */
import type { Resource } from '../resources/types.js';
import { GW, formatRef, refOf, type CompileContext } from './context.js';
import { labelsForSelector, selectorMatches } from './label-selector.js';
import { checkGateway, type GatewayChecks } from './gateway-checks.js';
import { checkListeners } from './listener-checks.js';
import { readListeners, type ListenerModel } from './listener-model.js';
import { compareAge } from './precedence.js';
import { rec, str } from './read.js';

export const SIMULATED_CONTROLLER = 'route-designer/simulated';

export interface ListenerSetModel {
  readonly resource: Resource;
  /** The parent Gateway, when it is in the design. */
  readonly gateway: Resource | null;
  readonly accepted: boolean;
  readonly reason: string;
  readonly message: string;
  readonly listeners: ListenerModel[];
}

export interface GatewayModel {
  readonly resource: Resource;
  readonly className: string;
  /** The GatewayClass's controllerName, or route-designer/simulated when the class is absent. */
  readonly controllerName: string;
  readonly classInDesign: boolean;
  /** Own listeners then accepted ListenerSets' listeners, in precedence order. */
  readonly listeners: ListenerModel[];
  readonly listenerSets: ListenerSetModel[];
  /** Addresses, parameters, backend client certificate, frontend validation (gateway-checks.ts). */
  readonly checks: GatewayChecks;
}

export function buildGateways(ctx: CompileContext): { gateways: GatewayModel[]; listenerSets: ListenerSetModel[] } {
  const sets = ctx.ofKind(GW, 'ListenerSet').map((r) => admitListenerSet(ctx, r));
  const gateways = ctx.ofKind(GW, 'Gateway').map((resource): GatewayModel => {
    const className = str(rec(resource.object.spec).gatewayClassName) ?? '';
    const cls = ctx.find(GW, 'GatewayClass', '', className);
    if (!cls) {
      ctx.note({
        code: ctx.assumeExternal ? 'AssumedExternal' : 'NotInDesign',
        message: `GatewayClass ${className} is not in this design; assumed accepted by a conformant controller (${SIMULATED_CONTROLLER})`,
      });
    }
    const own = readListeners(resource, resource);
    const mine = sets
      .filter((s) => s.gateway === resource && s.accepted)
      .sort((a, b) => compareAge(a.resource, b.resource));
    const listeners = [...own, ...mine.flatMap((s) => s.listeners)];
    checkListeners(ctx, listeners);
    const checks = checkGateway(ctx, resource, listeners);
    return {
      checks,
      resource,
      className,
      controllerName: cls ? (str(rec(cls.object.spec).controllerName) ?? SIMULATED_CONTROLLER) : SIMULATED_CONTROLLER,
      classInDesign: cls !== undefined,
      listeners,
      listenerSets: sets.filter((s) => s.gateway === resource),
    };
  });
  return { gateways, listenerSets: sets };
}

/** Is a ListenerSet admitted by its Gateway's `allowedListeners` (gateway-api.md §3.2, default None)? */
function admitListenerSet(ctx: CompileContext, resource: Resource): ListenerSetModel {
  const p = rec(rec(resource.object.spec).parentRef);
  const ns = str(p.namespace) ?? resource.namespace;
  const name = str(p.name) ?? '';
  const kind = str(p.kind) ?? 'Gateway';
  const group = str(p.group) ?? GW;
  const gateway = group === GW && kind === 'Gateway' ? (ctx.find(GW, 'Gateway', ns, name) ?? null) : null;
  const make = (accepted: boolean, reason: string, message: string): ListenerSetModel => ({
    resource,
    gateway,
    accepted,
    reason,
    message,
    listeners: gateway ? readListeners(resource, gateway) : [],
  });
  if (!gateway) return make(false, 'Invalid', `parent ${kind} ${ns}/${name} is not in this design`);
  const allowed = rec(rec(rec(gateway.object.spec).allowedListeners).namespaces);
  const from = str(allowed.from) ?? 'None';
  const gw = formatRef(refOf(gateway));
  if (from === 'All') return make(true, 'Accepted', `accepted by ${gw}`);
  if (from === 'Same') {
    return resource.namespace === gateway.namespace
      ? make(true, 'Accepted', `accepted by ${gw}`)
      : make(false, 'NotAllowed', `${gw} allows ListenerSets only from its own namespace`);
  }
  if (from === 'Selector') {
    const labels = labelsForSelector(allowed.selector, resource.namespace, ctx.namespaceLabels(resource.namespace));
    if (labels === null) return make(false, 'NotAllowed', `Namespace ${resource.namespace} is not in this design, so its labels are unknown and ${gw}'s selector cannot match it`);
    return selectorMatches(allowed.selector, labels)
      ? make(true, 'Accepted', `accepted by ${gw}`)
      : make(false, 'NotAllowed', `Namespace ${resource.namespace} does not match ${gw}'s allowedListeners selector`);
  }
  return make(false, 'NotAllowed', `${gw} does not allow ListenerSets (allowedListeners.namespaces.from: ${from})`);
}
