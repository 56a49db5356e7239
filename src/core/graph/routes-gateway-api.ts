import { GATEWAY_GROUP } from '../resources/kinds.js';
import { formatPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { GraphDraft } from './draft.js';
import { num, rec, records, str, strings } from './read.js';
import { notAccepted } from './status.js';
import { ruleChips, summarizeGrpcRule, summarizeHttpRule } from './summary-gateway-api.js';
import { backendLabel, formatPercent, shares } from './weights.js';

const isCore = (group: string): boolean => group === '' || group === 'core';

/** HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute: a card whose rows are the rules. */
export function addGatewayApiRoute(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const hostnames = strings(spec.hostnames);
  const node = g.addResourceNode(r, 'route', hostnames.length > 0 ? hostnames.join(' ') : r.kind === 'TCPRoute' || r.kind === 'UDPRoute' ? undefined : 'any host');
  for (const { item: rule, index } of records(spec.rules)) {
    g.addRow(node, 'rule', String(index), {
      label: r.kind === 'HTTPRoute' ? summarizeHttpRule(rule) : r.kind === 'GRPCRoute' ? summarizeGrpcRule(rule) : 'all connections',
      path: formatPath(['spec', 'rules', index]),
      chips: ruleChips(rule),
      ...(str(rule.name) ? { name: str(rule.name) } : {}),
    });
  }
}

/**
 * parentRefs → attach edges. A sectionName picks one listener, a port the listeners on it; with
 * neither the route asks for every listener. A parentRef to a Service is GAMMA (the mesh): the
 * edge comes from that Service.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#parentreference
 */
export function addParentEdges(r: Resource, g: GraphDraft): void {
  for (const { item: ref } of records(rec(r.object.spec).parentRefs)) {
    const group = str(ref.group) ?? GATEWAY_GROUP;
    const kind = str(ref.kind) ?? 'Gateway';
    const namespace = str(ref.namespace) ?? r.namespace;
    const name = str(ref.name) ?? '';
    const section = str(ref.sectionName);
    const port = num(ref.port);
    // Controller status: a parent that did not accept the route gets a dashed edge with the reason.
    const refused = notAccepted(g.status?.parent(r.id, { group, kind, namespace, name, sectionName: section, port }));
    const status = refused ? { detached: { reason: refused.reason, message: refused.message } } : {};
    if (isCore(group) && kind === 'Service') {
      const service = g.index.get('', 'Service', namespace, name);
      if (!service) {
        const reason = `Service ${namespace}/${name} is not in this design`;
        g.edge('attach', g.missing('Service', 'core', namespace, name, reason).id, r.id, { broken: reason });
        continue;
      }
      const row = port === undefined ? undefined : g.portRow(service.id, port);
      g.edge('attach', service.id, r.id, { ...(row ? { sourceRow: row.id } : {}), ...status });
      continue;
    }
    const parent = g.index.get(group, kind, namespace, name);
    if (!parent) {
      const reason = `${kind} ${namespace}/${name} is not in this design`;
      g.edge('attach', g.missing(kind, group === GATEWAY_GROUP ? 'gateway-api' : 'other', namespace, name, reason).id, r.id, { broken: reason });
      continue;
    }
    if (group !== GATEWAY_GROUP || (kind !== 'Gateway' && kind !== 'ListenerSet')) {
      g.edge('attach', parent.id, r.id, status);
      continue;
    }
    const listeners = records(rec(parent.object.spec).listeners).filter(
      ({ item }) => (section === undefined || str(item.name) === section) && (port === undefined || num(item.port) === port),
    );
    if (listeners.length === 0) {
      const what = [section === undefined ? '' : `named ${section}`, port === undefined ? '' : `on port ${port}`].filter(Boolean).join(' ');
      // With status, the dashed edge says it (NoMatchingParent); without, it is a broken reference.
      g.edge('attach', parent.id, r.id, refused ? status : { broken: `${kind} ${namespace}/${name} has no listener${what ? ` ${what}` : ''}` });
      continue;
    }
    for (const { index } of listeners) {
      const row = g.rowAt(parent.id, formatPath(['spec', 'listeners', index]));
      g.edge('attach', parent.id, r.id, { ...(row ? { sourceRow: row.id } : {}), ...status });
    }
  }
}

/** backendRefs and mirrors of every rule → edges labelled with weight and share. */
export function addBackendEdges(r: Resource, g: GraphDraft): void {
  for (const { item: rule, index } of records(rec(r.object.spec).rules)) {
    const row = g.rowAt(r.id, formatPath(['spec', 'rules', index]));
    const refs = records(rule.backendRefs).map(({ item }) => item);
    const weights = refs.map((ref) => num(ref.weight) ?? 1);
    const split = shares(weights);
    refs.forEach((ref, i) => {
      const weight = weights[i] ?? 1;
      const share = split[i] ?? 0;
      const target = resolveBackendRef(g, ref, r.namespace);
      g.addEdge({
        kind: 'backend',
        source: r.id,
        ...(row ? { sourceRow: row.id } : {}),
        target: target.node,
        ...(target.row ? { targetRow: target.row } : {}),
        label: backendLabel(weight, share, refs.length === 1 && ref.weight === undefined),
        weight,
        share,
        ...(target.broken ? { broken: target.broken } : {}),
      });
    });
    for (const { item: filter } of records(rule.filters)) {
      if (str(filter.type) !== 'RequestMirror') continue;
      const mirror = rec(filter.requestMirror);
      const target = resolveBackendRef(g, rec(mirror.backendRef), r.namespace);
      const fraction = rec(mirror.fraction);
      const numerator = num(fraction.numerator);
      const percent = num(mirror.percent) ?? (numerator === undefined ? 100 : (numerator / (num(fraction.denominator) ?? 100)) * 100);
      g.addEdge({
        kind: 'mirror',
        source: r.id,
        ...(row ? { sourceRow: row.id } : {}),
        target: target.node,
        ...(target.row ? { targetRow: target.row } : {}),
        label: `mirror ${formatPercent(percent / 100)}`,
        share: percent / 100,
        ...(target.broken ? { broken: target.broken } : {}),
      });
    }
  }
}

export interface ResolvedTarget {
  readonly node: string;
  readonly row?: string;
  readonly broken?: string;
}

/** A BackendObjectReference → the node (and port row) it names, or a placeholder. */
export function resolveBackendRef(g: GraphDraft, ref: KubeObject, fromNamespace: string): ResolvedTarget {
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? 'Service';
  const namespace = str(ref.namespace) ?? fromNamespace;
  const name = str(ref.name) ?? '';
  const port = num(ref.port);
  const found = g.index.get(group, kind, namespace, name);
  if (!found) {
    const reason = `${kind} ${namespace}/${name} is not in this design`;
    const family = isCore(group) ? 'core' : group === GATEWAY_GROUP ? 'gateway-api' : 'other';
    return { node: g.missing(kind, family, namespace, name, reason).id, broken: reason };
  }
  const nodeId = g.nodeByResource.get(found.id) ?? found.id;
  if (port === undefined || !(isCore(group) && kind === 'Service')) return { node: nodeId };
  const row = g.portRow(nodeId, port);
  return row ? { node: nodeId, row: row.id } : { node: nodeId, broken: `Service ${namespace}/${name} has no port ${port}` };
}
