/**
 * Which implementation judges each object (issue 14 scope 1): the target's implementation when it
 * names one; otherwise the implementation whose controller owns the object's Gateway's
 * GatewayClass in the design (a route through each parentRef's Gateway, a route with parents of
 * two implementations is judged by each). A class the design does not declare judges nothing, even
 * one an implementation creates by itself (istiod's `istio`): the default target keeps the
 * simulated controller that supports everything, and naming the implementation says the rest. A parentRef to a Service (GAMMA mesh) is judged only by the
 * target's named implementation: no class says which mesh serves it. Each implementation is judged
 * by its newest report for the target's channel (resolveImplementation).
 */
import { isRecord, type Resource } from '../../resources/types.js';
import { implementationForController, implementationOfController } from '../../target/controllers.js';
import type { ImplementationTarget, Target } from '../../target/target.js';

/** One implementation judging an object, and through what: a Gateway, or a Service parent (mesh). */
export interface Judge {
  readonly implementation: ImplementationTarget;
  readonly via: 'gateway' | 'mesh';
}

export interface Judges {
  /** The judges of a whole object (its own, or the union of its parents'). */
  of(resource: Resource): readonly Judge[];
  /** The judges of one parentRef of a route (by index). */
  ofParent(resource: Resource, index: number): readonly Judge[];
  /** Whether any object can be judged at all (false: no feature checks). */
  readonly any: boolean;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** No implementation named and no class of a known controller: nothing is judged (the default target). */
const NO_JUDGES: Judges = { of: () => [], ofParent: () => [], any: false };

export function judgesFor(resources: readonly Resource[], target: Target): Judges {
  const explicit = target.implementation;
  const classes = new Map<string, string>();
  for (const r of resources) if (r.kind === 'GatewayClass' && r.group === GATEWAY_GROUP) classes.set(r.name, str(r.object.spec, 'controllerName'));
  if (explicit === null && ![...classes.values()].some((c) => implementationOfController(c) !== undefined)) return NO_JUDGES;
  const classJudge = (className: string): Judge[] => {
    const found = implementationForController(classes.get(className) ?? '', target.channel);
    return found ? [{ implementation: found, via: 'gateway' }] : [];
  };
  const gateways = new Map<string, Judge[]>();
  for (const r of resources) if (r.group === GATEWAY_GROUP && r.kind === 'Gateway') gateways.set(`${r.namespace}/${r.name}`, explicit ? [{ implementation: explicit, via: 'gateway' }] : classJudge(str(r.object.spec, 'gatewayClassName')));
  const any = explicit !== null || [...gateways.values()].some((j) => j.length > 0);

  const ofParent = (r: Resource, index: number): readonly Judge[] => {
    const ref = parentRefs(r)[index];
    if (!isRecord(ref)) return [];
    const kind = typeof ref.kind === 'string' ? ref.kind : 'Gateway';
    const group = typeof ref.group === 'string' ? ref.group : GATEWAY_GROUP;
    if (kind === 'Service' && (group === '' || group === 'core')) return explicit ? [{ implementation: explicit, via: 'mesh' }] : [];
    if (kind !== 'Gateway' || group !== GATEWAY_GROUP) return explicit ? [{ implementation: explicit, via: 'gateway' }] : [];
    const ns = typeof ref.namespace === 'string' ? ref.namespace : r.namespace;
    return gateways.get(`${ns}/${str(ref, 'name')}`) ?? (explicit ? [{ implementation: explicit, via: 'gateway' }] : []);
  };
  const own = new Map<Resource, readonly Judge[]>();
  const of = (r: Resource): readonly Judge[] => {
    const known = own.get(r);
    if (known) return known;
    let judges: readonly Judge[];
    if (r.kind === 'Gateway' && r.group === GATEWAY_GROUP) judges = gateways.get(`${r.namespace}/${r.name}`) ?? [];
    else if (r.kind === 'GatewayClass' && r.group === GATEWAY_GROUP) judges = explicit ? [{ implementation: explicit, via: 'gateway' }] : classJudge(r.name);
    else if (parentRefs(r).length > 0) judges = unique(parentRefs(r).flatMap((_, i) => ofParent(r, i)));
    else judges = explicit ? [{ implementation: explicit, via: 'gateway' }] : [];
    own.set(r, judges);
    return judges;
  };
  return { of, ofParent, any };
}

/** The parentRefs of a route or ListenerSet (`spec.parentRef` of a ListenerSet is one). */
export function parentRefs(r: Resource): readonly unknown[] {
  const spec = r.object.spec;
  if (!isRecord(spec)) return [];
  if (Array.isArray(spec.parentRefs)) return spec.parentRefs;
  return isRecord(spec.parentRef) ? [spec.parentRef] : [];
}

function unique(judges: readonly Judge[]): Judge[] {
  const seen = new Set<string>();
  return judges.filter((j) => {
    const key = `${j.implementation.project}\u0000${j.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function str(v: unknown, key: string): string {
  return isRecord(v) && typeof v[key] === 'string' ? v[key] : '';
}
