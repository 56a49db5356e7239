/**
 * The hosts a VirtualService destination may name, as istioctl's analyzers see them
 * (istio/istio pkg/config/analysis/analyzers/util/service_lookup.go): every ServiceEntry host
 * and every Kubernetes Service (`name.ns.svc.cluster.local`), each in the namespaces it is
 * exported to (ServiceEntry `exportTo`; Service annotation `networking.istio.io/exportTo`;
 * none = all). A short host is read in the namespace of the object that wrote it.
 */
import { arr, num, rec, str } from '../../compile/read.js';
import type { Resource } from '../../resources/types.js';
import { ISTIO_GROUP } from './virtual-services.js';

const ALL = '*';
const CLUSTER_DOMAIN = 'cluster.local';

export interface ServiceHost {
  readonly resource: Resource;
  /** Declared port numbers (Service `spec.ports[].port`, ServiceEntry `spec.ports[].number`). */
  readonly ports: readonly number[];
}

/** `ConvertHostToFQDN`: a name without a dot (and not a wildcard) is a Service of `namespace`. */
export function toFqdn(host: string, namespace: string): string {
  const h = host.toLowerCase();
  return h.startsWith('*') || h.includes('.') ? h : `${h}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

function scopes(exportTo: readonly string[], namespace: string): string[] {
  if (exportTo.length === 0) return [ALL];
  return exportTo.map((e) => (e === '.' ? namespace : e === ALL ? ALL : e));
}

function ports(list: unknown, key: 'port' | 'number'): number[] {
  return arr(list).flatMap((p) => {
    const n = num(rec(p)[key]);
    return n === null ? [] : [n];
  });
}

export class ServiceHosts {
  /** `scope/fqdn` → the first object that declares it. */
  private readonly byScopedHost = new Map<string, ServiceHost>();
  /** Wildcard hosts (`*.example.com`), apart: they are tried only when no exact name is visible. */
  private readonly wildcards: { readonly scope: string; readonly suffix: string; readonly host: ServiceHost }[] = [];

  private built = false;

  /**
   * Read on the first lookup, not here: a design without VirtualService destinations (10,000
   * HTTPRoutes and 20,000 Services) never asks, and indexing every Service cost the analyzers most
   * of their time.
   */
  constructor(private readonly resources: readonly Resource[]) {}

  private build(): void {
    this.built = true;
    for (const r of this.resources) {
      if (r.group === ISTIO_GROUP && r.kind === 'ServiceEntry') {
        const spec = rec(r.object.spec);
        const exportTo = arr(spec.exportTo).flatMap((e) => (typeof e === 'string' ? [e] : []));
        for (const h of arr(spec.hosts)) {
          if (typeof h === 'string') this.add(scopes(exportTo, r.namespace), toFqdn(h, r.namespace), { resource: r, ports: ports(spec.ports, 'number') });
        }
      } else if (r.group === '' && r.kind === 'Service') {
        const annotation = str(rec(rec(r.object.metadata).annotations)['networking.istio.io/exportTo']) ?? '';
        const exportTo = annotation === '' ? [] : annotation.split(',').map((s) => s.trim());
        this.add(scopes(exportTo, r.namespace), toFqdn(r.name, r.namespace), { resource: r, ports: ports(rec(r.object.spec).ports, 'port') });
      }
    }
  }

  private add(scopeList: readonly string[], fqdn: string, host: ServiceHost): void {
    for (const s of scopeList) {
      const key = `${s}/${fqdn}`;
      if (this.byScopedHost.has(key)) continue;
      this.byScopedHost.set(key, host);
      if (fqdn.startsWith('*')) this.wildcards.push({ scope: s, suffix: fqdn.slice(1), host });
    }
  }

  /**
   * `GetDestinationHost`: the service a destination `host` written in a VirtualService of
   * `namespace` (exported to `exportTo`) names — exact name first, then a wildcard
   * ServiceEntry host covering it; null when none is visible.
   */
  lookup(host: string, namespace: string, exportTo: readonly string[]): ServiceHost | null {
    if (!this.built) this.build();
    const fqdn = toFqdn(host, namespace);
    const visible = exportTo.length === 0 ? [ALL, namespace] : [ALL, ...exportTo.map((e) => (e === '.' ? namespace : e))];
    for (const s of visible) {
      const hit = this.byScopedHost.get(`${s}/${fqdn}`);
      if (hit) return hit;
    }
    const bare = host.toLowerCase().replace(/^\*/, '');
    const hit = this.wildcards.find((w) => (w.scope === ALL || w.scope === namespace) && bare.endsWith(w.suffix));
    return hit?.host ?? null;
  }
}

const cache = new WeakMap<readonly Resource[], ServiceHosts>();

/** The ServiceHosts of a design, built once for the analyzers of one `analyzeIstio` call. */
export function serviceHostsOf(resources: readonly Resource[]): ServiceHosts {
  let hosts = cache.get(resources);
  if (!hosts) cache.set(resources, (hosts = new ServiceHosts(resources)));
  return hosts;
}
