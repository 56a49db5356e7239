/**
 * IST0145 ConflictingGateways (istio/istio pkg/config/analysis/analyzers/gateway/conflictinggateway.go):
 * a server whose port, bind and one of its hosts another Gateway with the same workload selector
 * also declares. Reported on each Gateway of the pair, at the server. Where compile already drops
 * the server (IstioServerPortConflict, IstioServerDuplicateTlsHost) its diagnostic carries IST0145
 * and the verdict keeps that one.
 */
import { conflictingGateways, writtenHosts } from '../../compile/istio/gateway-conflicts.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { bySelector, formatSelector, istioGateways } from './istio-gateways.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

export function analyzeConflictingGateways(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const members of bySelector(istioGateways(input.resources))) {
    for (const g of members) {
      for (const s of g.servers) {
        const others = conflictingGateways(s, members);
        if (others.length === 0) continue;
        const message =
          `Gateway ${others.join(', ')} also declares host ${writtenHosts(s).join(', ')} on port ${s.portNumber} ` +
          `for the same workloads (selector ${formatSelector(g.selector)}): the proxy gets two servers for one host and port, ` +
          "so one Gateway's routes or TLS settings silently take precedence over the other's — " +
          'give them different hosts or ports, or declare the host in one Gateway';
        out.push(istioProblem(input, g.resource, 'IstioConflictingGateways', 'IST0145', 'error', message, ['spec', 'servers', s.index]));
      }
    }
  }
  return out;
}
