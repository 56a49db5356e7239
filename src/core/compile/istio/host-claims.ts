/**
 * Which VirtualService of a sidecar's list claims a service host (istio.md §1.7; istio/istio
 * pilot/pkg/networking/core/route/route.go BuildSidecarVirtualHostWrapper): the first VS, in the
 * list's order, that names the host exactly or is the VS of the most specific wildcard host that
 * covers it (the first of the longest). Indexed once per list: a claim costs the hosts that could
 * overlap the name, not the whole list.
 */
import { HostOverlapIndex, type HostEntry } from './host-overlap-index.js';
import type { VirtualServiceModel } from './model.js';

export class HostClaims {
  /** Host as written → position of the first VS that names it. */
  private readonly exact = new Map<string, number>();
  /** Hosts starting with `*` → position of their VS. */
  private readonly wildcards = new HostOverlapIndex<number>();

  constructor(private readonly vss: readonly VirtualServiceModel[]) {
    vss.forEach((vs, at) => {
      for (const host of vs.hosts) {
        if (!this.exact.has(host)) this.exact.set(host, at);
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

  /** Where the first VS naming `hostname` sits, and the first of the longest overlapping `*` hosts. */
  parts(hostname: string): { exact: number; wildcard: HostEntry<number> | null } {
    let best: HostEntry<number> | null = null;
    for (const w of this.wildcards.overlapping(hostname)) if (best === null || w.host.length > best.host.length) best = w;
    return { exact: this.exact.get(hostname) ?? Infinity, wildcard: best };
  }

  at(position: number): VirtualServiceModel | null {
    return this.vss[position] ?? null;
  }
}

/**
 * The claim over the concatenation of the lists (a proxy's restricted VSs, then the public ones)
 * without indexing the concatenation: the first exact name, or the VS of the first of the longest
 * wildcards, whichever comes first.
 */
export function claimOver(lists: readonly HostClaims[], hostname: string): VirtualServiceModel | null {
  let offset = 0;
  let exact = Infinity;
  let best: { length: number; at: number } | null = null;
  for (const list of lists) {
    const p = list.parts(hostname);
    if (exact === Infinity && p.exact !== Infinity) exact = offset + p.exact;
    if (p.wildcard !== null && (best === null || p.wildcard.host.length > best.length)) best = { length: p.wildcard.host.length, at: offset + p.wildcard.value };
    offset += list.size;
  }
  let at = Math.min(exact, best?.at ?? Infinity);
  if (at === Infinity) return null;
  for (const list of lists) {
    if (at < list.size) return list.at(at);
    at -= list.size;
  }
  return null;
}
