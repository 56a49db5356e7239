import type { ListenerStatus, ObjectStatus, RouteParentStatus, StatusCondition, StatusList } from '../compile/types.js';
import { splitApiVersion } from '../resources/kinds.js';
import { makeResourceId, type ResourceId } from '../resources/types.js';

/**
 * The controller status of a design (compile's `StatusList`), by resource, for the canvas:
 * which parents a route was not accepted by, how many routes a listener holds, whether it is
 * programmed. Plain lookups; the status itself is computed by compile.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routeparentstatus
 */
export class GraphStatus {
  private readonly byId = new Map<string, ObjectStatus>();

  constructor(list: StatusList) {
    for (const item of list.items) {
      const { group } = splitApiVersion(item.apiVersion);
      const id = makeResourceId(group, item.kind, item.metadata.namespace ?? '', item.metadata.name);
      if (!this.byId.has(id)) this.byId.set(id, item.status);
    }
  }

  of(id: ResourceId): ObjectStatus | undefined {
    return this.byId.get(id);
  }

  /** The status entry of one of a route's parentRefs (defaults already filled in by the caller). */
  parent(route: ResourceId, ref: ParentKey): RouteParentStatus | undefined {
    const group = ref.group === 'core' ? '' : ref.group;
    return this.byId.get(route)?.parents?.find((p) => {
      const r = p.parentRef;
      return (
        (r.group === 'core' ? '' : r.group) === group &&
        r.kind === ref.kind &&
        r.namespace === ref.namespace &&
        r.name === ref.name &&
        r.sectionName === ref.sectionName &&
        r.port === ref.port
      );
    });
  }

  listener(owner: ResourceId, name: string): ListenerStatus | undefined {
    return this.byId.get(owner)?.listeners?.find((l) => l.name === name);
  }
}

/** A parentRef with its defaults: group, kind and namespace filled in; section and port as written. */
export interface ParentKey {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName: string | undefined;
  readonly port: number | undefined;
}

/** Conditions whose `True` is the bad news (gateway-api.md §9: "abnormal-true" polarity). */
const ABNORMAL_TRUE = new Set(['Conflicted', 'OverlappingTLSConfig', 'PartiallyInvalid']);
/** Bad conditions that still leave the object serving (amber); every other bad one is red. */
const DEGRADED = new Set(['ResolvedRefs', 'OverlappingTLSConfig', 'PartiallyInvalid']);

export interface ConditionProblem {
  readonly severity: 'error' | 'warning';
  /** `Programmed=False Invalid: …` / `Conflicted=True HostnameConflict: …` */
  readonly message: string;
  readonly condition: StatusCondition;
}

/** The worst condition that says something is wrong, or undefined when all is well. */
export function conditionProblem(conditions: readonly StatusCondition[] | undefined): ConditionProblem | undefined {
  let found: ConditionProblem | undefined;
  for (const c of conditions ?? []) {
    const bad = ABNORMAL_TRUE.has(c.type) ? c.status === 'True' : c.status === 'False';
    if (!bad) continue;
    const severity = DEGRADED.has(c.type) ? 'warning' : 'error';
    if (found && (found.severity === 'error' || severity === 'warning')) continue;
    found = { severity, message: `${c.type}=${c.status} ${c.reason}: ${c.message}`, condition: c };
  }
  return found;
}

/** The route's `Accepted` condition for one parent, when it is not True. */
export function notAccepted(p: RouteParentStatus | undefined): StatusCondition | undefined {
  const c = p?.conditions.find((x) => x.type === 'Accepted');
  return c && c.status !== 'True' ? c : undefined;
}
