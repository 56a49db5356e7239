import type { GraphNode, RouteGraph, RowKind } from '../../core/index';

/**
 * What a screen reader says for a canvas node (React Flow's `ariaLabel`): the kind and
 * namespace/name, what the card holds, what it hangs from or who sends to it, and its problems —
 * "HTTPRoute shop/cart, 2 rules, attached to edge/https". Plain data in, a string out.
 */

/** A node's relations, read off the graph's edges (see `linksIn`). */
export interface NodeLinks {
  /** Parents a route is attached to: `edge/https` for a listener, `Service shop/cart` for a mesh parent. */
  readonly parents: readonly string[];
  /** How many distinct nodes send traffic to it (backend and mirror edges). */
  readonly senders: number;
}

export const NO_LINKS: NodeLinks = { parents: [], senders: 0 };

const ROW_WORDS: Record<RowKind, readonly [string, string]> = {
  listener: ['listener', 'listeners'],
  server: ['server', 'servers'],
  rule: ['rule', 'rules'],
  port: ['port', 'ports'],
  subset: ['subset', 'subsets'],
  backend: ['backend', 'backends'],
};
const ROW_ORDER: readonly RowKind[] = ['listener', 'server', 'rule', 'port', 'subset', 'backend'];

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** `shop/cart`, or `cart` for cluster-scoped kinds and external hosts. */
export const qualified = (n: Pick<GraphNode, 'namespace' | 'name'>): string => (n.namespace ? `${n.namespace}/${n.name}` : n.name);

/** The accessible name of one node, given its links. */
export function nodeAriaLabel(node: GraphNode, links: NodeLinks = NO_LINKS): string {
  const parts: string[] = [node.role === 'missing' ? `Missing ${node.kind} ${qualified(node)}` : `${node.kind} ${qualified(node)}`];
  if (node.collapsed) parts.push('collapsed', count(node.collapsed.members, 'object', 'objects'));
  for (const kind of ROW_ORDER) {
    const n = node.rows.filter((r) => r.kind === kind).length;
    if (n > 0) parts.push(count(n, ...ROW_WORDS[kind]));
  }
  if (links.parents.length > 0) parts.push(`attached to ${links.parents.join(' and ')}`);
  if (links.senders > 0) parts.push(`receives from ${count(links.senders, 'route', 'routes')}`);
  const { error, warning } = node.diagnostics;
  if (error > 0) parts.push(count(error, 'error', 'errors'));
  if (warning > 0) parts.push(count(warning, 'warning', 'warnings'));
  if (node.missing) parts.push(node.missing);
  return parts.join(', ');
}

const linkCache = new WeakMap<RouteGraph, ReadonlyMap<string, NodeLinks>>();

/** Every node's links in one pass over the edges, once per graph. */
export function linksIn(graph: RouteGraph): ReadonlyMap<string, NodeLinks> {
  const cached = linkCache.get(graph);
  if (cached) return cached;
  const byId = new Map<string, GraphNode>();
  for (const n of graph.nodes) byId.set(n.id, n);
  const parents = new Map<string, string[]>();
  const senders = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (e.kind === 'attach') {
      const parent = byId.get(e.source);
      if (!parent) continue;
      const row = e.sourceRow === undefined ? undefined : parent.rows.find((r) => r.id === e.sourceRow);
      const said = row ? `${parent.name}/${row.key}` : `${parent.kind} ${qualified(parent)}`;
      const list = parents.get(e.target) ?? [];
      if (!list.includes(said)) list.push(said);
      parents.set(e.target, list);
    } else if (e.kind === 'backend' || e.kind === 'mirror') {
      const set = senders.get(e.target) ?? new Set<string>();
      set.add(e.source);
      senders.set(e.target, set);
    }
  }
  const links = new Map<string, NodeLinks>();
  for (const id of new Set([...parents.keys(), ...senders.keys()])) links.set(id, { parents: parents.get(id) ?? [], senders: senders.get(id)?.size ?? 0 });
  linkCache.set(graph, links);
  return links;
}

/** The accessible name of a node of `graph`. */
export const ariaLabelIn = (graph: RouteGraph, node: GraphNode): string => nodeAriaLabel(node, linksIn(graph).get(node.id));
