import { isDrawn, kindKey, type AsideReason, type Family, type GraphFilter, type GraphNode, type RouteGraph } from '../core/index';

/**
 * What the canvas leaves out of the drawing (view state: never part of the document, its
 * validation or its undo history). Keys are namespaces and kinds (core kindKey) hidden; kept-aside
 * nodes ("n other objects") are drawn only with `showAside`.
 */
export interface ViewFilter {
  readonly namespaces: Readonly<Record<string, true>>;
  readonly kinds: Readonly<Record<string, true>>;
  readonly showAside: boolean;
}

export const NO_VIEW_FILTER: ViewFilter = { namespaces: {}, kinds: {}, showAside: false };

const graphFilters = new WeakMap<ViewFilter, GraphFilter>();

/** The core's form of a filter (memoised per filter object). */
export function toGraphFilter(f: ViewFilter): GraphFilter {
  let g = graphFilters.get(f);
  if (!g) {
    g = { namespaces: new Set(Object.keys(f.namespaces)), kinds: new Set(Object.keys(f.kinds)), showAside: f.showAside };
    graphFilters.set(f, g);
  }
  return g;
}

/** The filter with one namespace or kind shown again, or hidden. */
export function toggleHidden(f: ViewFilter, what: 'namespaces' | 'kinds', key: string): ViewFilter {
  const { [key]: was, ...rest } = f[what];
  return { ...f, [what]: was ? rest : { ...rest, [key]: true } };
}

/** The filter with every namespace and kind shown again (kept-aside objects stay as they were). */
export function resetHidden(f: ViewFilter): ViewFilter {
  return Object.keys(f.namespaces).length === 0 && Object.keys(f.kinds).length === 0 ? f : { ...f, namespaces: {}, kinds: {} };
}

export interface FilterChoice {
  /** The namespace, or the kindKey. */
  readonly key: string;
  readonly label: string;
  readonly family?: Family;
  /** Nodes it holds that the canvas would draw but for the filter. */
  readonly count: number;
  readonly hidden: boolean;
}

export interface FilterOptions {
  readonly namespaces: readonly FilterChoice[];
  readonly kinds: readonly FilterChoice[];
  /** Nodes the namespace and kind filters hide (kept-aside ones not counted). */
  readonly hidden: number;
}

/**
 * The choices the filter offers over a graph: every namespace group, and every kind the canvas
 * would draw (kept-aside kinds only while they are shown), each with how many nodes it holds.
 */
export function filterOptions(graph: RouteGraph, f: ViewFilter): FilterOptions {
  const gf = toGraphFilter(f);
  const byNamespace = new Map<string, number>();
  const byKind = new Map<string, { kind: string; family: Family; count: number }>();
  let hidden = 0;
  for (const n of graph.nodes) {
    if (n.aside !== undefined && !f.showAside) continue;
    if (n.namespace !== '') byNamespace.set(n.namespace, (byNamespace.get(n.namespace) ?? 0) + 1);
    const key = kindKey(n);
    const k = byKind.get(key);
    if (k) k.count++;
    else byKind.set(key, { kind: n.kind, family: n.family, count: 1 });
    if (!isDrawn(n, gf)) hidden++;
  }
  const namespaces = graph.groups.map((g) => ({ key: g.namespace, label: g.namespace, count: byNamespace.get(g.namespace) ?? 0, hidden: f.namespaces[g.namespace] === true }));
  const kinds: FilterChoice[] = [...byKind.entries()]
    .map(([key, k]) => ({ key, label: k.kind, family: k.family, count: k.count, hidden: f.kinds[key] === true }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  // A hidden kind no longer in the design is still offered, so it can be shown again.
  for (const key of Object.keys(f.kinds)) if (!byKind.has(key)) kinds.push({ key, label: key.slice(key.indexOf(':') + 1), count: 0, hidden: true });
  return { namespaces, kinds, hidden };
}

export interface AsideEntry {
  readonly id: string;
  readonly kind: string;
  readonly family: Family;
  readonly namespace: string;
  readonly name: string;
  readonly reason: AsideReason;
}

/** The nodes kept aside, in document order. */
export function asideEntries(graph: RouteGraph): AsideEntry[] {
  const out: AsideEntry[] = [];
  for (const n of graph.nodes as readonly GraphNode[]) {
    if (n.aside !== undefined) out.push({ id: n.id, kind: n.kind, family: n.family, namespace: n.namespace, name: n.name, reason: n.aside });
  }
  return out;
}
