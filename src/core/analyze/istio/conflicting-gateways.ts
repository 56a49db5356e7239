/**
 * IST0145 ConflictingGateways (istio/istio pkg/config/analysis/analyzers/gateway/conflictinggateway.go):
 * a server whose port, bind and one of its hosts another Gateway with the same workload selector
 * also declares. Reported on each Gateway of the pair, at the server — except where compile already
 * drops the server for it (IstioServerPortConflict, IstioServerDuplicateTlsHost carry IST0145):
 * one cause, one problem.
 */
import type { IstioSinks } from '../../compile/istio/context.js';
import { conflictIndex, nameSome, writtenHosts } from '../../compile/istio/gateway-conflicts.js';
import { mergeIstioGateways } from '../../compile/istio/gateway-merge.js';
import type { IstioGatewayModel } from '../../compile/istio/model.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { bySelector, formatSelector, istioGateways } from './istio-gateways.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

/** `resource id/spec.servers[i]` of the servers compile drops with IST0145 (gateway-merge.ts). */
function droppedByCompile(gateways: readonly IstioGatewayModel[]): Set<string> {
  const dropped = new Set<string>();
  const sinks: IstioSinks = {
    diagnose(resource, _code, _severity, _message, path, istioCode) {
      if (istioCode === 'IST0145') dropped.add(`${resource.id}/${path ?? ''}`);
    },
    note: () => undefined,
  };
  mergeIstioGateways(gateways, sinks);
  return dropped;
}

export function analyzeConflictingGateways(input: IstioAnalysisInput): Diagnostic[] {
  const gateways = istioGateways(input.resources);
  const dropped = droppedByCompile(gateways);
  const out: Diagnostic[] = [];
  for (const members of bySelector(gateways)) {
    if (members.length < 2) continue;
    const conflicts = conflictIndex(members);
    for (const g of members) {
      for (const s of g.servers) {
        if (dropped.has(`${g.resource.id}/${s.path}`)) continue;
        const others = conflicts(s);
        if (others.length === 0) continue;
        const message =
          `Gateway ${nameSome(others)} also declares host ${writtenHosts(s).join(', ')} on port ${s.portNumber} ` +
          `for the same workloads (selector ${formatSelector(g.selector)}): the proxy gets two servers for one host and port, ` +
          "so one Gateway's routes or TLS settings silently take precedence over the other's — " +
          'give them different hosts or ports, or declare the host in one Gateway';
        out.push(istioProblem(input, g.resource, 'IstioConflictingGateways', 'IST0145', 'error', message, ['spec', 'servers', s.index]));
      }
    }
  }
  return out;
}
