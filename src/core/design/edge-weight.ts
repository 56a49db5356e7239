import type { RouteGraph } from '../graph/types.js';
import { getAt, type FieldPath } from '../resources/path.js';
import { isRecord, type Resource } from '../resources/types.js';
import { type Gesture, parseRowPath } from './gesture.js';
import { setAt } from './immutable.js';

/**
 * The backend entry an edge of the canvas draws: a Gateway API backendRef
 * (`spec.rules[i].backendRefs[j]`) or an Istio destination (`spec.http[i].route[j]`). Backend
 * edges of a rule are drawn in the order of its entries, so the edge's rank among its siblings
 * is the entry's index.
 */
export interface BackendEntry {
  readonly resource: Resource;
  readonly path: FieldPath;
  /** The weight written, if any. */
  readonly weight: number | undefined;
}

export function backendEntryOfEdge(resources: readonly Resource[], graph: RouteGraph, edgeId: string): BackendEntry | null {
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (!edge || edge.kind !== 'backend' || edge.sourceRow === undefined || edge.label === 'delegate') return null;
  const node = graph.nodes.find((n) => n.id === edge.source);
  const row = node?.rows.find((r) => r.id === edge.sourceRow);
  const resource = node?.resourceId ? resources.find((r) => r.id === node.resourceId) : undefined;
  if (!row || !resource) return null;
  const siblings = graph.edges.filter((e) => e.kind === 'backend' && e.source === edge.source && e.sourceRow === edge.sourceRow && e.label !== 'delegate');
  const index = siblings.indexOf(edge);
  const rowPath = parseRowPath(row.path);
  const path = [...rowPath, resource.kind === 'VirtualService' ? 'route' : 'backendRefs', index];
  const entry = getAt(resource.object, path);
  if (!isRecord(entry)) return null;
  return { resource, path, weight: typeof entry.weight === 'number' ? entry.weight : undefined };
}

/** Sets the weight of the backend an edge draws. */
export function setEdgeWeight(resources: readonly Resource[], graph: RouteGraph, edgeId: string, weight: number): Gesture {
  const entry = backendEntryOfEdge(resources, graph, edgeId);
  if (!entry) return { ok: false, reason: 'this edge has no weight to set' };
  if (!Number.isInteger(weight) || weight < 0) return { ok: false, reason: 'a weight is a whole number, 0 or more' };
  const object = setAt(entry.resource.object, [...entry.path, 'weight'], weight);
  return { ok: true, edits: [{ type: 'replace', resource: entry.resource, object }], label: `Set weight to ${weight}` };
}
