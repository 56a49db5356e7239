import type { FieldPath } from '../resources/path.js';
import { isRecord, type Resource } from '../resources/types.js';
import { serviceOfHost, type Reference } from './references.js';

/**
 * Istio names a Service by host: `reviews` (the referrer's namespace), `reviews.shop`, or
 * `reviews.shop.svc.cluster.local` (istio.md §1.1). When the Service or the referrer changes
 * namespace, the host is rewritten to name the same Service: a short name becomes the full one
 * (what Istio recommends across namespaces), a longer one gets the new namespace in place.
 */
export function hostIn(host: string, namespace: string, referrerNamespace: string): string {
  const parts = host.split('.');
  if (parts.length === 1) return namespace === referrerNamespace ? host : `${host}.${namespace}.svc.cluster.local`;
  return [parts[0], namespace, ...parts.slice(2)].join('.');
}

/** `edge` / `infra/edge` → the same Istio Gateway, seen from a referrer in `referrerNamespace`. */
export function gatewayIn(entry: string, namespace: string, referrerNamespace: string): string {
  const name = entry.includes('/') ? entry.slice(entry.indexOf('/') + 1) : entry;
  return namespace === referrerNamespace && !entry.includes('/') ? name : `${namespace}/${name}`;
}

/**
 * A VirtualService's own `hosts` that name Services (a mesh route for `reviews`): not references
 * in the sense of `referencesOf`, but the route stops applying to the Service when they part.
 */
export function vsHostRefs(vs: Resource): Reference[] {
  const hosts = isRecord(vs.object.spec) ? vs.object.spec.hosts : undefined;
  if (vs.family !== 'istio' || vs.kind !== 'VirtualService' || !Array.isArray(hosts)) return [];
  return hosts.flatMap((h, i) => {
    const svc = typeof h === 'string' ? serviceOfHost(h, vs.namespace) : null;
    const path: FieldPath = ['spec', 'hosts', i];
    return svc ? [{ from: vs, path, target: { group: '', kind: 'Service', ...svc }, form: 'istioHost' as const }] : [];
  });
}

/** The VirtualService hosts of the design that name `service`. */
export function vsHostsNaming(resources: readonly Resource[], service: Resource): Reference[] {
  return resources.flatMap(vsHostRefs).filter((ref) => ref.target.name === service.name && ref.target.namespace === service.namespace);
}
