/**
 * The mesh's host names → Service key, without a map entry per alias: a design of 20,000 Services
 * had 60,000 entries (and their strings) built on every compile for the few hosts a simulation
 * asks for. A Service whose name and namespace are plain DNS labels is found by reading the host
 * back as `name.ns`, `name.ns.svc` or `name.ns.svc.cluster.local`; any other (a dot or `/` in a
 * name the validator refuses, still compiled) keeps its aliases in a map. Where several Services
 * share a host the greatest key wins, as when the aliases were set in sorted key order.
 */
import type { MeshService } from './table-types.js';

/** Host name → key in MeshTable.services (a Map is one too). */
export interface MeshHostLookup {
  get(host: string): string | undefined;
}

const SUFFIXES = ['', '.svc', '.svc.cluster.local'] as const;

/** A name that cannot make a host read two ways. */
export function plainLabel(s: string): boolean {
  return s !== '' && !s.includes('.') && !s.includes('/');
}

export class ServiceHosts implements MeshHostLookup {
  /**
   * @param services the Gateway API mesh table's services (a Service's entry under `ns/name`)
   * @param others aliases of Services whose name or namespace is not plain, set in sorted key order
   */
  constructor(
    private readonly services: ReadonlyMap<string, MeshService>,
    private readonly others: ReadonlyMap<string, string>,
  ) {}

  get(host: string): string | undefined {
    let best = this.others.get(host);
    for (const suffix of SUFFIXES) {
      if (!host.endsWith(suffix)) continue;
      const base = host.slice(0, host.length - suffix.length);
      const dot = base.indexOf('.');
      if (dot === -1 || dot !== base.lastIndexOf('.')) continue;
      const name = base.slice(0, dot);
      const namespace = base.slice(dot + 1);
      if (!plainLabel(name) || !plainLabel(namespace)) continue;
      const key = `${namespace}/${name}`;
      const svc = this.services.get(key);
      if (svc === undefined || svc.ref.name !== name || svc.ref.namespace !== namespace) continue;
      if (best === undefined || key > best) best = key;
    }
    return best;
  }
}

/** The Gateway API mesh's hosts first; Istio's only for hosts it has none for (mergeMesh's rule). */
export function firstOf(a: MeshHostLookup, b: MeshHostLookup): MeshHostLookup {
  return { get: (host) => a.get(host) ?? b.get(host) };
}
