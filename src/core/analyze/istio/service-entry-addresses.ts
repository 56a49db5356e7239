/**
 * IST0134 ServiceEntryAddressesRequired (istio/istio pkg/config/analysis/analyzers/serviceentry/protocoladdresses.go):
 * a ServiceEntry without `addresses` (and none allocated in its status) that has a port of
 * protocol TCP or none. A sidecar tells such traffic apart only by destination IP, so without a
 * virtual IP the port is served on a wildcard listener shared by every such entry.
 *
 * istioctl skips the check when the mesh config turns on DNS capture with address auto-allocation
 * (ISTIO_META_DNS_AUTO_ALLOCATE or PILOT_ENABLE_IP_AUTOALLOCATE); the design holds no mesh config,
 * so, as istioctl without one, it is reported — the message names that option.
 */
import { arr, num, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

const ISTIO = 'networking.istio.io';

export function analyzeServiceEntryAddresses(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of input.resources) {
    if (r.group !== ISTIO || r.kind !== 'ServiceEntry') continue;
    const spec = rec(r.object.spec);
    if (arr(spec.addresses).length > 0 || arr(rec(r.object.status).addresses).length > 0) continue;
    arr(spec.ports).forEach((raw, i) => {
      const port = rec(raw);
      const protocol = str(port.protocol) ?? '';
      if (protocol !== '' && protocol.toUpperCase() !== 'TCP') return;
      const number = num(port.number);
      const message =
        `port ${number ?? '?'} ${protocol === '' ? 'has no protocol, so it is' : 'is'} TCP and the ServiceEntry has no addresses: ` +
        'sidecars tell TCP traffic apart only by destination IP — add spec.addresses (a virtual IP or CIDR of the service), ' +
        'give the port its application protocol (HTTP, HTTPS, TLS…), or turn on DNS proxying with address auto-allocation in the mesh config';
      out.push(istioProblem(input, r, 'IstioServiceEntryAddressesRequired', 'IST0134', 'warning', message, ['spec', 'ports', i]));
    });
  }
  return out;
}
