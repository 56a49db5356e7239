/**
 * The VirtualService facts the analyzers read, with the field path of each: hosts, gateways,
 * exportTo and every destination (route destinations of http/tcp/tls rules, and the http mirror
 * and mirrors), as istioctl's `getRouteDestinations` / `getHTTPMirrorDestinations` list them.
 */
import { arr, num, rec, str } from '../../compile/read.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';

export const ISTIO_GROUP = 'networking.istio.io';

export interface DestinationFact {
  /** `host` as written. */
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** Path of the destination object (`spec.http[0].route[1].destination`, `spec.http[0].mirror`). */
  readonly path: FieldPath;
  readonly mirror: boolean;
}

export interface VirtualServiceFact {
  readonly resource: Resource;
  readonly hosts: readonly string[];
  /** `spec.gateways` as written ([] = bound to `mesh` only). */
  readonly gateways: readonly string[];
  readonly exportTo: readonly string[];
  readonly destinations: readonly DestinationFact[];
}

const strings = (v: unknown): string[] => arr(v).flatMap((s) => (typeof s === 'string' ? [s] : []));

function destination(v: unknown, path: FieldPath, mirror: boolean): DestinationFact[] {
  const d = rec(v);
  const host = str(d.host);
  if (host === null || host === '') return [];
  return [{ host, subset: str(d.subset) || null, port: num(rec(d.port).number), path, mirror }];
}

function destinationsOf(spec: Record<string, unknown>): DestinationFact[] {
  const out: DestinationFact[] = [];
  for (const section of ['tcp', 'tls', 'http'] as const) {
    arr(spec[section]).forEach((rule, i) => {
      arr(rec(rule).route).forEach((route, j) => {
        out.push(...destination(rec(route).destination, ['spec', section, i, 'route', j, 'destination'], false));
      });
    });
  }
  arr(spec.http).forEach((rule, i) => {
    const r = rec(rule);
    if (r.mirror !== undefined) out.push(...destination(r.mirror, ['spec', 'http', i, 'mirror'], true));
    arr(r.mirrors).forEach((m, j) => {
      out.push(...destination(rec(m).destination, ['spec', 'http', i, 'mirrors', j, 'destination'], true));
    });
  });
  return out;
}

/** Read once per design: the analyzers of one `analyzeIstio` call share the same resources array. */
const cache = new WeakMap<readonly Resource[], readonly VirtualServiceFact[]>();

export function readVirtualServices(resources: readonly Resource[]): readonly VirtualServiceFact[] {
  const hit = cache.get(resources);
  if (hit) return hit;
  const facts = read(resources);
  cache.set(resources, facts);
  return facts;
}

function read(resources: readonly Resource[]): VirtualServiceFact[] {
  return resources
    .filter((r) => r.group === ISTIO_GROUP && r.kind === 'VirtualService')
    .map((resource) => {
      const spec = rec(resource.object.spec);
      return {
        resource,
        hosts: strings(spec.hosts),
        gateways: strings(spec.gateways),
        exportTo: strings(spec.exportTo),
        destinations: destinationsOf(spec),
      };
    });
}
