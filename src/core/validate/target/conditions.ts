/**
 * The conditions of FEATURE_USES entries (target/feature-uses.ts), as checks on one use of the
 * feature's field. A feature whose condition has no check here is not judged (no guess): its
 * condition text is the key, so a new or reworded condition shows up as unjudged, never as wrong.
 */
import { getAt } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { Occurrence } from './uses.js';

export interface ConditionInput {
  readonly resource: Resource;
  readonly use: Occurrence;
  /** TLSRoutes of the design, for TLSRouteModeTerminate. */
  readonly tlsRoutes: () => readonly Resource[];
}

type Check = (input: ConditionInput) => boolean;

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

function parentAt({ resource, use }: ConditionInput): Record<string, unknown> | null {
  const i = use.path[2];
  const ref = typeof i === 'number' ? getAt(resource.object, ['spec', 'parentRefs', i]) : undefined;
  return isRecord(ref) ? ref : null;
}

const isService = (ref: Record<string, unknown>): boolean => ref.kind === 'Service' && (ref.group === '' || ref.group === 'core' || ref.group === undefined);
const isGateway = (ref: Record<string, unknown>): boolean => (ref.kind ?? 'Gateway') === 'Gateway' && (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP;

/** Listener `i` of a Gateway, from a use inside `spec.listeners[i]`. */
function listenerAt({ resource, use }: ConditionInput): { readonly index: number; readonly listeners: readonly unknown[] } | null {
  const listeners = getAt(resource.object, ['spec', 'listeners']);
  const i = use.path[2];
  return Array.isArray(listeners) && typeof i === 'number' ? { index: i, listeners } : null;
}

const tlsMode = (l: unknown): string => (isRecord(l) && isRecord(l.tls) && typeof l.tls.mode === 'string' ? l.tls.mode : 'Terminate');
const protocol = (l: unknown): unknown => (isRecord(l) ? l.protocol : undefined);

export const CONDITION_CHECKS: { readonly [condition: string]: Check } = {
  // The mesh features are judged only through a Service parentRef (judges.ts, via 'mesh').
  'on a route whose parentRefs name a Service (GAMMA mesh)': () => true,
  // The Service's judges are those of the HTTPRoutes whose backendRefs name it (features.ts).
  'the Service is a backendRef of an HTTPRoute': () => true,
  'the parentRef names a Gateway': (input) => {
    const ref = parentAt(input);
    return ref !== null && isGateway(ref);
  },
  'the parentRef names a Service in another namespace than the route’s': (input) => {
    const ref = parentAt(input);
    return ref !== null && isService(ref) && typeof ref.namespace === 'string' && ref.namespace !== input.resource.namespace;
  },
  // Only the second and later mirrors of a rule use the feature (the first is HTTPRouteRequestMirror).
  'two or more RequestMirror filters in the same rule': ({ resource, use }) => {
    const [, , rule, , index] = use.path;
    const filters = typeof rule === 'number' ? getAt(resource.object, ['spec', 'rules', rule, 'filters']) : undefined;
    if (!Array.isArray(filters) || typeof index !== 'number') return false;
    return filters.slice(0, index).some((f) => isRecord(f) && f.type === 'RequestMirror');
  },
  // Reported on the later of the two listeners (one use, one problem).
  'two listeners of protocol TLS on the same port, one Terminate and one Passthrough': (input) => {
    const at = listenerAt(input);
    if (at === null) return false;
    const me = at.listeners[at.index];
    if (protocol(me) !== 'TLS' || !isRecord(me)) return false;
    return at.listeners.slice(0, at.index).some((l) => isRecord(l) && protocol(l) === 'TLS' && l.port === me.port && tlsMode(l) !== tlsMode(me));
  },
  'on a listener of protocol TLS with TLSRoutes': (input) => {
    const at = listenerAt(input);
    const me = at?.listeners[at.index];
    if (!isRecord(me) || protocol(me) !== 'TLS') return false;
    const gw = input.resource;
    return input.tlsRoutes().some((route) => {
      const refs = getAt(route.object, ['spec', 'parentRefs']);
      return Array.isArray(refs) && refs.some((ref) => isRecord(ref) && isGateway(ref) && ref.name === gw.name && (ref.namespace ?? route.namespace) === gw.namespace && (ref.sectionName === undefined || ref.sectionName === me.name));
    });
  },
};

/** Whether the feature's condition holds for this use; a condition with no check → false (not judged). */
export function conditionHolds(condition: string | undefined, input: ConditionInput): boolean {
  if (condition === undefined) return true;
  const check = Object.hasOwn(CONDITION_CHECKS, condition) ? CONDITION_CHECKS[condition] : undefined;
  return check !== undefined && check(input);
}

