/**
 * Istio destinations → BackendTargets (istio.md §1.4, §3).
 * - The host must be a Service or ServiceEntry; otherwise, as DESIGN.md "Objects outside the
 *   design" says, it is missing (BackendNotFound) unless --assume-external.
 * - The port: `destination.port`, else the service's only port, else the listener port
 *   (route.go GetDestinationCluster); a port the service does not expose has no cluster.
 * - A subset must be defined by a DestinationRule visible to the proxy, else no cluster.
 * Istio answers 503 (no cluster) for all of these: the simulator reads the share's problem.
 * - Weights: a lone destination takes all traffic whatever its weight; with several, weight 0
 *   destinations are dropped and the others share `weight / sum` (route.go applyHTTPRouteDestination).
 */
import type { BackendProblem, BackendTarget, Filter, Note, ObjectRef, Provenance } from '../types.js';
import type { ProxyContext } from './context.js';
import type { DestinationModel, WeightedDestinationModel } from './model.js';
import { CLUSTER_DOMAIN } from './names.js';

const ISTIO_GROUP = 'networking.istio.io';

/** Where a missing host would live: `name.ns.svc.cluster.local` → Service ns/name. */
function missingRef(host: string, vsNamespace: string): ObjectRef {
  const parts = host.split('.');
  if (parts.length === 5 && host.endsWith(`.svc.${CLUSTER_DOMAIN}`)) return { kind: 'Service', namespace: parts[1] ?? vsNamespace, name: parts[0] ?? host };
  return { kind: 'ServiceEntry', namespace: vsNamespace, name: host };
}

export function toBackend(
  ctx: ProxyContext,
  dest: DestinationModel,
  vsNamespace: string,
  weight: number,
  filters: readonly Filter[],
  provenance: Provenance,
): BackendTarget {
  const svc = ctx.registry.lookup(dest.host, vsNamespace);
  const common = { subset: dest.subset, host: dest.written, weight, filters, provenance };
  if (svc === null) {
    const ref = missingRef(dest.host, vsNamespace);
    const what = ref.kind === 'Service' ? `Service ${ref.namespace}/${ref.name}` : `host ${dest.host}`;
    const problem: BackendProblem | null = ctx.assumeExternal
      ? assumedSubsetProblem(ctx, dest, ref)
      : { reason: 'BackendNotFound', message: `${what} is neither a Service nor a ServiceEntry in this design` };
    // Table notes start with `Kind ns/name ` so that answers using this backend carry them.
    ctx.sinks.note(
      ctx.assumeExternal
        ? { code: 'AssumedExternal', message: `${ref.kind} ${ref.namespace}/${ref.name} is not in this design; assumed present (destination ${dest.host})` }
        : { code: 'NotInDesign', message: `${ref.kind} ${ref.namespace}/${ref.name} is not in this design (destination ${dest.host}): Istio answers 503 for its share` },
    );
    return { ref, group: ref.kind === 'Service' ? '' : ISTIO_GROUP, port: dest.port, assumed: ctx.assumeExternal, problem, ...common };
  }
  const onlyPort = svc.ports.length === 1 ? (svc.ports[0]?.port ?? null) : null;
  const port = dest.port ?? onlyPort ?? (ctx.listenPort === 0 ? null : ctx.listenPort);
  const group = svc.ref.kind === 'Service' ? '' : ISTIO_GROUP;
  let problem: BackendProblem | null = null;
  if (port !== null && svc.ports.length > 0 && !svc.ports.some((p) => p.port === port)) {
    const why = dest.port === null ? ` (no destination port: Istio uses the listener port ${port})` : '';
    problem = { reason: 'PortNotFound', message: `${svc.ref.kind} ${svc.ref.namespace}/${svc.ref.name} has no port ${port}${why}` };
  } else if (dest.subset !== null) {
    const found = ctx.registry.subsets(svc.hostname, svc.ref.namespace, ctx.configNamespace);
    if (found === null || !found.names.has(dest.subset)) {
      const where = found === null ? 'no DestinationRule applies to it' : `DestinationRule ${found.rules.map((r) => `${r.namespace}/${r.name}`).join(', ')} does not define it`;
      problem = { reason: 'SubsetNotFound', message: `subset ${dest.subset} of ${svc.hostname}: ${where}` };
    }
  }
  return { ref: svc.ref, group, port, assumed: false, problem, ...common };
}

/**
 * An assumed Service's subset: the Service is assumed, DestinationRules are not — when one in the
 * design applies to the host and does not define the subset, Istio has no cluster for it (503);
 * when none applies, the rule defining it is taken to be outside the design too.
 */
function assumedSubsetProblem(ctx: ProxyContext, dest: DestinationModel, ref: ObjectRef): BackendProblem | null {
  if (dest.subset === null || ref.kind !== 'Service') return null;
  const found = ctx.registry.subsets(dest.host, ref.namespace, ctx.configNamespace);
  if (found === null || found.names.has(dest.subset)) return null;
  return { reason: 'SubsetNotFound', message: `subset ${dest.subset} of ${dest.host}: DestinationRule ${found.rules.map((r) => `${r.namespace}/${r.name}`).join(', ')} does not define it` };
}

export interface WeightedBackends {
  readonly backends: BackendTarget[];
  readonly notes: Note[];
  /** More than one destination and every weight 0: rejected by Istio validation. */
  readonly invalidTotal: boolean;
}

export function toWeightedBackends(
  ctx: ProxyContext,
  route: readonly WeightedDestinationModel[],
  vsNamespace: string,
  filtersOf: (d: WeightedDestinationModel) => readonly Filter[],
  provenanceOf: (d: WeightedDestinationModel) => Provenance,
): WeightedBackends {
  const notes: Note[] = [];
  const only = route.length === 1 ? route[0] : undefined;
  if (only !== undefined) {
    if (only.weight !== 100) {
      const written = only.weight === 0 ? 'weight unset or 0' : `weight ${only.weight}`;
      notes.push({ code: 'Info', message: `Istio: a lone destination receives all traffic whatever its weight (${written}); in the Gateway API weight 0 means no traffic` });
    }
    return { backends: [toBackend(ctx, only.destination, vsNamespace, 100, filtersOf(only), provenanceOf(only))], notes, invalidTotal: false };
  }
  const total = route.reduce((s, d) => s + Math.max(0, d.weight), 0);
  if (route.length > 1 && total === 0) return { backends: [], notes, invalidTotal: true };
  const kept = route.filter((d) => d.weight > 0);
  if (kept.length < route.length) notes.push({ code: 'Info', message: 'Istio drops weight-0 destinations when a rule has several' });
  return { backends: kept.map((d) => toBackend(ctx, d.destination, vsNamespace, d.weight, filtersOf(d), provenanceOf(d))), notes, invalidTotal: false };
}
