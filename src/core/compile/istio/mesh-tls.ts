/**
 * Sidecar TLS routes for one Service port (istio.md §1.5; istio/istio pilot/pkg/networking/core/
 * tls.go `buildSidecarOutboundTLSFilterChainOpts`, `matchTLS`). Only a TLS port (protocol HTTPS or
 * TLS) reads `tls[]`; a plain port reads `tcp[]` (mesh-tcp.ts) and never both (the TCP builder
 * returns nothing for a TLS port). Every VirtualService whose host matches the Service is read, in
 * order (`getConfigsForHost`). Each `tls` match whose static predicates hold becomes a filter chain
 * on its `sniHosts` (and `destinationSubnets`): `gateways` unset or naming `mesh`, `port` unset or
 * this port — resolved here — and `sourceLabels` / `sourceNamespace`, kept as conditions on the
 * client. A chain whose SNI and subnets repeat an earlier one for the same client is never reached
 * (`hashRuntimeTLSMatchPredicates`); the simulator drops it (mesh-l4.ts). When no match applies,
 * the port keeps its default chain straight to the Service.
 */
import type { RouteEntry } from '../types.js';
import type { ProxyContext } from './context.js';
import { l4Entry } from './l4-entries.js';
import type { VirtualServiceModel } from './model.js';
import { MESH } from './names.js';

/**
 * Does Istio treat this Service port as TLS? `appProtocol` first, else the port name's prefix before
 * `-` (pkg/config/kube/conversion.go `ConvertProtocol`); HTTPS and TLS are the TLS protocols
 * (pkg/config/protocol/instance.go `IsTLS`).
 */
export function isTlsPort(p: { readonly name: string | null; readonly protocol: string | null } | undefined): boolean {
  if (!p) return false;
  const proto = (p.protocol ?? (p.name ?? '').split('-')[0] ?? '').toLowerCase();
  return proto === 'https' || proto === 'tls';
}

export function meshTlsEntries(ctx: ProxyContext, vs: VirtualServiceModel, port: number): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const rule of vs.tls) {
    if (rule.route.length === 0) continue;
    for (const m of rule.match) {
      if (m.gateways.length > 0 && !m.gateways.includes(MESH)) continue;
      if (m.port !== 0 && port !== 0 && m.port !== port) continue;
      const e = l4Entry(ctx, vs, rule, m, '*', true);
      out.push({ ...e, match: { ...e.match, sniHosts: m.sniHosts } });
    }
  }
  return out;
}
