/**
 * GatewayClass, Gateway and ListenerSet status (gateway-api.md §9.1–§9.4): Accepted/Programmed,
 * per listener supportedKinds, attachedRoutes (routes Accepted on that listener, whatever the
 * listener's own health, §3.2) and Accepted/Programmed/ResolvedRefs/Conflicted conditions.
 */
import type { Resource } from '../resources/types.js';
import type { ListenerRoute } from './attach-all.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import { listenerServes, type ListenerModel } from './listener-model.js';
import { generationOf } from './read.js';
import { PROGRAMMED_MESSAGE, condition } from './status-conditions.js';
import type { ListenerStatus, ObjectStatus, StatusCondition } from './types.js';

type ByListener = ReadonlyMap<ListenerModel, readonly ListenerRoute[]>;

export function gatewayClassStatus(r: Resource): ObjectStatus {
  const g = generationOf(r.object);
  return {
    conditions: [
      condition('Accepted', true, 'Accepted', 'accepted by the simulated controller', g),
      condition('SupportedVersion', true, 'SupportedVersion', 'Gateway API v1.6 is supported', g),
    ],
  };
}

export function gatewayStatus(gw: GatewayModel, byListener: ByListener): ObjectStatus {
  const g = generationOf(gw.resource.object);
  const own = gw.listeners.filter((l) => l.owner === gw.resource);
  const bad = own.filter((l) => !listenerServes(l));
  const none = own.length > 0 && bad.length === own.length;
  const conditions: StatusCondition[] = [
    bad.length === 0
      ? condition('Accepted', true, 'Accepted', 'Gateway is accepted', g)
      : condition('Accepted', !none, 'ListenersNotValid', `${bad.length} of ${own.length} listener(s) are not valid: ${bad.map((l) => l.name).join(', ')}`, g),
    none ? condition('Programmed', false, 'Invalid', 'no listener can be programmed', g) : condition('Programmed', true, 'Programmed', PROGRAMMED_MESSAGE, g),
  ];
  return {
    conditions,
    listeners: own.map((l) => listenerStatus(l, byListener, g)),
    attachedListenerSets: gw.listenerSets.filter((s) => s.accepted).length,
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
