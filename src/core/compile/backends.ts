/**
 * backendRefs → BackendTargets (gateway-api.md §6.1, §3.4). Defaults: group "" (core), kind Service,
 * namespace = the route's, weight 1. An invalid backend keeps its weight and its share fails:
 * InvalidKind (not a core Service), RefNotPermitted (cross-namespace without ReferenceGrant; not
 * required for mesh routes, GEP-1294), BackendNotFound (not in the design), PortNotFound.
 */
import type { Resource } from '../resources/types.js';
import { backendTlsProblem } from './backend-tls.js';
import { GW, type CompileContext } from './context.js';
import { arr, num, rec, str } from './read.js';
import { referenceAllowed } from './reference-grant.js';
import type { BackendProblem, BackendTarget, Filter, Provenance } from './types.js';

export interface BackendScope {
  /** Mesh routes need no ReferenceGrant for cross-namespace backends. */
  readonly mesh: boolean;
}

export function resolveBackend(
  ctx: CompileContext,
  route: Resource,
  raw: unknown,
  provenance: Provenance,
  scope: BackendScope,
  filters: readonly Filter[] = [],
): BackendTarget {
  const b = rec(raw);
  const group = str(b.group) ?? '';
  const kind = str(b.kind) ?? 'Service';
  const namespace = str(b.namespace) ?? route.namespace;
  const name = str(b.name) ?? '';
  const port = num(b.port);
  const weight = num(b.weight) ?? 1;
  const ref = { kind, namespace, name };
  const found = problemOf(ctx, route, scope, group, ref, port);
  return {
    ref,
    group,
    port,
    subset: null,
    weight,
    problem: found === ASSUMED ? null : found,
    assumed: found === ASSUMED,
    filters,
    provenance,
  };
}

/** The backend is not in the design and `assumeExternal` takes it as present. */
const ASSUMED = 'assumed';

/** A plain function, not a closure per backend: this runs for every backendRef of the design. */
function problemOf(ctx: CompileContext, route: Resource, scope: BackendScope, group: string, ref: { kind: string; namespace: string; name: string }, port: number | null): BackendProblem | null | typeof ASSUMED {
  const { kind, namespace, name } = ref;
  if (group !== '' || kind !== 'Service') {
    return { reason: 'InvalidKind', message: `${group === '' ? 'core' : group}/${kind} is not a supported backend kind (core/Service)` };
  }
  if (!scope.mesh && namespace !== route.namespace && !referenceAllowed(ctx, { fromGroup: GW, fromKind: route.kind, fromNamespace: route.namespace, toGroup: '', toKind: 'Service', toNamespace: namespace, toName: name })) {
    return { reason: 'RefNotPermitted', message: `no ReferenceGrant in namespace ${namespace} allows ${route.kind}s from ${route.namespace} to use ${describe(ref)}` };
  }
  const svc = ctx.find('', 'Service', namespace, name);
  if (!svc) {
    if (ctx.assumeExternal) {
      ctx.note({ code: 'AssumedExternal', message: `${describe(ref)} is not in this design; assumed present and valid` });
      return ASSUMED;
    }
    ctx.note({ code: 'NotInDesign', message: `${describe(ref)} is not in this design` });
    return { reason: 'BackendNotFound', message: `${describe(ref)} is not in this design` };
  }
  if (port === null) return backendTlsProblem(ctx, svc, null); // CEL requires a port; the validator reports its absence
  if (!declaresPort(svc, port)) return { reason: 'PortNotFound', message: `${describe(ref)} has no port ${port}` };
  return backendTlsProblem(ctx, svc, port);
}

/** Only a problem names the backend: the common case builds no message. */
function describe(ref: { kind: string; namespace: string; name: string }): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}

function declaresPort(svc: Resource, port: number): boolean {
  for (const p of arr(rec(svc.object.spec).ports)) if (num(rec(p).port) === port) return true;
  return false;
}

/** Problems of the route's own references (a BackendTLSPolicy's is the policy's, reported there). */
export function isRouteRefProblem(p: BackendProblem): boolean {
  return p.reason !== 'BackendTLSPolicyInvalid';
}

/** The reason a route's status shows for a backend problem (§9.5 has no PortNotFound). */
export function statusReason(p: BackendProblem): string {
  return p.reason === 'PortNotFound' || p.reason === 'SubsetNotFound' ? 'BackendNotFound' : p.reason;
}
