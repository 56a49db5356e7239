import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import { records, rec, spec, str, stringMap, strings } from './read.js';

/** The cluster domain Istio and Kubernetes use for Service FQDNs. */
export const CLUSTER_DOMAIN = 'cluster.local';

export interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
}

/** Lookups over the design's resources, shared by both directions. */
export class Design {
  private readonly byKey = new Map<string, Resource>();
  private readonly byKind = new Map<string, Resource[]>();
  private seHosts: Set<string> | undefined;
  readonly resources: readonly Resource[];

  constructor(resources: readonly Resource[]) {
    this.resources = resources;
    for (const r of resources) {
      this.byKey.set(key(r.group, r.kind, r.namespace, r.name), r);
      const k = `${r.group}/${r.kind}`;
      const list = this.byKind.get(k);
      if (list) list.push(r);
      else this.byKind.set(k, [r]);
    }
  }

  get(group: string, kind: string, namespace: string, name: string): Resource | undefined {
    return this.byKey.get(key(group, kind, namespace, name));
  }

  service(ref: ServiceRef): Resource | undefined {
    return this.get('', 'Service', ref.namespace, ref.name);
  }

  istioGateway(namespace: string, name: string): Resource | undefined {
    return this.get(ISTIO_GROUP, 'Gateway', namespace, name);
  }

  gateway(namespace: string, name: string): Resource | undefined {
    return this.get(GATEWAY_GROUP, 'Gateway', namespace, name);
  }

  ofKind(group: string, kind: string): Resource[] {
    return this.byKind.get(`${group}/${kind}`) ?? [];
  }

  /** Labels of a Namespace: its own labels plus the implicit `kubernetes.io/metadata.name`. */
  namespaceLabels(namespace: string): Record<string, string> {
    const ns = this.get('', 'Namespace', '', namespace);
    return { ...stringMap(rec(rec(ns?.object.metadata).labels)), 'kubernetes.io/metadata.name': namespace };
  }

  /** Service port numbers, or undefined when the Service is not in the design. */
  servicePorts(ref: ServiceRef): { port: number; name: string | undefined; appProtocol: string | undefined }[] | undefined {
    const svc = this.service(ref);
    if (!svc) return undefined;
    return records(spec(svc.object).ports).flatMap(({ item }) =>
      typeof item.port === 'number' ? [{ port: item.port, name: str(item.name), appProtocol: str(item.appProtocol) }] : [],
    );
  }

  /** ServiceEntry hosts visible in the design. */
  serviceEntryHosts(): Set<string> {
    if (this.seHosts) return this.seHosts;
    const out = new Set<string>();
    this.seHosts = out;
    for (const se of this.ofKind(ISTIO_GROUP, 'ServiceEntry')) for (const h of strings(spec(se.object).hosts)) out.add(h.toLowerCase());
    return out;
  }
}

function key(group: string, kind: string, namespace: string, name: string): string {
  return `${group}\u0000${kind}\u0000${namespace}\u0000${name}`;
}

/**
 * An Istio host → the Kubernetes Service it names (istio.md §1.1: short names resolve in the
 * namespace of the object that writes them; `name.ns.svc.cluster.local` is the FQDN).
 * Undefined for any other name (ServiceEntry hosts, external names).
 */
export function serviceOfHost(host: string, namespace: string): ServiceRef | undefined {
  const h = host.toLowerCase();
  if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(h)) return { namespace, name: h };
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local$/.exec(h);
  return m ? { namespace: m[3] as string, name: m[1] as string } : undefined;
}

/** The host an Istio object in `fromNamespace` writes for a Service: the short name when local, else the FQDN. */
export function hostOfService(ref: ServiceRef, fromNamespace: string): string {
  return ref.namespace === fromNamespace ? ref.name : `${ref.name}.${ref.namespace}.svc.${CLUSTER_DOMAIN}`;
}

export function fqdn(ref: ServiceRef): string {
  return `${ref.name}.${ref.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** Istio `gateways` entry → namespace/name (`ns/name`, legacy `name.ns`, or a name in `namespace`). */
export function gatewayRef(entry: string, namespace: string): ServiceRef {
  const slash = entry.indexOf('/');
  if (slash >= 0) return { namespace: entry.slice(0, slash), name: entry.slice(slash + 1) };
  const dot = entry.indexOf('.');
  if (dot >= 0) return { namespace: entry.slice(dot + 1), name: entry.slice(0, dot) };
  return { namespace, name: entry };
}
