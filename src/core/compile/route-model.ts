/**
 * Routes as the compiler sees them: kind, parentRefs with their defaults (gateway-api.md §3.1:
 * group gateway.networking.k8s.io, kind Gateway, namespace = the route's), lower-cased hostnames.
 */
import type { Resource } from '../resources/types.js';
import { GW } from './context.js';
import { arr, num, rec, str } from './read.js';
import type { RouteKind } from './types.js';

export const GATEWAY_ROUTE_KINDS: readonly RouteKind[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

export interface ParentRefModel {
  readonly index: number;
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName: string | null;
  readonly port: number | null;
}

export interface RouteModel {
  readonly resource: Resource;
  readonly kind: RouteKind;
  readonly parentRefs: readonly ParentRefModel[];
  /** Lower-cased; empty = any (TCP/UDP routes have none). */
  readonly hostnames: readonly string[];
}

export function readRoute(resource: Resource): RouteModel {
  const spec = rec(resource.object.spec);
  return {
    resource,
    kind: resource.kind as RouteKind,
    parentRefs: arr(spec.parentRefs).map((raw, index) => {
      const p = rec(raw);
      const sectionName = str(p.sectionName);
      return {
        index,
        group: str(p.group) ?? GW,
        kind: str(p.kind) ?? 'Gateway',
        namespace: str(p.namespace) ?? resource.namespace,
        name: str(p.name) ?? '',
        sectionName: sectionName === '' ? null : sectionName,
        port: num(p.port),
      };
    }),
    hostnames: resource.kind === 'TCPRoute' || resource.kind === 'UDPRoute' ? [] : arr(spec.hostnames).flatMap((h) => (typeof h === 'string' && h !== '' ? [h.toLowerCase()] : [])),
  };
}

export function isMeshParent(p: ParentRefModel): boolean {
  return p.group === '' && p.kind === 'Service';
}

/** `Gateway infra/edge`, `Gateway infra/edge section https` — how a parentRef is named in messages. */
export function describeParent(p: ParentRefModel): string {
  const section = p.sectionName === null ? '' : ` section ${p.sectionName}`;
  const port = p.port === null ? '' : ` port ${p.port}`;
  return `${p.kind} ${p.namespace}/${p.name}${section}${port}`;
}
