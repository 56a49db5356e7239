/**
 * Which VirtualServices of a sidecar's list claim a service host (istio.md §1.7; istio/istio
 * pilot/pkg/networking/core/route/route.go BuildSidecarVirtualHostWrapper): in the list's order,
 * those that name the host exactly and the VS of the most specific wildcard host that covers it
 * (the first of the longest); the first of them that yields routes takes the host. Their `tcp`
 * rules are read from every VS whose host matches. Indexed once per list: a claim costs the hosts
 * that could overlap the name, not the whole list.
 */
import { HostOverlapIndex, type HostEntry } from './host-overlap-index.js';
import type { VirtualServiceModel } from './model.js';

export class HostClaims {
  /** Host as written → positions of the VSs that name it, in order. */
  private readonly exact = new Map<string, number[]>();
  /** Hosts starting with `*` → position of their VS. */
  private readonly wildcards = new HostOverlapIndex<number>();

  constructor(private readonly vss: readonly VirtualServiceModel[]) {
    vss.forEach((vs, at) => {
      for (const host of vs.hosts) {
        const list = this.exact.get(host);
        if (!list) this.exact.set(host, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
        if (host.startsWith('*')) this.wildcards.add(host, at);
      }
    });
  }

  get size(): number {
    return this.vss.length;
  }

  claim(hostname: string): VirtualServiceModel | null {
    return claimOver([this], hostname);
  }

  /** Positions of the VSs naming `hostname`, and the `*` hosts that overlap it (in order). */
  parts(hostname: string): { exact: readonly number[]; wildcards: readonly HostEntry<number>[] } {
    return { exact: this.exact.get(hostname) ?? [], wildcards: this.wildcards.overlapping(hostname) };
  }

  at(position: number): VirtualServiceModel | null {
    return this.vss[position] ?? null;
  }
}

/** The VSs at these positions of the concatenated lists, in order, each once. */
function pick(lists: readonly HostClaims[], positions: Iterable<number>): VirtualServiceModel[] {
  const out: VirtualServiceModel[] = [];
  for (let at of [...new Set(positions)].sort((a, b) => a - b)) {
    for (const list of lists) {
      if (at < list.size) {
        const vs = list.at(at);
        if (vs) out.push(vs);
        break;
      }
      at -= list.size;
    }
  }
  return out;
}

/**
 * The VSs of the concatenated lists (a proxy's restricted VSs, then the public ones) that build
 * a virtual host for `hostname` on a sidecar, in order (route.go `separateVSHostsAndServices`):
 * every VS naming the host, and the VS of the most specific wildcard covering it (the first of the
 * longest). The first of them that yields routes for the proxy and port takes the host
 * (httproute.go `BuildSidecarOutboundVirtualHosts`: a later virtual host of the same name is a
 * duplicate); when none yields, the Service's default route applies.
 */
export function claimantsOver(lists: readonly HostClaims[], hostname: string): VirtualServiceModel[] {
  let offset = 0;
  const positions: number[] = [];
  let best: { length: number; at: number } | null = null;
  for (const list of lists) {
    const p = list.parts(hostname);
    for (const at of p.exact) positions.push(offset + at);
    for (const w of p.wildcards) if (best === null || w.host.length > best.length) best = { length: w.host.length, at: offset + w.value };
    offset += list.size;
  }
  if (best !== null) positions.push(best.at);
  return pick(lists, positions);
}

/**
 * The VSs whose `tcp` rules a sidecar reads for `hostname`, in order: every VS with a host that
 * matches it, wildcards of any length included (tls.go `getConfigsForHost`, used by listener.go
 * `buildSidecarOutboundTCPListenerOpts`).
 */
export function tcpClaimantsOver(lists: readonly HostClaims[], hostname: string): VirtualServiceModel[] {
  let offset = 0;
  const positions: number[] = [];
  for (const list of lists) {
    const p = list.parts(hostname);
    for (const at of p.exact) positions.push(offset + at);
    for (const w of p.wildcards) positions.push(offset + w.value);
    offset += list.size;
  }
  return pick(lists, positions);
}

/** The first of `claimantsOver`: the VS that takes the host when every claimant yields routes. */
export function claimOver(lists: readonly HostClaims[], hostname: string): VirtualServiceModel | null {
  return claimantsOver(lists, hostname)[0] ?? null;
}
