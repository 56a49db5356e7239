import { GATEWAY_GROUP } from '../resources/kinds.js';
import { isRecord, type KubeObject, type Resource } from '../resources/types.js';
import { setAt } from './immutable.js';

/**
 * The edits a canvas gesture makes: connect a route to a listener, a rule to a backend, set a
 * weight. Each returns the new object; the caller turns it into a ResourceEdit.
 */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Route → parent (a Gateway listener, a ListenerSet entry, or a Service for the mesh — GAMMA, gateway-api.md §3.5). */
export function attachRoute(route: Resource, parent: Resource, section?: { sectionName?: string; port?: number }): KubeObject {
  const spec = isRecord(route.object.spec) ? route.object.spec : {};
  const ref: KubeObject = {};
  if (parent.kind === 'Service') {
    ref.group = '';
    ref.kind = 'Service';
  } else if (parent.kind === 'ListenerSet') {
    ref.group = GATEWAY_GROUP;
    ref.kind = 'ListenerSet';
  }
  ref.name = parent.name;
  if (parent.namespace !== route.namespace) ref.namespace = parent.namespace;
  if (section?.sectionName) ref.sectionName = section.sectionName;
  if (section?.port !== undefined) ref.port = section.port;
  const existing = list(spec.parentRefs);
  if (existing.some((p) => JSON.stringify(p) === JSON.stringify(ref))) return route.object;
  return setAt(route.object, ['spec', 'parentRefs'], [...existing, ref]);
}

/** Istio: a VirtualService bound to an Istio Gateway (`ns/name`, istio.md §1.1). An empty list meant mesh-only, so mesh is kept explicitly. */
export function bindVirtualService(vs: Resource, gateway: Resource): KubeObject {
  const spec = isRecord(vs.object.spec) ? vs.object.spec : {};
  const current = list(spec.gateways).filter((g): g is string => typeof g === 'string');
  const name = gateway.namespace === vs.namespace ? gateway.name : `${gateway.namespace}/${gateway.name}`;
  if (current.includes(name)) return vs.object;
  const next = current.length === 0 ? ['mesh', name] : [...current, name];
  return setAt(vs.object, ['spec', 'gateways'], next);
}

/** First port of a Service (what a new backendRef points at). */
export function firstServicePort(service: Resource): number | undefined {
  const spec = isRecord(service.object.spec) ? service.object.spec : {};
  const port = list(spec.ports).find(isRecord);
  return typeof port?.port === 'number' ? port.port : undefined;
}

/** Gateway API rule → Service backendRef. A second backend gets weights so the split is visible and editable. */
export function addBackendRef(route: Resource, rule: number, service: Resource): KubeObject {
  const refs = list(getRule(route, rule).backendRefs);
  const ref: KubeObject = { name: service.name };
  if (service.namespace !== route.namespace) ref.namespace = service.namespace;
  const port = firstServicePort(service);
  if (port !== undefined) ref.port = port;
  return setAt(route.object, ['spec', 'rules', rule, 'backendRefs'], [...refs, ref]);
}

export function setBackendWeight(route: Resource, rule: number, backend: number, weight: number): KubeObject {
  return setAt(route.object, ['spec', 'rules', rule, 'backendRefs', backend, 'weight'], weight);
}

/** Istio http route → destination (host short name when in the same namespace, optional subset). */
export function addDestination(vs: Resource, route: number, service: Resource, subset?: string): KubeObject {
  const spec = isRecord(vs.object.spec) ? vs.object.spec : {};
  const http = list(spec.http);
  const current = isRecord(http[route]) ? list((http[route] as KubeObject).route) : [];
  const host = service.namespace === vs.namespace ? service.name : `${service.name}.${service.namespace}.svc.cluster.local`;
  const destination: KubeObject = subset ? { host, subset } : { host };
  return setAt(vs.object, ['spec', 'http', route, 'route'], [...current, { destination }]);
}

export function setDestinationWeight(vs: Resource, route: number, destination: number, weight: number): KubeObject {
  return setAt(vs.object, ['spec', 'http', route, 'route', destination, 'weight'], weight);
}

function getRule(route: Resource, rule: number): KubeObject {
  const spec = isRecord(route.object.spec) ? route.object.spec : {};
  const r = list(spec.rules)[rule];
  return isRecord(r) ? r : {};
}
