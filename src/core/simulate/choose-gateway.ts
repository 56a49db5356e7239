/**
 * Which gateway takes the request (DESIGN.md "simulate"): the one named by --gateway; otherwise
 * among the gateways with a listener on the request's port whose protocol fits and whose hostname
 * accepts the request, the first by namespace/name (a note names the others).
 */
import { formatRef } from '../compile/context.js';
import type { GatewayTable, RouteTable } from '../compile/types.js';
import type { WalkState } from './decision.js';
import { listenerAccepts } from './select-listener.js';
import type { Request, SimulateOptions } from './types.js';

export function chooseGateway(table: RouteTable, r: Request, options: SimulateOptions, state: WalkState): GatewayTable | string {
  const wanted = options.gateway;
  if (wanted) {
    const gw = table.gateways.find((g) => g.members.some((m) => m.namespace === wanted.namespace && m.name === wanted.name));
    if (!gw) return `Gateway ${wanted.namespace}/${wanted.name} is not in this design`;
    state.trace.push({ step: 'gateway', ref: formatRef(gw.ref), result: 'matched', reason: 'the gateway the request was sent to' });
    return gw;
  }
  // RouteTable.gateways is already in namespace/name order (compile sorts it once).
  const fits = table.gateways.filter((g) => g.ports.get(r.port)?.listeners.some((l) => listenerAccepts(l, r) === null));
  const [first, ...others] = fits;
  if (!first) {
    for (const g of table.gateways) {
      state.trace.push({ step: 'gateway', ref: formatRef(g.ref), result: 'skipped', reason: g.ports.has(r.port) ? `no listener on port ${r.port} accepts ${r.scheme}://${r.sni ?? r.host}` : `no listener on port ${r.port}` });
    }
    return table.gateways.length === 0 ? 'the design has no gateway' : `no gateway has a listener on port ${r.port} that accepts ${r.scheme}://${r.sni ?? r.host}${portsHint(table, r.port)}`;
  }
  state.trace.push({ step: 'gateway', ref: formatRef(first.ref), result: 'matched', reason: others.length === 0 ? `its listeners accept port ${r.port}` : 'first by namespace/name of the gateways that accept the request' });
  if (others.length > 0) {
    state.notes.push({ code: 'Ambiguous', message: `several gateways accept the request; chose ${formatRef(first.ref)} (first by namespace/name), others: ${others.map((g) => formatRef(g.ref)).join(', ')} (use --gateway)` });
  }
  return first;
}

/**
 * The ports the gateways do listen on, when none listens on the request's. An Istio Gateway's
 * server port is a port the gateway workload itself listens on; its Service may expose it under
 * another number (istio/istio manifests/charts/gateway/files/profile-demo.yaml maps Service port
 * 80 to targetPort 8080, the port samples/bookinfo/networking/bookinfo-gateway.yaml binds): the
 * hint says so.
 */
function portsHint(table: RouteTable, port: number): string {
  if (table.gateways.some((g) => g.ports.has(port))) return '';
  const ports = [...new Set(table.gateways.flatMap((g) => [...g.ports.keys()]))].sort((a, b) => a - b);
  const istio = table.gateways.some((g) => g.dialect === 'istio');
  return ` (the gateways listen on ${ports.join(', ')}${istio ? "; an Istio Gateway's server port is its workload's own port, which the gateway Service may expose as another: send the request to that port" : ''})`;
}
