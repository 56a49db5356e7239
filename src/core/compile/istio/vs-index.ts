/**
 * Which VirtualServices a proxy sees, in which order (istio.md §1.1, §1.7; istio/istio
 * pilot/pkg/model/push_context.go initVirtualServices, VirtualServicesForGateway).
 * For a proxy in namespace N bound to gateway G: the VSs private to N (exportTo only their own
 * namespace), then those exported to N, then the public ones; each group oldest first, ties by
 * name then namespace. Delegates (no hosts) are merged into their roots and never listed.
 */
import type { IstioSinks } from './context.js';
import { mergeDelegates } from './delegate.js';
import type { VirtualServiceModel } from './model.js';
import { compareByCreation } from './read-virtual-service.js';

export class VirtualServiceIndex {
  /** Roots (with hosts), delegation merged, in istiod's order. */
  readonly roots: readonly VirtualServiceModel[];

  constructor(all: readonly VirtualServiceModel[], sinks: IstioSinks) {
    const delegates = new Map<string, VirtualServiceModel>();
    for (const vs of all) if (vs.hosts.length === 0) delegates.set(`${vs.resource.namespace}/${vs.resource.name}`, vs);
    this.roots = all
      .filter((vs) => vs.hosts.length > 0)
      .sort(compareByCreation)
      .map((vs) => mergeDelegates(vs, delegates, sinks));
  }

  private readonly memo = new Map<string, VirtualServiceModel[]>();

  /** `VirtualServicesForGateway(proxyNamespace, gateway)`; `gateway` is `ns/name` or `mesh`. */
  forGateway(proxyNamespace: string, gateway: string): VirtualServiceModel[] {
    const key = `${proxyNamespace}\u0000${gateway}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const bound = this.roots.filter((vs) => vs.gateways.includes(gateway));
    const out = [...this.restricted(proxyNamespace, gateway), ...bound.filter((vs) => vs.exportTo.has('*'))];
    this.memo.set(key, out);
    return out;
  }

  /** The non-public VSs a namespace sees: private to it first, then exported to it. */
  restricted(proxyNamespace: string, gateway: string): VirtualServiceModel[] {
    const key = `restricted\u0000${proxyNamespace}\u0000${gateway}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const bound = this.roots.filter((vs) => vs.gateways.includes(gateway) && !vs.exportTo.has('*') && vs.exportTo.has(proxyNamespace));
    const out = [...bound.filter((vs) => vs.resource.namespace === proxyNamespace), ...bound.filter((vs) => vs.resource.namespace !== proxyNamespace)];
    this.memo.set(key, out);
    return out;
  }

  /** VSs bound to `gateway` that the proxy's namespace cannot see (for the trace and diagnostics). */
  hiddenFrom(proxyNamespace: string, gateway: string): VirtualServiceModel[] {
    const seen = new Set(this.forGateway(proxyNamespace, gateway));
    return this.roots.filter((vs) => vs.gateways.includes(gateway) && !seen.has(vs));
  }
}
