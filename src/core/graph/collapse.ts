import type { GraphEdge, GraphNode, RouteGraph } from './types.js';

/** The id of the node a collapsed namespace group is drawn as. */
export const collapsedId = (groupId: string): string => `collapsed:${groupId}`;

/**
 * The graph with some namespaces collapsed, for a big design's overview (DESIGN.md: "a design of
 * 1,000 routes still navigable — find, focus, collapse a namespace"). Each collapsed group becomes
 * one node that stands for its members: edges from or to a member now end at it (one per kind and
 * far end, rows dropped, the first broken or detached reason kept), edges between two members of
 * one group disappear, and every resource drawn by a member is drawn by it. Other nodes and
 * edges are the same objects as in `graph`. The graph itself is not changed.
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
      subtitle: `${inside.length.toLocaleString('en')} ${inside.length === 1 ? 'object' : 'objects'}, collapsed`,
      badges: [],
      rows: [],
      diagnostics,
      ...(severity ? { severity } : {}),
      collapsed: { group: g.id, members: inside.length },
    });
  }

  const edges: GraphEdge[] = [];
  const merged = new Map<string, GraphEdge>();
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
  edges.push(...merged.values());

  const nodeByResource: Record<string, string> = {};
  for (const [resource, node] of Object.entries(graph.nodeByResource)) nodeByResource[resource] = standIn.get(node) ?? (collapsed.has(node) ? collapsedId(node) : node);
  return { nodes, edges, groups: graph.groups.filter((g) => !collapsed.has(g.id)), nodeByResource };
}
