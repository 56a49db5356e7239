import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { hostOfService } from './design.js';
import type { GwCtx } from './gw-context.js';
import { num, rec, records, str, strings } from './read.js';

/** Is a cross-namespace reference allowed by a ReferenceGrant in the target namespace (gateway-api.md §3.4)? */
export function granted(from: Resource, toKind: string, toNs: string, toName: string, ctx: GwCtx): boolean {
  if (from.namespace === toNs) return true;
  return ctx.design.ofKind(GATEWAY_GROUP, 'ReferenceGrant').some((g) => {
    if (g.namespace !== toNs) return false;
    const s = rec(g.object.spec);
    const fromOk = records(s.from).some(({ item }) => str(item.kind) === from.kind && str(item.namespace) === from.namespace && (str(item.group) ?? '') === GATEWAY_GROUP);
    const toOk = records(s.to).some(({ item }) => str(item.kind) === toKind && (str(item.group) ?? '') === '' && (str(item.name) === undefined || str(item.name) === toName));
    return fromOk && toOk;
  });
}

/** A backendRef → Istio destination `{host, port}` (istio.md §4.3), or undefined when it has no Istio form. */
export function destination(ref: KubeObject, at: FieldPath, route: Resource, vsNs: string, ctx: GwCtx): KubeObject | undefined {
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? 'Service';
  const name = str(ref.name) ?? '';
  const port = num(ref.port);
  if (group === ISTIO_GROUP && kind === 'Hostname') return { host: name, ...(port !== undefined ? { port: { number: port } } : {}) };
  if (group !== '' || kind !== 'Service') {
    ctx.report.lose('UnsupportedBackend', route, at, `a ${kind} backend has no Istio destination form; its share answers 500 in the Gateway API and is left out`);
    return undefined;
  }
  const ns = str(ref.namespace) ?? route.namespace;
  if (!granted(route, 'Service', ns, name, ctx)) {
    ctx.report.lose('RefNotPermitted', route, at, `no ReferenceGrant lets ${route.namespace} reach Service ${ns}/${name}: the Gateway API answers 500 for this share, Istio (which checks no grants) sends the traffic`);
  } else if (!ctx.assumeExternal && !ctx.design.service({ namespace: ns, name })) {
    ctx.report.lose('MissingBackendStatus', route, at, `the Service ${ns}/${name} is not in this design: its share answers 500 in the Gateway API, 503 in Istio`);
  }
  return { host: hostOfService({ namespace: ns, name }, vsNs), ...(port !== undefined ? { port: { number: port } } : {}) };
}

/** Header modifier filters → Istio `{request, response}` header operations (istio.md §4.3). */
export function headerOps(filters: readonly KubeObject[]): KubeObject | undefined {
  const out: KubeObject = {};
  for (const f of filters) {
    const side = f.type === 'RequestHeaderModifier' ? 'request' : f.type === 'ResponseHeaderModifier' ? 'response' : undefined;
    if (!side) continue;
    const m = rec(side === 'request' ? f.requestHeaderModifier : f.responseHeaderModifier);
    const ops: KubeObject = {};
    for (const op of ['set', 'add'] as const) {
      const map: Record<string, string> = {};
      for (const { item } of records(m[op])) {
        const n = (str(item.name) ?? '').toLowerCase();
        if (!(n in map)) map[n] = str(item.value) ?? '';
      }
      if (Object.keys(map).length > 0) ops[op] = map;
    }
    const remove = strings(m.remove).map((n) => n.toLowerCase());
    if (remove.length > 0) ops.remove = remove;
    if (Object.keys(ops).length > 0) out[side] = ops;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * backendRefs → Istio route destinations (istio.md §4.3, §9.3): weight default 1, weight-0
 * backends dropped, a single remaining backend written without a weight. Undefined when no
 * backend can take traffic (the rule answers 500).
 */
export function destinations(refs: unknown, at: FieldPath, route: Resource, vsNs: string, ctx: GwCtx): KubeObject[] | undefined {
  const out: KubeObject[] = [];
  for (const { item, index } of records(refs)) {
    const weight = num(item.weight) ?? 1;
    if (weight === 0) continue;
    const d = destination(item, [...at, index], route, vsNs, ctx);
    if (!d) continue;
    const entry: KubeObject = { destination: d, weight };
    const filters = records(item.filters).map(({ item: f }) => f);
    const h = headerOps(filters);
    if (h) entry.headers = h;
    for (const [fi, f] of filters.entries()) {
      if (f.type !== 'RequestHeaderModifier' && f.type !== 'ResponseHeaderModifier') ctx.report.lose('UnsupportedFilter', route, [...at, index, 'filters', fi], `a backend-level ${String(f.type)} filter has no Istio destination form; it is left out`);
    }
    out.push(entry);
  }
  if (out.length === 1) delete out[0]?.weight;
  return out.length > 0 ? out : undefined;
}
