/**
 * The Istio Gateways of a design as compile reads them, grouped by workload selector: Gateways
 * with the same selector configure the same proxies (istio.md §2), which is where istioctl's
 * gateway analyzers look for conflicts.
 */
import { selectorKey } from '../../compile/istio/gateway-merge.js';
import type { IstioGatewayModel } from '../../compile/istio/model.js';

export { istioGateways } from '../../compile/istio/read-gateway.js';

/** Gateways with the same selector, in design order. */
export function bySelector(gateways: readonly IstioGatewayModel[]): IstioGatewayModel[][] {
  const groups = new Map<string, IstioGatewayModel[]>();
  for (const g of gateways) {
    const key = selectorKey(g);
    const group = groups.get(key);
    if (group) group.push(g);
    else groups.set(key, [g]);
  }
  return [...groups.values()];
}

/** `istio=ingressgateway,app=x` (sorted, as a Kubernetes label selector prints), or a phrase for none. */
export function formatSelector(selector: Readonly<Record<string, string>> | null): string {
  const pairs = Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`).sort();
  return pairs.length === 0 ? 'none: every workload' : pairs.join(',');
}
