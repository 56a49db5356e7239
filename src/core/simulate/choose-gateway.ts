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
    state.trace.push({ step: 'gateway', ref: formatRef(gw.ref), result: 'matched', reason: 'named by --gateway' });
    return gw;
  }
  // RouteTable.gateways is already in namespace/name order (compile sorts it once).
  const fits = table.gateways.filter((g) => g.ports.get(r.port)?.listeners.some((l) => listenerAccepts(l, r) === null));
  const [first, ...others] = fits;
  if (!first) {
    for (const g of table.gateways) {
      state.trace.push({ step: 'gateway', ref: formatRef(g.ref), result: 'skipped', reason: g.ports.has(r.port) ? `no listener on port ${r.port} accepts ${r.scheme}://${r.sni ?? r.host}` : `no listener on port ${r.port}` });
    }
    return table.gateways.length === 0 ? 'the design has no gateway' : `no gateway has a listener on port ${r.port} that accepts ${r.scheme}://${r.sni ?? r.host}`;
  }
  state.trace.push({ step: 'gateway', ref: formatRef(first.ref), result: 'matched', reason: others.length === 0 ? `its listeners accept port ${r.port}` : 'first by namespace/name of the gateways that accept the request' });
  if (others.length > 0) {
    state.notes.push({ code: 'Ambiguous', message: `several gateways accept the request; chose ${formatRef(first.ref)} (first by namespace/name), others: ${others.map((g) => formatRef(g.ref)).join(', ')} (use --gateway)` });
  }
  return first;
}
