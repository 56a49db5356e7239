import { formatPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { istioHostNode } from './backends.js';
import type { GraphDraft } from './draft.js';
import { num, rec, records, str, strings } from './read.js';
import { istioRouteChips, summarizeIstioHttpRoute, summarizeIstioL4Route } from './summary-istio.js';
import type { ResolvedTarget } from './routes-gateway-api.js';
import { backendLabel, formatPercent, shares } from './weights.js';

const SECTIONS = ['http', 'tls', 'tcp'] as const;

/**
 * VirtualService: a card whose rows are its routes in the order written — Istio takes the first
 * that matches (http, then tls, then tcp).
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/
 */
export function addVirtualService(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const node = g.addResourceNode(r, 'route', strings(spec.hosts).join(' ') || undefined);
  for (const section of SECTIONS) {
    for (const { item: route, index } of records(spec[section])) {
      g.addRow(node, 'rule', `${section}:${index}`, {
        label: section === 'http' ? summarizeIstioHttpRoute(route) : summarizeIstioL4Route(route, section),
        path: formatPath(['spec', section, index]),
        chips: section === 'http' ? istioRouteChips(route) : [],
        ...(str(route.name) ? { name: str(route.name) } : {}),
      });
    }
  }
}

/**
 * `gateways` → attach edges from every server of each named Istio Gateway; `mesh` (the default)
 * → from the Services the VirtualService's hosts name.
 */
export function addVirtualServiceParents(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const gateways = spec.gateways === undefined ? ['mesh'] : strings(spec.gateways);
  for (const ref of gateways) {
    if (ref === 'mesh') {
      for (const host of strings(spec.hosts)) {
        const resolved = g.index.resolveIstioHost(host, r.namespace);
        if (resolved.resource) g.edge('attach', g.nodeByResource.get(resolved.resource.id) ?? resolved.resource.id, r.id);
      }
      continue;
    }
    const slash = ref.indexOf('/');
    const namespace = slash === -1 ? r.namespace : ref.slice(0, slash);
    const name = slash === -1 ? ref : ref.slice(slash + 1);
    const gateway = g.index.istio('Gateway', namespace, name);
    if (!gateway) {
      const reason = `Gateway ${namespace}/${name} is not in this design`;
      g.edge('attach', g.missing('Gateway', 'istio', namespace, name, reason).id, r.id, { broken: reason });
      continue;
    }
    const rows = g.nodes.get(gateway.id)?.rows ?? [];
    if (rows.length === 0) g.edge('attach', gateway.id, r.id);
    for (const row of rows) g.edge('attach', gateway.id, r.id, { sourceRow: row.id });
  }
}

/** Destinations (weighted), mirrors and delegates of every route. */
export function addVirtualServiceBackends(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  for (const section of SECTIONS) {
    for (const { item: route, index } of records(spec[section])) {
      const row = g.rowAt(r.id, formatPath(['spec', section, index]));
      const source = { source: r.id, ...(row ? { sourceRow: row.id } : {}) };
      const dests = records(route.route).map(({ item }) => item);
      const implicit = dests.length === 1 && dests[0]?.weight === undefined;
      const weights = dests.map((d) => num(d.weight) ?? (implicit ? 100 : 0));
      const split = shares(weights);
      dests.forEach((d, i) => {
        const target = resolveDestination(g, rec(d.destination), r.namespace);
        const weight = weights[i] ?? 0;
        const share = split[i] ?? 0;
        g.addEdge({ kind: 'backend', ...source, ...targetFields(target), label: backendLabel(weight, share, implicit), weight, share });
      });
      for (const mirror of mirrorsOf(route)) {
        const target = resolveDestination(g, mirror.destination, r.namespace);
        g.addEdge({ kind: 'mirror', ...source, ...targetFields(target), label: `mirror ${formatPercent(mirror.percent / 100)}`, share: mirror.percent / 100 });
      }
      const delegate = rec(route.delegate);
      const delegateName = str(delegate.name);
      if (delegateName) {
        const ns = str(delegate.namespace) ?? r.namespace;
        const vs = g.index.istio('VirtualService', ns, delegateName);
        const reason = `VirtualService ${ns}/${delegateName} is not in this design`;
        if (vs) g.edge('backend', r.id, vs.id, { ...(row ? { sourceRow: row.id } : {}), label: 'delegate' });
        else g.edge('backend', r.id, g.missing('VirtualService', 'istio', ns, delegateName, reason).id, { ...(row ? { sourceRow: row.id } : {}), label: 'delegate', broken: reason });
      }
    }
  }
}

function mirrorsOf(route: KubeObject): { destination: KubeObject; percent: number }[] {
  const out: { destination: KubeObject; percent: number }[] = [];
  if (route.mirror !== undefined) out.push({ destination: rec(route.mirror), percent: num(rec(route.mirrorPercentage).value) ?? 100 });
  for (const { item } of records(route.mirrors)) {
    out.push({ destination: rec(item.destination), percent: num(rec(item.percentage).value) ?? 100 });
  }
  return out;
}

function targetFields(t: ResolvedTarget): { target: string; targetRow?: string; broken?: string } {
  return { target: t.node, ...(t.row ? { targetRow: t.row } : {}), ...(t.broken ? { broken: t.broken } : {}) };
}

/** A Destination → its host's node, and the subset row (or port row) it names. */
function resolveDestination(g: GraphDraft, dest: KubeObject, namespace: string): ResolvedTarget {
  const host = str(dest.host) ?? '';
  const node = istioHostNode(g, host, namespace);
  const missing = node.missing ? { broken: node.missing } : {};
  const subset = str(dest.subset);
  if (subset !== undefined) {
    const row = node.rows.find((x) => x.kind === 'subset' && x.key === subset);
    return row ? { node: node.id, row: row.id, ...missing } : { node: node.id, broken: node.missing ?? `no DestinationRule defines subset ${subset} of ${host}` };
  }
  const port = num(rec(dest.port).number);
  const row = port === undefined ? undefined : g.portRow(node.id, port);
  return { node: node.id, ...(row ? { row: row.id } : {}), ...missing };
}
