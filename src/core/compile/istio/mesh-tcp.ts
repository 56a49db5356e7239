/**
 * Sidecar TCP routes for one Service port (istio.md §1.5; istio/istio pilot/pkg/networking/core
 * listener_builder / tcp routing: `tcp[]` of the VirtualService that claims the host). Rules keep
 * their order and the first that applies takes the connection: a rule without `match` always
 * applies; otherwise one of its matches must hold — `port` unset or the Service port, `gateways`
 * unset or naming `mesh`, and `sourceLabels` / `sourceNamespace` on the client (kept as conditions,
 * as for HTTP). A rule without a route is skipped.
 */
import type { RouteEntry } from '../types.js';
import type { ProxyContext } from './context.js';
import { l4Entry } from './l4-entries.js';
import type { VirtualServiceModel } from './model.js';
import { MESH } from './names.js';

export function meshTcpEntries(ctx: ProxyContext, vs: VirtualServiceModel, port: number): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const rule of vs.tcp) {
    if (rule.route.length === 0) continue;
    if (rule.match.length === 0) {
      out.push(l4Entry(ctx, vs, rule, null, '*', true));
      continue;
    }
    for (const m of rule.match) {
      if (m.gateways.length > 0 && !m.gateways.includes(MESH)) continue;
      if (m.port !== 0 && port !== 0 && m.port !== port) continue;
      out.push(l4Entry(ctx, vs, rule, m, '*', true));
    }
  }
  return out;
}
