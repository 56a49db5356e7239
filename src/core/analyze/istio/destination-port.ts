/**
 * The destination port checks of istio/istio analyzers/virtualservice/destinationhosts.go
 * (`checkServiceEntryPorts`), for a destination whose host was found:
 * - IST0112 VirtualServiceDestinationPortSelectorRequired: no `port` while the service declares
 *   more than one port;
 * - IST0101 ReferencedResourceNotFound (`host:port`): a `port.number` the service does not declare.
 * Hosts not found are reported by destination-host-not-found.ts, once.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { serviceHostsOf } from './service-hosts.js';
import { istioProblem, relatedPlace, type IstioAnalysisInput } from './types.js';
import { readVirtualServices } from './virtual-services.js';

export function analyzeDestinationPorts(input: IstioAnalysisInput): Diagnostic[] {
  const hosts = serviceHostsOf(input.resources);
  const out: Diagnostic[] = [];
  for (const vs of readVirtualServices(input.resources)) {
    for (const d of vs.destinations) {
      const svc = hosts.lookup(d.host, vs.resource.namespace, vs.exportTo);
      if (svc === null) continue;
      const owner = `${svc.resource.kind} ${svc.resource.namespace}/${svc.resource.name}`;
      const ports = svc.ports.join(', ');
      const related = [relatedPlace(input, svc.resource, ['spec', 'ports'], 'declares the ports')];
      if (d.port === null) {
        if (svc.ports.length < 2) continue;
        out.push({ ...istioProblem(input, vs.resource, 'IstioDestinationPortRequired', 'IST0112', 'error',
          `"${d.host}" (${owner}) exposes ports ${ports}: set destination.port.number to the one this route uses`,
          d.path), related });
      } else if (svc.ports.length > 0 && !svc.ports.includes(d.port)) {
        out.push({ ...istioProblem(input, vs.resource, 'IstioDestinationPortNotFound', 'IST0101', 'error',
          `Referenced host:port "${d.host}:${d.port}" not found: ${owner} declares ports ${ports}; use one of them (Istio answers 503)`,
          [...d.path, 'port', 'number']), related });
      }
    }
  }
  return out;
}
