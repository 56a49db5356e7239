import { ISTIO_GROUP } from '../resources/kinds.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { serviceOfHost, type ServiceRef } from './design.js';
import type { IstioCtx } from './istio-context.js';
import { headerFilters } from './istio-headers.js';
import { num, rec, records, spec, str, stringMap } from './read.js';

/**
 * Istio Destination → Gateway API backendRef (istio.md §1.4, §3; gateway-api.md §6.1).
 * Hosts resolve like Istio (short names in the VirtualService's namespace); the port comes from
 * the destination or the Service's only port; subsets become a loss entry or, with
 * subsetsAsServices, a Service per subset. Undefined when no backendRef can be written.
 */
export function backendRef(dest: KubeObject, at: FieldPath, vs: Resource, routeNs: string, routeKind: string, ctx: IstioCtx): KubeObject | undefined {
  const host = str(dest.host) ?? '';
  const svc = serviceOfHost(host, vs.namespace);
  if (!svc) {
    const known = ctx.design.serviceEntryHosts().has(host.toLowerCase());
    ctx.report.lose('ExternalHostBackend', vs, [...at, 'host'], `${host} is ${known ? 'a ServiceEntry host' : 'not a Kubernetes Service'}: written as an Istio-specific backendRef (group ${ISTIO_GROUP}, kind Hostname) that other implementations refuse`);
    const port = num(rec(dest.port).number);
    if (port === undefined) {
      ctx.report.lose('BackendPortUnknown', vs, at, `the destination ${host} names no port; a backendRef needs one, so it is left out`);
      return undefined;
    }
    return { group: ISTIO_GROUP, kind: 'Hostname', name: host, port };
  }
  const port = num(rec(dest.port).number) ?? onlyPort(svc, ctx);
  if (port === undefined) {
    ctx.report.lose('BackendPortUnknown', vs, at, `the destination ${host} names no port and the Service ${svc.namespace}/${svc.name} ${ctx.design.service(svc) ? 'has several' : 'is not in this design'}; a backendRef needs a port, so it is left out`);
    return undefined;
  }
  if (!ctx.options.assumeExternal && !ctx.design.service(svc)) {
    ctx.report.lose('MissingBackendStatus', vs, at, `the Service ${svc.namespace}/${svc.name} is not in this design: its share answers 503 in Istio, 500 in the Gateway API`);
  }
  const subset = str(dest.subset);
  const target = subset !== undefined ? subsetTarget(svc, subset, [...at, 'subset'], vs, ctx) : svc;
  if (target.namespace !== routeNs) ctx.grants.add(routeKind, routeNs, 'Service', target.namespace, target.name);
  return { name: target.name, ...(target.namespace !== routeNs ? { namespace: target.namespace } : {}), port };
}

function onlyPort(svc: ServiceRef, ctx: IstioCtx): number | undefined {
  const ports = ctx.design.servicePorts(svc);
  return ports && ports.length === 1 ? ports[0]?.port : undefined;
}

/** The subset's DestinationRule: the client namespace first, then the Service's (istio.md §3). */
function findSubset(svc: ServiceRef, subset: string, clientNs: string, ctx: IstioCtx): { labels: Record<string, string>; policy: boolean } | undefined {
  const drs = ctx.design.ofKind(ISTIO_GROUP, 'DestinationRule').filter((dr) => {
    const ref = serviceOfHost(str(spec(dr.object).host) ?? '', dr.namespace);
    return ref !== undefined && ref.name === svc.name && ref.namespace === svc.namespace;
  });
  drs.sort((a, b) => rankNs(a.namespace) - rankNs(b.namespace));
  function rankNs(ns: string): number {
    return ns === clientNs ? 0 : ns === svc.namespace ? 1 : 2;
  }
  for (const dr of drs) {
    for (const { item } of records(spec(dr.object).subsets)) {
      if (str(item.name) === subset) return { labels: stringMap(item.labels), policy: item.trafficPolicy !== undefined };
    }
  }
  return undefined;
}

function subsetTarget(svc: ServiceRef, subset: string, at: FieldPath, vs: Resource, ctx: IstioCtx): ServiceRef {
  const found = findSubset(svc, subset, vs.namespace, ctx);
  if (!found) {
    ctx.report.lose('SubsetNotFound', vs, at, `no DestinationRule in this design defines subset ${subset} of ${svc.namespace}/${svc.name} (Istio answers 503); the route sends to the whole Service`);
    return svc;
  }
  const service = ctx.design.service(svc);
  if (!ctx.options.subsetsAsServices || !service) {
    ctx.report.lose('Subset', vs, at, ctx.options.subsetsAsServices
      ? `the Service ${svc.namespace}/${svc.name} is not in this design, so no Service for subset ${subset} can be written; the route sends to every endpoint of the Service`
      : `the Gateway API has no subsets: the route sends to every endpoint of ${svc.namespace}/${svc.name}, not only those labelled ${labelText(found.labels)}`);
    return svc;
  }
  const name = `${svc.name}-${subset}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63).replace(/-+$/, '');
  const key = `${svc.namespace}/${name}`;
  if (!ctx.subsetServices.has(key)) {
    const sspec = spec(service.object);
    ctx.subsetServices.set(key, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: svc.namespace },
      spec: { selector: { ...stringMap(sspec.selector), ...found.labels }, ports: sspec.ports ?? [] },
    });
    ctx.report.note('SubsetService', vs, at, `subset ${subset} became the Service ${svc.namespace}/${name} (selector ${labelText({ ...stringMap(sspec.selector), ...found.labels })})`);
  }
  if (found.policy) ctx.report.lose('Subset', vs, at, `the traffic policy of subset ${subset} applies to the subset only; it does not follow the generated Service ${name}`);
  return { namespace: svc.namespace, name };
}

function labelText(l: Record<string, string>): string {
  return Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** `route[]` → backendRefs with weights (istio.md §9.3: a single destination takes 100 % whatever its weight). */
export function backendRefs(route: unknown, at: FieldPath, vs: Resource, routeNs: string, routeKind: string, ctx: IstioCtx): KubeObject[] {
  const dests = records(route);
  const out: KubeObject[] = [];
  for (const { item, index } of dests) {
    const ref = backendRef(rec(item.destination), [...at, index, 'destination'], vs, routeNs, routeKind, ctx);
    if (!ref) continue;
    if (dests.length > 1) ref.weight = num(item.weight) ?? 0;
    const filters = headerFilters(rec(item.headers), [...at, index, 'headers'], vs, ctx);
    if (filters.length > 0) ref.filters = filters;
    out.push(ref);
  }
  return out;
}

/**
 * A TLSRoute or TCPRoute rule needs a backendRef: the CRDs give `rules[].backendRefs` minItems 1
 * (gateway-api v1.6.1 config/crd …tlsroutes.yaml, …tcproutes.yaml), so a route whose rule has no
 * destination that can be written (each one's loss entry says why) would be refused: it is left
 * out, and the connections this rule took are not routed by it.
 */
export function leftOut(vs: Resource, at: FieldPath, kind: 'TLSRoute' | 'TCPRoute', ctx: IstioCtx): void {
  ctx.report.lose('BackendPortUnknown', vs, at, `no destination of this rule can be written as a backendRef, and a ${kind} rule needs at least one (the CRD's backendRefs minItems 1): the ${kind} is left out, and the connections this rule took are not routed by it`);
}
