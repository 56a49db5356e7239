import { isMissingGroup } from './missing-group.js';
import type { GraphEdge, GraphNode, RouteGraph } from './types.js';

const COLLAPSED = 'collapsed:';
/** The id of the node a collapsed namespace group is drawn as. */
export const collapsedId = (groupId: string): string => `${COLLAPSED}${groupId}`;

/**
 * The graph with some namespaces collapsed, for a big design's overview (DESIGN.md: "a design of
 * 1,000 routes still navigable — find, focus, collapse a namespace"). Each collapsed group becomes
 * one node that stands for its members, its subtitle saying what they are (collapsedSubtitle):
 * edges from or to a member now end at it (one per kind and far end — one per listener row for
 * a Gateway's routes — rows dropped, the first broken or detached reason kept, labelled with how
 * many edges it stands for when more than one: `84 routes`), edges between two members of one
 * group disappear, and every resource drawn by a member is drawn by it. Other nodes and edges
 * are the same objects as in `graph`. The graph itself is not changed.
 */
export function collapseNamespaces(graph: RouteGraph, collapsed: ReadonlySet<string>): RouteGraph {
  const groups = graph.groups.filter((g) => collapsed.has(g.id));
  if (groups.length === 0) return graph;
  const standIn = new Map<string, string>();
  const members = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    if (n.group === undefined || !collapsed.has(n.group)) continue;
    standIn.set(n.id, collapsedId(n.group));
    const list = members.get(n.group);
    if (list) list.push(n);
    else members.set(n.group, [n]);
  }
  const nodes: GraphNode[] = graph.nodes.filter((n) => !standIn.has(n.id));
  for (const g of groups) {
    const inside = members.get(g.id) ?? [];
    const diagnostics = { error: g.diagnostics.error, warning: g.diagnostics.warning, info: g.diagnostics.info };
    for (const n of inside) {
      diagnostics.error += n.diagnostics.error;
      diagnostics.warning += n.diagnostics.warning;
      diagnostics.info += n.diagnostics.info;
    }
    const severity = diagnostics.error > 0 ? 'error' : diagnostics.warning > 0 ? 'warning' : undefined;
    nodes.push({
      id: collapsedId(g.id),
      role: 'other',
      kind: 'Namespace',
      family: 'core',
      namespace: '',
      name: g.namespace,
      ...(g.resourceId ? { resourceId: g.resourceId } : {}),
      related: inside.flatMap((n) => (n.resourceId ? [n.resourceId, ...n.related] : [...n.related])),
      subtitle: collapsedSubtitle(inside),
      badges: [],
      rows: [],
      diagnostics,
      ...(severity ? { severity } : {}),
      collapsed: { group: g.id, members: inside.length },
    });
  }

  const edges: GraphEdge[] = [];
  const merged = new Map<string, GraphEdge>();
  const counts = new Map<string, number>();
  for (const e of graph.edges) {
    const source = standIn.get(e.source);
    const target = standIn.get(e.target);
    if (source === undefined && target === undefined) {
      edges.push(e);
      continue;
    }
    if (source !== undefined && source === target) continue; // inside one collapsed namespace
    const s = source ?? e.source;
    const t = target ?? e.target;
    const sourceRow = source === undefined ? e.sourceRow : undefined;
    const targetRow = target === undefined ? e.targetRow : undefined;
    const id = `collapsed-edge:${e.kind}:${s}|${sourceRow ?? ''}->${t}|${targetRow ?? ''}`;
    const before = merged.get(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (before) {
      // One edge stands for several: the first problem on any of them is kept.
      if (before.broken === undefined && e.broken !== undefined) merged.set(id, { ...before, broken: e.broken });
      const now = merged.get(id) ?? before;
      if (now.detached === undefined && e.detached !== undefined) merged.set(id, { ...now, detached: e.detached });
      continue;
    }
    merged.set(id, {
      id,
      kind: e.kind,
      source: s,
      ...(sourceRow !== undefined ? { sourceRow } : {}),
      target: t,
      ...(targetRow !== undefined ? { targetRow } : {}),
      ...(e.broken !== undefined ? { broken: e.broken } : {}),
      ...(e.detached !== undefined ? { detached: e.detached } : {}),
    });
  }
  for (const [id, e] of merged) {
    const n = counts.get(id) ?? 1;
    edges.push(n > 1 ? { ...e, label: `${n.toLocaleString('en')} ${edgeNoun(e)}` } : e);
  }

  const nodeByResource: Record<string, string> = {};
  for (const [resource, node] of Object.entries(graph.nodeByResource)) nodeByResource[resource] = standIn.get(node) ?? (collapsed.has(node) ? collapsedId(node) : node);
  return { nodes, edges, groups: graph.groups.filter((g) => !collapsed.has(g.id)), nodeByResource };
}

/** What `n` merged edges of one line are, in words: the routes a listener attaches, the backend references… */
function edgeNoun(e: GraphEdge): string {
  if (e.kind === 'attach') return e.target.startsWith(COLLAPSED) ? 'routes' : 'attachments';
  if (e.kind === 'backend') return 'backend references';
  if (e.kind === 'mirror') return 'mirrors';
  return 'references';
}

/** `HTTPRoute` → `HTTPRoutes`, `ServiceEntry` → `ServiceEntries`, `Ingress` → `Ingresses`. */
export function kindPlural(kind: string, n: number): string {
  if (n === 1) return kind;
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

/** Kinds named one by one in a subtitle; the rest are counted together. */
const NAMED_KINDS = 2;

/**
 * What a collapsed namespace holds, in the words a reviewer reads at a glance: its objects by
 * kind, most first (`250 HTTPRoutes · 3 Services`), then the backends its routes name that the
 * design lacks (`250 missing Services`): a "Not in this design" card (missing-group.ts) counts
 * one per row, a single placeholder one. Problems are not repeated here: the node shows its
 * severity counts beside the title.
 */
export function collapsedSubtitle(members: readonly GraphNode[]): string {
  const present = new Map<string, number>();
  const missing = new Map<string, number>();
  for (const n of members) {
    if (n.role === 'missing') missing.set(n.kind, (missing.get(n.kind) ?? 0) + (isMissingGroup(n) ? n.rows.length : 1));
    else present.set(n.kind, (present.get(n.kind) ?? 0) + 1);
  }
  const byCount = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const num = (n: number): string => n.toLocaleString('en');
  const kinds = byCount(present);
  const parts = kinds.slice(0, NAMED_KINDS).map(([kind, n]) => `${num(n)} ${kindPlural(kind, n)}`);
  const others = kinds.slice(NAMED_KINDS).reduce((sum, [, n]) => sum + n, 0);
  if (others > 0) parts.push(`${num(others)} other ${others === 1 ? 'object' : 'objects'}`);
  for (const [kind, n] of byCount(missing)) parts.push(`${num(n)} missing ${kindPlural(kind, n)}`);
  return parts.length > 0 ? parts.join(' · ') : 'empty';
}
