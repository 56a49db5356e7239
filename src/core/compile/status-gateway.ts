/**
 * GatewayClass, Gateway and ListenerSet status (gateway-api.md §9.1–§9.4): Accepted/Programmed,
 * per listener supportedKinds, attachedRoutes (routes Accepted on that listener, whatever the
 * listener's own health, §3.2) and Accepted/Programmed/ResolvedRefs/Conflicted conditions.
 */
import type { Resource } from '../resources/types.js';
import type { ListenerRoute } from './attach-all.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import { listenerServes, type ListenerModel } from './listener-model.js';
import type { CompileContext } from './context.js';
import { generationOf, rec, str } from './read.js';
import { PROGRAMMED_MESSAGE, condition } from './status-conditions.js';
import type { ListenerStatus, ObjectStatus, StatusCondition } from './types.js';

type ByListener = ReadonlyMap<ListenerModel, readonly ListenerRoute[]>;

export function gatewayClassStatus(ctx: CompileContext, r: Resource): ObjectStatus {
  const g = generationOf(r.object);
  const params = classParametersProblem(ctx, r);
  return {
    conditions: [
      params ? condition('Accepted', false, 'InvalidParameters', params, g) : condition('Accepted', true, 'Accepted', 'accepted by the simulated controller', g),
      condition('SupportedVersion', true, 'SupportedVersion', 'Gateway API v1.6 is supported', g),
    ],
  };
}

/**
 * GatewayClass `spec.parametersRef` (v1.6.1 gatewayclass_types.go: "If the referent cannot be
 * found … the GatewayClass SHOULD be rejected with … InvalidParameters"): any kind this design
 * holds resolves; a namespace-less reference names a cluster-scoped object (any namespace here,
 * since kinds the design does not model are read as namespaced).
 */
export function classParametersProblem(ctx: CompileContext, r: Resource): string | null {
  const raw = rec(r.object.spec).parametersRef;
  if (raw === undefined) return null;
  const p = rec(raw);
  const ns = str(p.namespace);
  const name = str(p.name) ?? '';
  const what = `${str(p.group) || 'core'}/${str(p.kind) ?? ''} ${ns === null ? '' : `${ns}/`}${name}`;
  if (ctx.ofKind(str(p.group) ?? '', str(p.kind) ?? '').some((o) => o.name === name && (ns === null || o.namespace === ns))) return null;
  if (ctx.assumeExternal) {
    ctx.note({ code: 'AssumedExternal', message: `parameters ${what} are not in this design; assumed present and valid` });
    return null;
  }
  return `parametersRef ${what} is not in this design: add it or remove the reference`;
}

export function gatewayStatus(gw: GatewayModel, byListener: ByListener): ObjectStatus {
  const g = generationOf(gw.resource.object);
  const own = gw.listeners.filter((l) => l.owner === gw.resource);
  const bad = own.filter((l) => !listenerServes(l));
  const none = own.length > 0 && bad.length === own.length;
  const refused = gw.checks.problems.find((p) => p.condition === 'Accepted');
  const refs = gw.checks.problems.find((p) => p.condition === 'ResolvedRefs');
  const unresolved = own.filter((l) => l.problems.some((p) => p.condition === 'ResolvedRefs'));
  const conditions: StatusCondition[] = [
    refused
      ? condition('Accepted', false, refused.reason, refused.message, g)
      : bad.length === 0
        ? condition('Accepted', true, 'Accepted', 'Gateway is accepted', g)
        : condition('Accepted', !none, 'ListenersNotValid', `${bad.length} of ${own.length} listener(s) are not valid: ${bad.map((l) => l.name).join(', ')}`, g),
    refused || none ? condition('Programmed', false, 'Invalid', refused ? 'the Gateway is not accepted' : 'no listener can be programmed', g) : condition('Programmed', true, 'Programmed', PROGRAMMED_MESSAGE, g),
    // ResolvedRefs (Experimental in v1.6.1): the Gateway's own references, then a summary of its listeners'.
    refs
      ? condition('ResolvedRefs', false, refs.reason, refs.message, g)
      : unresolved.length > 0
        ? condition('ResolvedRefs', false, 'ListenersNotResolved', `listener(s) with unresolved references: ${unresolved.map((l) => l.name).join(', ')}`, g)
        : condition('ResolvedRefs', true, 'ResolvedRefs', 'all references are resolved', g),
  ];
  if (gw.checks.insecure.length > 0) {
    conditions.push(condition('InsecureFrontendValidationMode', true, 'ConfigurationChanged', 'client certificate validation allows insecure fallback (AllowInsecureFallback): clients without a valid certificate are let through', g));
  }
  return {
    conditions,
    listeners: own.map((l) => listenerStatus(l, byListener, g)),
    // Only sets whose own status says Accepted=True: admitted, with at least one valid listener.
    attachedListenerSets: gw.listenerSets.filter((s) => s.accepted && s.listeners.some(listenerServes)).length,
  };
}

export function listenerSetStatus(set: ListenerSetModel, byListener: ByListener): ObjectStatus {
  const g = generationOf(set.resource.object);
  if (!set.accepted) {
    return { conditions: [condition('Accepted', false, set.reason, set.message, g), condition('Programmed', false, set.reason, set.message, g)] };
  }
  const bad = set.listeners.filter((l) => !listenerServes(l));
  const none = bad.length === set.listeners.length;
  const why = `${bad.length} of ${set.listeners.length} listener(s) are not valid: ${bad.map((l) => l.name).join(', ')}`;
  return {
    conditions: [
      bad.length === 0 ? condition('Accepted', true, 'Accepted', set.message, g) : condition('Accepted', !none, 'ListenersNotValid', why, g),
      none ? condition('Programmed', false, 'ListenersNotValid', why, g) : condition('Programmed', true, 'Programmed', PROGRAMMED_MESSAGE, g),
    ],
    listeners: set.listeners.map((l) => listenerStatus(l, byListener, g)),
  };
}

function listenerStatus(l: ListenerModel, byListener: ByListener, g: number): ListenerStatus {
  const routes = new Set((byListener.get(l) ?? []).filter((r) => r.parent.accepted).map((r) => r.route.resource.id));
  const accepted = l.problems.find((p) => p.condition === 'Accepted');
  const conflict = l.problems.find((p) => p.condition === 'Conflicted');
  const refs = l.problems.find((p) => p.condition === 'ResolvedRefs');
  const first = accepted ?? conflict ?? refs;
  const conditions: StatusCondition[] = [
    accepted || conflict
      ? condition('Accepted', false, (accepted ?? conflict)?.reason ?? 'Invalid', (accepted ?? conflict)?.message ?? '', g)
      : condition('Accepted', true, 'Accepted', 'listener is accepted', g),
    first ? condition('Programmed', false, conflict && !accepted ? conflict.reason : 'Invalid', first.message, g) : condition('Programmed', true, 'Programmed', PROGRAMMED_MESSAGE, g),
    refs ? condition('ResolvedRefs', false, refs.reason, refs.message, g) : condition('ResolvedRefs', true, 'ResolvedRefs', 'all references are resolved', g),
    conflict ? condition('Conflicted', true, conflict.reason, conflict.message, g) : condition('Conflicted', false, 'NoConflicts', 'no conflicts', g),
  ];
  if (l.overlappingTls) conditions.push(condition('OverlappingTLSConfig', true, 'OverlappingHostnames', `another TLS listener on port ${l.port} has an overlapping hostname`, g));
  return { name: l.name, supportedKinds: l.supportedKinds, attachedRoutes: routes.size, conditions };
}
