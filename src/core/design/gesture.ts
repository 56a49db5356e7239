import type { GraphNode, GraphRow, RouteGraph } from '../graph/types.js';
import type { ResourceEdit } from '../resources/edit.js';
import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import { getAt, type FieldPath, type PathSegment } from '../resources/path.js';
import { isRecord, type KubeObject, type Resource } from '../resources/types.js';
import { addBackendRef, attachRoute, bindVirtualService, firstServicePort } from './connect.js';
import { setAt } from './immutable.js';
import { addVsDestination, type VsSection } from './istio-routes.js';

/**
 * Canvas gestures as data → edits. A connection names two nodes and, optionally, the rows the
 * drag started and ended on (a listener, a rule, a port, a subset). Which edit it means follows
 * the traffic direction; a drag made the other way round means the same.
 */
export interface CanvasConnection {
  readonly source: string;
  readonly sourceRow?: string;
  readonly target: string;
  readonly targetRow?: string;
}

export type Gesture = { readonly ok: true; readonly edits: ResourceEdit[]; readonly label: string } | { readonly ok: false; readonly reason: string };

const GATEWAY_API_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
const fail = (reason: string): Gesture => ({ ok: false, reason });
const title = (n: GraphNode): string => `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}`;

/** `spec.rules[1]` → `['spec', 'rules', 1]` (row paths are formatted field paths). */
export function parseRowPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

interface End {
  readonly node: GraphNode;
  readonly resource: Resource;
  readonly row: GraphRow | undefined;
}

type Pattern = (from: End, to: End) => Gesture | null;

export function connectionEdits(resources: readonly Resource[], graph: RouteGraph, c: CanvasConnection): Gesture {
  const byId = new Map(resources.map((r) => [r.id as string, r]));
  const end = (nodeId: string, rowId: string | undefined): End | string => {
    const node = graph.nodes.find((n) => n.id === nodeId);
    if (!node) return 'that node is no longer on the canvas';
    const resource = node.resourceId ? byId.get(node.resourceId) : undefined;
    if (!resource) return `${title(node)} is not in this design: add it first`;
    return { node, resource, row: node.rows.find((r) => r.id === rowId) };
  };
  const a = end(c.source, c.sourceRow);
  const b = end(c.target, c.targetRow);
  if (typeof a === 'string') return fail(a);
  if (typeof b === 'string') return fail(b);
  if (a.node.id === b.node.id) return fail('connect two different objects');
  for (const [from, to] of [[a, b], [b, a]] as const) {
    for (const pattern of PATTERNS) {
      const result = pattern(from, to);
      if (result) return result;
    }
  }
  return fail(`${title(a.node)} and ${title(b.node)} cannot be connected: connect a listener to a route, a route rule to a Service, or a Service to a route (mesh)`);
}

const isGatewayApi = (r: Resource, kinds: readonly string[]): boolean => r.group === GATEWAY_GROUP && kinds.includes(r.kind);
const isService = (r: Resource): boolean => r.group === '' && r.kind === 'Service';

function rowField(end: End, field: string): unknown {
  return end.row ? getAt(end.resource.object, [...parseRowPath(end.row.path), field]) : undefined;
}

function replace(resource: Resource, object: KubeObject, label: string): Gesture {
  if (object === resource.object) return fail(`${label}: it is already there`);
  return { ok: true, edits: [{ type: 'replace', resource, object }], label };
}

const gatewayToRoute: Pattern = (from, to) => {
  if (!isGatewayApi(from.resource, ['Gateway', 'ListenerSet']) || !isGatewayApi(to.resource, [...GATEWAY_API_ROUTES])) return null;
  const listener = from.row?.kind === 'listener' ? rowField(from, 'name') : undefined;
  const sectionName = typeof listener === 'string' ? listener : undefined;
  const label = `Attach ${title(to.node)} to ${title(from.node)}${sectionName ? ` (listener ${sectionName})` : ''}`;
  return replace(to.resource, parentsFirst(to.resource, attachRoute(to.resource, from.resource, sectionName ? { sectionName } : undefined)), label);
};

const istioGatewayToVs: Pattern = (from, to) => {
  if (from.resource.group !== ISTIO_GROUP || from.resource.kind !== 'Gateway' || to.resource.kind !== 'VirtualService') return null;
  const bound = bindVirtualService(to.resource, from.resource);
  return replace(to.resource, newKeyAfter(to.resource, bound, 'gateways', 'hosts'), `Bind ${title(to.node)} to ${title(from.node)}`);
};

