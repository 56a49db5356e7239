/**
 * Which VirtualServices a proxy sees, in which order (istio.md §1.1, §1.7; istio/istio
 * pilot/pkg/model/push_context.go initVirtualServices, VirtualServicesForGateway).
 * For a proxy in namespace N bound to gateway G: the VSs private to N (exportTo only their own
 * namespace), then those exported to N, then the public ones; each group oldest first, ties by
 * name then namespace. Delegates (no hosts) are merged into their roots and never listed.
 * Indexed once by gateway and by exportTo namespace, as push_context.go does, so that a lookup
 * costs the VSs it returns, not all of them.
 */
import type { IstioSinks } from './context.js';
import { mergeDelegates } from './delegate.js';
import { HostOverlapIndex } from './host-overlap-index.js';
import type { ServerModel, VirtualServiceModel } from './model.js';
import { stripNamespace } from './names.js';
import { compareByName } from './read-virtual-service.js';

interface GatewayBucket {
  /** Every root bound to the gateway, in istiod's order. */
  readonly bound: VirtualServiceModel[];
  /** The public ones (exportTo `*`). */
  readonly public: VirtualServiceModel[];
  /** Non-public roots by the namespace they are exported to. */
  readonly exportedTo: Map<string, VirtualServiceModel[]>;
}

const EMPTY: readonly VirtualServiceModel[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class VirtualServiceIndex {
  /** Roots (with hosts), delegation merged, in istiod's order. */
  readonly roots: readonly VirtualServiceModel[];
  private readonly byGateway = new Map<string, GatewayBucket>();
  private readonly memo = new Map<string, readonly VirtualServiceModel[]>();
  /** Host index of each `forGateway` list, by list. */
  private readonly hostIndexes = new Map<readonly VirtualServiceModel[], HostOverlapIndex<number>>();

  constructor(all: readonly VirtualServiceModel[], sinks: IstioSinks) {
    const delegates = new Map<string, VirtualServiceModel>();
    for (const vs of all) if (vs.hosts.length === 0) delegates.set(`${vs.resource.namespace}/${vs.resource.name}`, vs);
    this.roots = sortByCreation(all.filter((vs) => vs.hosts.length > 0)).map((vs) => mergeDelegates(vs, delegates, sinks));
    for (const vs of this.roots) {
      for (const g of new Set(vs.gateways)) {
        let bucket = this.byGateway.get(g);
        if (!bucket) this.byGateway.set(g, (bucket = { bound: [], public: [], exportedTo: new Map() }));
        bucket.bound.push(vs);
        if (vs.exportTo.has('*')) bucket.public.push(vs);
        else for (const ns of vs.exportTo) push(bucket.exportedTo, ns, vs);
      }
    }
  }

  /** `VirtualServicesForGateway(proxyNamespace, gateway)`; `gateway` is `ns/name` or `mesh`. */
  forGateway(proxyNamespace: string, gateway: string): readonly VirtualServiceModel[] {
    const key = `${proxyNamespace}\u0000${gateway}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const restricted = this.restricted(proxyNamespace, gateway);
    const pub = this.publicFor(gateway);
    const out = restricted.length === 0 ? pub : [...restricted, ...pub];
    this.memo.set(key, out);
    return out;
  }

  /** The public VSs bound to `gateway` (exportTo `*`), which every namespace sees after its restricted ones. */
  publicFor(gateway: string): readonly VirtualServiceModel[] {
    return this.byGateway.get(gateway)?.public ?? EMPTY;
  }

  /** The non-public VSs a namespace sees: private to it first, then exported to it. */
  restricted(proxyNamespace: string, gateway: string): readonly VirtualServiceModel[] {
    const bound = this.byGateway.get(gateway)?.exportedTo.get(proxyNamespace);
    if (bound === undefined) return EMPTY;
    const key = `restricted\u0000${proxyNamespace}\u0000${gateway}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const out = [...bound.filter((vs) => vs.resource.namespace === proxyNamespace), ...bound.filter((vs) => vs.resource.namespace !== proxyNamespace)];
    this.memo.set(key, out);
    return out;
  }

  /** The non-public VSs bound to `gateway` (exported to named namespaces only), in istiod's order. */
  nonPublic(gateway: string): readonly VirtualServiceModel[] {
    return (this.byGateway.get(gateway)?.bound ?? EMPTY).filter((vs) => !vs.exportTo.has('*'));
  }

  /**
   * `forGateway(proxyNamespace, server's gateway)` narrowed to the VSs with a host that overlaps a
   * host of the server (its namespace part ignored), in the same order: the others bind to no
   * host of the server. Found through a host index of the list, not by trying every VS.
   */
  forServer(proxyNamespace: string, server: ServerModel): readonly VirtualServiceModel[] {
    const vss = this.forGateway(proxyNamespace, server.gatewayName);
    const names = server.hosts.map(stripNamespace);
    if (vss.length === 0 || names.some((h) => h === '*' || h === '')) return vss;
    let hosts = this.hostIndexes.get(vss);
    if (!hosts) {
      hosts = new HostOverlapIndex<number>();
      for (const [at, vs] of vss.entries()) for (const h of vs.hosts) hosts.add(h, at);
      this.hostIndexes.set(vss, hosts);
    }
    const found = new Set<number>();
    for (const name of names) for (const e of hosts.overlapping(name)) found.add(e.value);
    return [...found].sort((a, b) => a - b).flatMap((at) => vss[at] ?? []);
  }

  /** VSs bound to `gateway` that the proxy's namespace cannot see (for the trace and diagnostics). */
  hiddenFrom(proxyNamespace: string, gateway: string): VirtualServiceModel[] {
    const seen = new Set(this.forGateway(proxyNamespace, gateway));
    return (this.byGateway.get(gateway)?.bound ?? EMPTY).filter((vs) => !seen.has(vs));
  }
}

/** `compareByCreation` with each timestamp parsed once, not at every comparison (no timestamp: the newest). */
function sortByCreation(vss: readonly VirtualServiceModel[]): VirtualServiceModel[] {
  return vss
    .map((vs) => ({ vs, t: vs.creationTimestamp === null ? Infinity : Date.parse(vs.creationTimestamp) }))
    .sort((a, b) => (a.t !== b.t ? (a.t < b.t ? -1 : 1) : compareByName(a.vs, b.vs)))
    .map(({ vs }) => vs);
}
