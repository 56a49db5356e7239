import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import { makeResourceId, type Resource, type ResourceId } from '../resources/types.js';
import { rec, strings } from './read.js';

const SERVICE_FQDN = /^([^.]+)\.([^.]+)\.svc\.cluster\.local\.?$/;

/** Finds resources by reference. Built once per graph; references never scan the whole design. */
export class ResourceIndex {
  private readonly byId = new Map<string, Resource>();
  private readonly entryHosts = new Map<string, ResourceId>();
  private readonly entryWildcards: { suffix: string; id: ResourceId }[] = [];
  private byKindAndNamespace: Map<string, Resource[]> | null = null;

  constructor(readonly resources: readonly Resource[]) {
    for (const r of resources) {
      this.byId.set(r.id, r);
      if (r.group === ISTIO_GROUP && r.kind === 'ServiceEntry') {
        for (const host of strings(rec(r.object.spec).hosts)) {
          if (host.startsWith('*')) this.entryWildcards.push({ suffix: host.slice(1), id: r.id });
          else if (!this.entryHosts.has(host)) this.entryHosts.set(host, r.id);
        }
      }
    }
  }

  /** A group of '' or `core` means the core API group. */
  get(group: string, kind: string, namespace: string, name: string): Resource | undefined {
    const g = group === 'core' ? '' : group;
    return this.byId.get(makeResourceId(g, kind, namespace, name));
  }

  byResourceId(id: ResourceId): Resource | undefined {
    return this.byId.get(id);
  }

  /** The resources of one kind in one namespace, in document order (indexed on first use). */
  inNamespace(group: string, kind: string, namespace: string): readonly Resource[] {
    if (!this.byKindAndNamespace) {
      const m = new Map<string, Resource[]>();
      for (const r of this.resources) {
        const key = `${r.group}/${r.kind}/${r.namespace}`;
        const list = m.get(key);
        if (list) list.push(r);
        else m.set(key, [r]);
      }
      this.byKindAndNamespace = m;
    }
    return this.byKindAndNamespace.get(`${group === 'core' ? '' : group}/${kind}/${namespace}`) ?? [];
  }

  gatewayApi(kind: string, namespace: string, name: string): Resource | undefined {
    return this.get(GATEWAY_GROUP, kind, namespace, name);
  }

  istio(kind: string, namespace: string, name: string): Resource | undefined {
    return this.get(ISTIO_GROUP, kind, namespace, name);
  }

  /**
   * What an Istio `host` names, seen from `namespace`: a short name is a Service of that
   * namespace, `name.ns.svc.cluster.local` a Service, anything else a ServiceEntry host
   * (exact, then wildcard).
   * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
   */
  resolveIstioHost(host: string, namespace: string): IstioHost {
    if (!host.includes('.') && !host.includes('*')) {
      return { kind: 'service', namespace, name: host, resource: this.get('', 'Service', namespace, host) };
    }
    const fqdn = SERVICE_FQDN.exec(host);
    if (fqdn) {
      const [, name = '', ns = ''] = fqdn;
      const service = this.get('', 'Service', ns, name);
      if (service) return { kind: 'service', namespace: ns, name, resource: service };
      const entry = this.entryFor(host);
      return entry ? { kind: 'entry', host, resource: entry } : { kind: 'service', namespace: ns, name, resource: undefined };
    }
    return { kind: 'entry', host, resource: this.entryFor(host) };
  }

  private entryFor(host: string): Resource | undefined {
    const exact = this.entryHosts.get(host);
    if (exact) return this.byId.get(exact);
    const wild = this.entryWildcards.find((w) => host.endsWith(w.suffix));
    return wild ? this.byId.get(wild.id) : undefined;
  }
}

export type IstioHost =
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string; readonly resource: Resource | undefined }
  | { readonly kind: 'entry'; readonly host: string; readonly resource: Resource | undefined };
