/**
 * IST0132 VirtualServiceHostNotFoundInGateway (istio/istio analyzers/virtualservice/gateways.go):
 * a VirtualService is bound to a Gateway none of whose server hosts — as visible from the
 * VirtualService's namespace (`ns/host` only for that namespace, `./host` for the Gateway's own,
 * `*\/host` for all) — overlaps any of its hosts. For a Gateway API Gateway named there, its
 * listener hostnames count (a listener without one serves every host).
 * A gateway that does not exist is IST0101, reported by compile (IstioGatewayNotFound).
 */
import { namesForNamespace, hostsOverlap } from '../../compile/istio/names.js';
import { sanitizeServerHosts } from '../../compile/istio/read-gateway.js';
import { arr, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { GATEWAY_GROUP } from '../../resources/kinds.js';
import type { Resource } from '../../resources/types.js';
import { isInternalGatewayReference, MESH, resolveGatewayName } from './gateway-refs.js';
import { istioProblem, relatedPlace, type IstioAnalysisInput } from './types.js';
import { ISTIO_GROUP, readVirtualServices } from './virtual-services.js';

const strings = (v: unknown): string[] => arr(v).flatMap((s) => (typeof s === 'string' ? [s] : []));

/** The hosts a gateway serves for a VirtualService of `namespace`; null when it serves every host. */
function servedHosts(gateway: Resource, namespace: string): string[] | null {
  if (gateway.group === ISTIO_GROUP) {
    const hosts = arr(rec(gateway.object.spec).servers).flatMap((s) => sanitizeServerHosts(strings(rec(s).hosts), gateway.namespace));
    return namesForNamespace(hosts, namespace);
  }
  const listeners = arr(rec(gateway.object.spec).listeners).map((l) => str(rec(l).hostname) ?? '');
  return listeners.includes('') ? null : listeners;
}

export function analyzeHostsNotInGateway(input: IstioAnalysisInput): Diagnostic[] {
  const gateways = new Map<string, Resource>();
  for (const r of input.resources) {
    const key = `${r.namespace}/${r.name}`;
    if (r.kind !== 'Gateway') continue;
    // An Istio Gateway wins over a Gateway API Gateway of the same name, as in the analyzer.
    if (r.group === ISTIO_GROUP || (r.group === GATEWAY_GROUP && !gateways.has(key))) gateways.set(key, r);
  }
  const out: Diagnostic[] = [];
  for (const vs of readVirtualServices(input.resources)) {
    if (vs.hosts.length === 0) continue; // a delegate: its gateways are those of its root
    vs.gateways.forEach((g, i) => {
      if (g === MESH || isInternalGatewayReference(g)) return;
      const gateway = gateways.get(resolveGatewayName(g, vs.resource.namespace));
      if (!gateway) return;
      const served = servedHosts(gateway, vs.resource.namespace);
      if (served === null || served.some((s) => vs.hosts.some((h) => hostsOverlap(s, h)))) return;
      const which = gateway.group === ISTIO_GROUP ? 'Istio Gateway' : 'Gateway';
      const offer = served.length === 0 ? `serves no host to namespace ${vs.resource.namespace}` : `serves ${served.join(', ')} to namespace ${vs.resource.namespace}`;
      const related = [relatedPlace(input, gateway, ['spec', gateway.group === ISTIO_GROUP ? 'servers' : 'listeners'], 'bound gateway')];
      out.push({ ...istioProblem(input, vs.resource, 'IstioHostNotInGateway', 'IST0132', 'warning',
        `no host of this VirtualService (${vs.hosts.join(', ')}) is served by ${which} ${gateway.namespace}/${gateway.name}, which ${offer}: add a matching host to the gateway's servers (or its ns/ prefix), or change the VirtualService hosts`,
        ['spec', 'gateways', i]), related });
    });
  }
  return out;
}
