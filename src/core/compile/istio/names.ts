/**
 * Istio name resolution and host arithmetic (istio.md §1.1, §2).
 * - Short hosts resolve in the namespace of the object that wrote them, not of the service
 *   (`pilot/pkg/model/config.go: ResolveShortnameToFQDN`).
 * - Gateway references: `name` → `<vs ns>/name`, `./name` → `<vs ns>/name`, legacy
 *   `name.ns[.svc…]` → `ns/name` (`resolveGatewayName`).
 * - Host overlap uses suffix wildcards (`pkg/config/host/name.go: Matches/SubsetOf`): `*.a.com`
 *   covers `x.a.com` and `x.y.a.com`, never `a.com`; `*` covers everything.
 */
import { intersectHostnames } from '../hostname.js';

export const CLUSTER_DOMAIN = 'cluster.local';
export const MESH = 'mesh';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function resolveShortHost(host: string, namespace: string): string {
  const h = host.toLowerCase();
  if (h === '' || h === '*' || IPV4.test(h) || h.includes(':')) return h;
  return h.includes('.') ? h : `${h}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

export function resolveGatewayName(name: string, namespace: string): string {
  if (name === MESH) return MESH;
  const slash = name.indexOf('/');
  if (slash !== -1) {
    const ns = name.slice(0, slash);
    return ns === '.' ? `${namespace}/${name.slice(slash + 1)}` : name;
  }
  const dot = name.indexOf('.');
  if (dot === -1) return `${namespace}/${name}`;
  const rest = name.slice(dot + 1);
  const next = rest.indexOf('.');
  return `${next === -1 ? rest : rest.slice(0, next)}/${name.slice(0, dot)}`;
}

/** `host.NamesForNamespace`: server hosts that a VirtualService in `namespace` may bind to, prefix removed. */
export function namesForNamespace(serverHosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  for (const h of serverHosts) {
    const slash = h.indexOf('/');
    if (slash === -1) out.push(h);
    else {
      const ns = h.slice(0, slash);
      if (ns === namespace || ns === '*') out.push(h.slice(slash + 1));
    }
  }
  return out;
}

/** The server host without its namespace part (`GetSNIHostsForServer`). */
export function stripNamespace(serverHost: string): string {
  const slash = serverHost.indexOf('/');
  return slash === -1 ? serverHost : serverHost.slice(slash + 1);
}

/** `host.Names.Intersection`: for each overlapping pair, the more specific side, deduplicated, in order. */
export function intersectHosts(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of a) {
    for (const y of b) {
      const i = intersectHostnames(x.toLowerCase(), y.toLowerCase());
      if (i !== null && !out.includes(i)) out.push(i);
    }
  }
  return out;
}

/** `host.Name.Matches`: do two (possibly wildcard) names overlap? */
export function hostsOverlap(a: string, b: string): boolean {
  return intersectHostnames(a.toLowerCase(), b.toLowerCase()) !== null;
}

/**
 * exportTo as istiod reads it (`convertExportToSet`): `.` → own namespace, `*` → all, `~` → none;
 * empty → the mesh default `*`. Returns the visible namespaces (`*` for all); empty = none.
 */
export function exportToSet(exportTo: readonly string[], namespace: string): Set<string> {
  if (exportTo.length === 0 || exportTo.includes('*')) return new Set(['*']);
  if (exportTo.includes('~')) return new Set();
  return new Set(exportTo.map((e) => (e === '.' ? namespace : e)));
}

export function visibleTo(exportTo: ReadonlySet<string>, namespace: string): boolean {
  return exportTo.has('*') || exportTo.has(namespace);
}

/** Label selector subset (`labels.Instance.SubsetOf`): every pair of `want` is in `have`. */
export function labelsSubsetOf(want: Readonly<Record<string, string>>, have: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(want)) if (have[k] !== v) return false;
  return true;
}
