import type { ResourceId } from '../resources/types.js';
import type { GraphEdge, GraphNode, GraphRow, RouteGraph } from './types.js';

/**
 * Backends the design lacks, grouped (issue 15). Each backend a rule sends to and the design does
 * not contain is a placeholder node (GraphDraft.missing). A design pasted from a cluster often
 * holds only routes: N routes each sending to its own Service made N placeholders — half the nodes
 * on the canvas said nothing but "not in this design". From `MISSING_GROUP_MIN` placeholders of one
 * kind in one namespace, they are drawn as ONE card, "Not in this design", with one row per
 * backend; every edge that went to a placeholder goes to its row instead.
 *
 * Why a card of rows, and not only the mark on the rule's row: the rule row already says in red
 * which backend is missing (build-graph's flagBrokenRows), but the edge carries what the row cannot
 * — its weight and share (a 90/10 split whose 10 % answers 500), the red broken line, and the end
 * of the simulator's lit path. Grouping keeps every edge, its label and its `broken` reason (the
 * inspector's Connections lists each one with why), and only removes the near-empty nodes.
 * Below the threshold the placeholders stay single nodes, so a small design looks as it did.
 */
export const MISSING_GROUP_MIN = 3;

const PREFIX = 'missing-group:';

/** The id of the card that groups the placeholders of `kind` in `namespace`. */
export const missingGroupId = (kind: string, namespace: string): string => `${PREFIX}${kind}/${namespace}`;

export const isMissingGroup = (node: Pick<GraphNode, 'id'>): boolean => node.id.startsWith(PREFIX);

/** The id of the placeholder a group's row stands for (the form GraphDraft.missing gives it). */
export const missingMemberId = (group: Pick<GraphNode, 'kind' | 'namespace'>, row: Pick<GraphRow, 'key'>): string =>
  `missing:${group.kind}/${group.namespace}/${row.key}`;

/** The card's title; the kind label above it says what the rows are (Services, hosts…). */
export const MISSING_GROUP_NAME = 'Not in this design';

/**
 * The graph with the placeholders of backends grouped per namespace and kind where there are at
 * least `min` of them. A placeholder is grouped only when it is nothing but a backend: no rows (a
 * DestinationRule's subsets make it a card of its own), nothing folded into it, and every edge
 * touching it a backend or mirror edge that ends at it (a missing parent stays a node: it is the
 * start of an attach edge). Edges keep their ids. The graph itself is not changed.
 */
export function groupMissingBackends(graph: RouteGraph, min = MISSING_GROUP_MIN): RouteGraph {
  const candidates = backendPlaceholders(graph);
  const firstRef = firstReferences(graph, candidates);
  const buckets = new Map<string, GraphNode[]>();
  for (const n of candidates.values()) {
    if (!firstRef.has(n.id)) continue;
    const key = `${n.kind}\u0000${n.namespace}`;
    const list = buckets.get(key);
    if (list) list.push(n);
    else buckets.set(key, [n]);
  }
  const rowOf = new Map<string, { group: string; row: string }>();
  const groupAt = new Map<string, GraphNode>();
  for (const members of buckets.values()) {
    if (members.length < min) continue;
    const group = groupNode(members, firstRef);
    members.forEach((m, i) => rowOf.set(m.id, { group: group.id, row: group.rows[i]?.id ?? '' }));
    const first = members[0];
    if (first) groupAt.set(first.id, group);
  }
  if (rowOf.size === 0) return graph;
  const nodes: GraphNode[] = [];
  for (const n of graph.nodes) {
    const group = groupAt.get(n.id);
    if (group) nodes.push(group);
    else if (!rowOf.has(n.id)) nodes.push(n);
  }
  const edges = graph.edges.map((e): GraphEdge => {
    const to = rowOf.get(e.target);
    return to ? { ...e, target: to.group, targetRow: to.row } : e;
  });
  return { ...graph, nodes, edges };
}

/** Placeholders that are only ends of backend or mirror edges, by id, in graph order. */
function backendPlaceholders(graph: RouteGraph): Map<string, GraphNode> {
  const out = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    if (n.role === 'missing' && n.rows.length === 0 && n.related.length === 0 && n.aside === undefined && !isMissingGroup(n)) out.set(n.id, n);
  }
  const used = new Set<string>();
  for (const e of graph.edges) {
    if (e.kind === 'backend' || e.kind === 'mirror') used.add(e.target);
    else out.delete(e.target);
    out.delete(e.source);
  }
  for (const id of out.keys()) if (!used.has(id)) out.delete(id);
  return out;
}

interface Reference {
  readonly resourceId: ResourceId;
  readonly path: string;
}

/** For each placeholder, the rule that first sends to it: a row must name a resource and a path. */
function firstReferences(graph: RouteGraph, candidates: ReadonlyMap<string, GraphNode>): Map<string, Reference> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Reference>();
  for (const e of graph.edges) {
    if (!candidates.has(e.target) || out.has(e.target)) continue;
    const source = byId.get(e.source);
    const row = e.sourceRow === undefined ? undefined : source?.rows.find((r) => r.id === e.sourceRow);
    const resourceId = row?.resourceId ?? source?.resourceId;
    if (resourceId !== undefined) out.set(e.target, { resourceId, path: row?.path ?? '' });
  }
  return out;
}

function groupNode(members: readonly GraphNode[], firstRef: ReadonlyMap<string, Reference>): GraphNode {
  const first = members[0];
  if (!first) throw new Error('a group of no placeholders');
  const id = missingGroupId(first.kind, first.namespace);
  const rows: GraphRow[] = members.flatMap((m) => {
    const ref = firstRef.get(m.id);
    if (!ref) return [];
    const row: GraphRow = {
      id: `${id}#backend:${m.name}`,
      kind: 'backend',
      key: m.name,
      label: m.name,
      badges: [],
      chips: [],
      // The row stands for a reference, not an object: it points at the rule that first makes it.
      resourceId: ref.resourceId,
      path: ref.path,
    };
    return [row];
  });
  return {
    id,
    role: 'missing',
    kind: first.kind,
    family: first.family,
    namespace: first.namespace,
    name: MISSING_GROUP_NAME,
    related: [],
    badges: [],
    rows,
    missing: `${members.length} ${plural(first.kind)} missing from this design`,
    ...(first.group !== undefined ? { group: first.group } : {}),
    diagnostics: { error: 0, warning: 0, info: 0 },
  };
}

/** `Service` → `Services`, `Ingress` → `Ingresses`, `Policy` → `Policies`. */
export function plural(kind: string): string {
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}
