/**
 * IST0101 ReferencedResourceNotFound for destination hosts (istio/istio
 * analyzers/virtualservice/destinationhosts.go): a route destination, mirror or mirrors entry
 * names a host that is neither a Service nor a ServiceEntry host visible to the VirtualService's
 * namespace. DESIGN.md "Objects outside the design": with --assume-external an absent host is
 * assumed present, and nothing is reported.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { serviceHostsOf, toFqdn } from './service-hosts.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';
import { readVirtualServices } from './virtual-services.js';

export function analyzeDestinationHosts(input: IstioAnalysisInput): Diagnostic[] {
  if (input.assumeExternal) return [];
  const hosts = serviceHostsOf(input.resources);
  const out: Diagnostic[] = [];
  for (const vs of readVirtualServices(input.resources)) {
    const ns = vs.resource.namespace;
    for (const d of vs.destinations) {
      if (hosts.lookup(d.host, ns, vs.exportTo) !== null) continue;
      const what = d.mirror ? 'mirror host' : 'host';
      out.push(istioProblem(input, vs.resource, 'IstioDestinationHostNotFound', 'IST0101', 'error',
        `Referenced ${what} "${d.host}" not found: no Service or ServiceEntry in this design is ${toFqdn(d.host, ns)} (visible to namespace ${ns}); add it, correct the host, or use --assume-external if it lives outside the design (Istio answers 503)`,
        [...d.path, 'host']));
    }
  }
  return out;
}
