import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { FieldPath } from '../resources/path.js';
import { isRecord, type KubeObject, type Resource } from '../resources/types.js';

/**
 * Every place where one object names another, as the APIs define the references
 * (gateway-api.md §3.1 parentRefs defaults, §3.4 ReferenceGrant, §6.1 backendRefs; istio.md §1.1
 * gateways and short host names). Used to make renames follow and deletes clean up.
 */
export interface Reference {
  readonly from: Resource;
  /** Path of the field holding the name (the `name` field of a ref, or the string itself). */
  readonly path: FieldPath;
  readonly target: { readonly group: string; readonly kind: string; readonly namespace: string; readonly name: string };
  /** How the name is written: a plain name field, an Istio `ns/name` gateway entry, or an Istio host. */
  readonly form: 'name' | 'istioGateway' | 'istioHost';
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function objectRef(
  from: Resource,
  ref: unknown,
  path: FieldPath,
  defaults: { group: string; kind: string },
): Reference | null {
  if (!isRecord(ref) || typeof ref.name !== 'string') return null;
  return {
    from,
    path: [...path, 'name'],
    target: {
      group: str(ref.group) ?? defaults.group,
      kind: str(ref.kind) ?? defaults.kind,
      namespace: str(ref.namespace) ?? from.namespace,
      name: ref.name,
    },
    form: 'name',
  };
}

function gatewayApiRefs(r: Resource, spec: KubeObject, out: Reference[]): void {
  const push = (x: Reference | null): void => {
    if (x) out.push(x);
  };
  if (r.kind === 'Gateway' && typeof spec.gatewayClassName === 'string') {
    out.push({ from: r, path: ['spec', 'gatewayClassName'], target: { group: GATEWAY_GROUP, kind: 'GatewayClass', namespace: '', name: spec.gatewayClassName }, form: 'name' });
  }
  arr(spec.listeners).forEach((l, i) => {
    if (!isRecord(l) || !isRecord(l.tls)) return;
    arr(l.tls.certificateRefs).forEach((c, j) => push(objectRef(r, c, ['spec', 'listeners', i, 'tls', 'certificateRefs', j], { group: '', kind: 'Secret' })));
  });
  if (r.kind === 'ListenerSet') push(objectRef(r, spec.parentRef, ['spec', 'parentRef'], { group: GATEWAY_GROUP, kind: 'Gateway' }));
  arr(spec.parentRefs).forEach((p, i) => push(objectRef(r, p, ['spec', 'parentRefs', i], { group: GATEWAY_GROUP, kind: 'Gateway' })));
  arr(spec.targetRefs).forEach((t, i) => {
    const ref = objectRef(r, t, ['spec', 'targetRefs', i], { group: '', kind: 'Service' });
    if (ref) out.push({ ...ref, target: { ...ref.target, namespace: r.namespace } });
  });
  arr(spec.rules).forEach((rule, i) => {
    if (!isRecord(rule)) return;
    arr(rule.backendRefs).forEach((b, j) => {
      push(objectRef(r, b, ['spec', 'rules', i, 'backendRefs', j], { group: '', kind: 'Service' }));
      if (isRecord(b)) mirrorRefs(r, b.filters, ['spec', 'rules', i, 'backendRefs', j, 'filters'], out);
    });
    mirrorRefs(r, rule.filters, ['spec', 'rules', i, 'filters'], out);
  });
}

function mirrorRefs(r: Resource, filters: unknown, path: FieldPath, out: Reference[]): void {
  arr(filters).forEach((f, k) => {
    if (!isRecord(f) || !isRecord(f.requestMirror)) return;
    const ref = objectRef(r, f.requestMirror.backendRef, [...path, k, 'requestMirror', 'backendRef'], { group: '', kind: 'Service' });
    if (ref) out.push(ref);
  });
}

/** `reviews`, `reviews.shop`, `reviews.shop.svc.cluster.local` → the Service they name, if any (istio.md §1.1). */
export function serviceOfHost(host: string, namespace: string): { namespace: string; name: string } | null {
  if (host.includes('*')) return null;
  const parts = host.split('.');
  if (parts.length === 1) return { namespace, name: host };
  if (parts.length === 2) return { namespace: parts[1] as string, name: parts[0] as string };
  if (parts.length >= 3 && parts[2] === 'svc') return { namespace: parts[1] as string, name: parts[0] as string };
  return null;
}

function istioRefs(r: Resource, spec: KubeObject, out: Reference[]): void {
  const host = (value: unknown, path: FieldPath): void => {
    const h = str(value);
    const svc = h === undefined ? null : serviceOfHost(h, r.namespace);
    if (svc) out.push({ from: r, path, target: { group: '', kind: 'Service', ...svc }, form: 'istioHost' });
  };
  if (r.kind === 'VirtualService') {
    arr(spec.gateways).forEach((g, i) => {
      const s = str(g);
      if (s === undefined || s === 'mesh') return;
      const [ns, name] = s.includes('/') ? (s.split('/', 2) as [string, string]) : [r.namespace, s];
      out.push({ from: r, path: ['spec', 'gateways', i], target: { group: ISTIO_GROUP, kind: 'Gateway', namespace: ns, name }, form: 'istioGateway' });
    });
    for (const section of ['http', 'tls', 'tcp'] as const) {
      arr(spec[section]).forEach((route, i) => {
        if (!isRecord(route)) return;
        arr(route.route).forEach((d, j) => {
          if (isRecord(d) && isRecord(d.destination)) host(d.destination.host, ['spec', section, i, 'route', j, 'destination', 'host']);
        });
        if (isRecord(route.mirror)) host(route.mirror.host, ['spec', section, i, 'mirror', 'host']);
      });
    }
  }
  if (r.kind === 'DestinationRule') host(spec.host, ['spec', 'host']);
  if (r.kind === 'Gateway') {
    arr(spec.servers).forEach((s, i) => {
      if (isRecord(s) && isRecord(s.tls) && typeof s.tls.credentialName === 'string') {
        out.push({ from: r, path: ['spec', 'servers', i, 'tls', 'credentialName'], target: { group: '', kind: 'Secret', namespace: r.namespace, name: s.tls.credentialName }, form: 'name' });
      }
    });
  }
}

export function referencesOf(r: Resource): Reference[] {
  const spec = isRecord(r.object.spec) ? r.object.spec : null;
  if (!spec) return [];
  const out: Reference[] = [];
  if (r.family === 'gateway-api') gatewayApiRefs(r, spec, out);
  else if (r.family === 'istio') istioRefs(r, spec, out);
  return out;
}

export function refersTo(ref: Reference, target: Resource): boolean {
  const t = ref.target;
  return t.kind === target.kind && t.group === target.group && t.name === target.name && (t.namespace === target.namespace || target.namespace === '');
}

/** Every reference in the design that names `target`. */
export function referencesTo(resources: readonly Resource[], target: Resource): Reference[] {
  return resources.flatMap((r) => referencesOf(r).filter((ref) => refersTo(ref, target)));
}