/** GAMMA: a route whose parent is a Service applies to traffic sent to that Service in the mesh. */
const serviceToRoute: Pattern = (from, to) => {
  if (!isService(from.resource) || !isGatewayApi(to.resource, ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'])) return null;
  if (from.row && from.row.kind !== 'port') return null;
  const port = from.row ? rowField(from, 'port') : undefined;
  const label = `Attach ${title(to.node)} to ${title(from.node)} (mesh)`;
  return replace(to.resource, parentsFirst(to.resource, attachRoute(to.resource, from.resource, typeof port === 'number' ? { port } : undefined)), label);
};

/** A route's first parentRefs list is written at the top of its spec, where manifests put it. */
function parentsFirst(route: Resource, object: KubeObject): KubeObject {
  return newKeyAfter(route, object, 'parentRefs', null);
}

/** A spec key the edit added is moved after `after` (null: first), where people write it; existing keys stay put. */
function newKeyAfter(resource: Resource, object: KubeObject, key: string, after: string | null): KubeObject {
  const before = isRecord(resource.object.spec) ? resource.object.spec : {};
  const spec = object.spec;
  if (key in before || !isRecord(spec) || !(key in spec) || object === resource.object) return object;
  const entries = Object.entries(spec).filter(([k]) => k !== key);
  const at = after === null ? 0 : entries.findIndex(([k]) => k === after) + 1;
  entries.splice(at, 0, [key, spec[key]]);
  return { ...object, spec: Object.fromEntries(entries) };
}

function ruleIndex(end: End): number | string {
  if (end.row?.kind === 'rule') {
    const path = parseRowPath(end.row.path);
    return typeof path[2] === 'number' ? path[2] : 'drag from a rule row';
  }
  const rules = end.node.rows.filter((r) => r.kind === 'rule');
  return rules.length === 1 && rules[0] ? ruleIndex({ ...end, row: rules[0] }) : 'drag from one of the rule rows';
}

const ruleToService: Pattern = (from, to) => {
  if (!isGatewayApi(from.resource, [...GATEWAY_API_ROUTES]) || !(to.row || from.row)) return null;
  if (!isService(to.resource)) return to.resource.kind === 'ServiceEntry' ? fail('a Gateway API route sends to Services; use a VirtualService for a ServiceEntry') : null;
  if (from.row && from.row.kind !== 'rule') return null;
  const rule = ruleIndex(from);
  if (typeof rule === 'string') return fail(rule);
  const rowPort = to.row?.kind === 'port' ? rowField(to, 'port') : undefined;
  const port = typeof rowPort === 'number' ? rowPort : firstServicePort(to.resource);
  const refs = getAt(from.resource.object, ['spec', 'rules', rule, 'backendRefs']);
  const ns = to.resource.namespace === from.resource.namespace ? undefined : to.resource.namespace;
  const exists = Array.isArray(refs) && refs.some((r) => isRecord(r) && r.name === to.resource.name && r.namespace === ns && (r.kind ?? 'Service') === 'Service' && r.port === port);
  const label = `Send rule ${rule + 1} of ${title(from.node)} to ${title(to.node)}`;
  if (exists) return fail(`${label}: it is already there`);
  let object = addBackendRef(from.resource, rule, to.resource);
  const added: FieldPath = ['spec', 'rules', rule, 'backendRefs', Array.isArray(refs) ? refs.length : 0, 'port'];
  if (typeof rowPort === 'number') object = setAt(object, added, rowPort);
  return replace(from.resource, object, label);
};

const vsRouteToBackend: Pattern = (from, to) => {
  if (from.resource.kind !== 'VirtualService' || from.resource.group !== ISTIO_GROUP || from.row?.kind !== 'rule') return null;
  const target = to.resource;
  if (!isService(target) && target.kind !== 'ServiceEntry') return null;
  const [, section, index] = parseRowPath(from.row.path) as [string, VsSection, number];
  const host = isService(target)
    ? target.namespace === from.resource.namespace ? target.name : `${target.name}.${target.namespace}.svc.cluster.local`
    : String((getAt(target.object, ['spec', 'hosts', 0]) as string | undefined) ?? target.name);
  const subset = to.row?.kind === 'subset' ? to.row.key : undefined;
  const rowPort = to.row?.kind === 'port' ? rowField(to, to.resource.kind === 'Service' ? 'port' : 'number') : undefined;
  const label = `Send ${section} route ${index + 1} of ${title(from.node)} to ${title(to.node)}${subset ? ` subset ${subset}` : ''}`;
  const dests = getAt(from.resource.object, ['spec', section, index, 'route']);
  const same = (d: unknown): boolean => isRecord(d) && isRecord(d.destination) && d.destination.host === host && d.destination.subset === subset;
  if (Array.isArray(dests) && dests.some(same)) return fail(`${label}: it is already there`);
  const options = { ...(subset ? { subset } : {}), ...(typeof rowPort === 'number' ? { port: rowPort } : {}) };
  return replace(from.resource, evenWeights(addVsDestination(from.resource.object, section, index, host, options), [section, index]), label);
};

/**
 * Istio gives a destination without a weight nothing once there are several (istio.md §1.3), so
 * when a second destination joins unweighted ones, the split is written out evenly (summing to
 * 100) — visible on the edges, ready to be edited.
 */
function evenWeights(object: KubeObject, [section, index]: [VsSection, number]): KubeObject {
  const dests = getAt(object, ['spec', section, index, 'route']);
  if (!Array.isArray(dests) || dests.length < 2 || dests.some((d) => isRecord(d) && d.weight !== undefined)) return object;
  const each = Math.floor(100 / dests.length);
  const split = dests.map((d, i) => (isRecord(d) ? { ...d, weight: each + (i === 0 ? 100 - each * dests.length : 0) } : d));
  return setAt(object, ['spec', section, index, 'route'], split);
}

const PATTERNS: readonly Pattern[] = [gatewayToRoute, istioGatewayToVs, ruleToService, vsRouteToBackend, serviceToRoute];
