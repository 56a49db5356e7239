import type { RouteGraph } from '../core/index';

/**
 * A big design opens as structure (issue 15): when a design arrives whole (open, paste, drop,
 * example, import, or an undo/redo to another design) and the canvas would draw more than
 * AUTO_COLLAPSE_ABOVE nodes, namespaces are collapsed before its first layout — the largest
 * first, until at most AUTO_COLLAPSE_TARGET nodes are drawn — so that Fit shows its Gateways, their
 * listeners and one node per namespace ("250 HTTPRoutes · 250 missing Services") at a zoom where
 * they read, instead of a thousand cards at 8 %.
 *
 * Why these numbers (measured at 1600×1000, default panes, Fit after Expand all, on the peer's shape,
 * src/bench/generate-peer.ts: N routes + 3 Gateways + 4 "Not in this design" cards = N + 7 nodes):
 * - 80 nodes is where a design stops fitting at all: 73 routes (80 nodes) Fit at 0.080, the
 *   canvas's minimum zoom, and so does everything bigger — the first view shows a part of it, its
 *   card titles 1.3 px. Below that a design is still shown whole (10 / 20 / 40 / 50 routes: 0.37 /
 *   0.22 / 0.12 / 0.10) and the reader zooms in, as before. The curated examples (3–10 nodes) and
 *   the Bookinfo-like fixtures (10–15) stay far below it: they open exactly as before.
 * - once collapsing, namespaces are collapsed until about a dozen nodes remain: what Fit still
 *   shows with legible titles (the Online shop example, 10 nodes, fits at 0.74: titles 11.8 px;
 *   17 nodes of the peer's shape already fall to 0.37). The peer's shape collapsed is 7 nodes,
 *   at 0.92 (titles 14.6 px) for 100, 500 and 1,000 routes alike.
 */
export const AUTO_COLLAPSE_ABOVE = 80;
export const AUTO_COLLAPSE_TARGET = 12;

/**
 * The namespaces to collapse in `graph` (the graph as the canvas would draw it, view filter
 * applied, nothing collapsed): none when it draws AUTO_COLLAPSE_ABOVE nodes or fewer. Never one
 * that holds what a reader starts from — a Gateway (its listeners must stay visible) or a parent
 * the routes name that the design lacks — nor one the user opened (`keepOpen`), nor one of a single
 * node (collapsing it saves nothing). Largest first; equal sizes by name, so the choice is stable.
 */
export function autoCollapse(graph: RouteGraph, keepOpen: ReadonlySet<string> = new Set()): Readonly<Record<string, true>> {
  if (graph.nodes.length <= AUTO_COLLAPSE_ABOVE) return {};
  const parents = new Set<string>();
  for (const e of graph.edges) if (e.kind === 'attach') parents.add(e.source);
  const sizes = new Map<string, number>();
  const entry = new Set<string>();
  for (const n of graph.nodes) {
    if (n.group === undefined) continue;
    sizes.set(n.group, (sizes.get(n.group) ?? 0) + 1);
    if (n.role === 'gateway' || (n.role === 'missing' && parents.has(n.id))) entry.add(n.group);
  }
  const candidates = [...sizes]
    .filter(([group, size]) => size > 1 && !entry.has(group) && !keepOpen.has(group))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const collapsed: Record<string, true> = {};
  let drawn = graph.nodes.length;
  for (const [group, size] of candidates) {
    if (drawn <= AUTO_COLLAPSE_TARGET) break;
    collapsed[group] = true;
    drawn -= size - 1;
  }
  return collapsed;
}

/**
 * Whether `after` is another design than `before` rather than an edit of it: fewer than half of
 * its nodes were in `before`. An undo of a paste or a redo of one swaps the whole document; an
 * undo of typing or of a canvas edit changes a few nodes (and keeps the user's collapsed namespaces).
 */
export function isAnotherDesign(before: RouteGraph, after: RouteGraph): boolean {
  if (after.nodes.length === 0) return before.nodes.length > 0;
  const known = new Set(before.nodes.map((n) => n.id));
  let kept = 0;
  for (const n of after.nodes) if (known.has(n.id)) kept++;
  return kept * 2 < after.nodes.length;
}

/** What the canvas says once after namespaces were collapsed for the user (AutoCollapseHint). */
export interface AutoCollapseNote {
  /** The namespaces collapsed, by name, largest first. */
  readonly namespaces: readonly string[];
  /** The nodes the design would have drawn, and those it draws now. */
  readonly nodesBefore: number;
  readonly nodesAfter: number;
}

/** The note for a collapse of `collapsed` in `graph` (null when nothing was collapsed). */
export function noteOf(graph: RouteGraph, collapsed: Readonly<Record<string, true>>): AutoCollapseNote | null {
  const groups = Object.keys(collapsed);
  if (groups.length === 0) return null;
  const sizes = new Map<string, number>();
  for (const n of graph.nodes) if (n.group !== undefined && collapsed[n.group]) sizes.set(n.group, (sizes.get(n.group) ?? 0) + 1);
  const folded = [...sizes.values()].reduce((sum, size) => sum + size - 1, 0);
  const name = (group: string): string => graph.groups.find((g) => g.id === group)?.namespace ?? group.replace(/^ns:/, '');
  return { namespaces: groups.map(name), nodesBefore: graph.nodes.length, nodesAfter: graph.nodes.length - folded };
}

/** The view state the arrival decides: the collapsed namespaces, and the note the canvas shows once. */
export interface ArrivalView {
  readonly collapsed: Readonly<Record<string, true>>;
  readonly autoCollapsed: AutoCollapseNote | null;
}

/**
 * Follows designs as they arrive, for the store. A design that arrived whole (a load; an undo or
 * redo, if it turns out to be another design than the one before) awaits its first analysis; then
 * its namespaces are collapsed (autoCollapse) — unless they were set meanwhile (an autosave
 * restore, an import's Undo, the user): `collapsed` is the object the arrival left, and any other
 * means someone decided. Namespaces the user opens since the load are never collapsed for them.
 */
export function createArrivals() {
  let arriving: { readonly collapsed: ArrivalView['collapsed']; readonly before: RouteGraph | null } | null = null;
  let opened = new Set<string>();
  return {
    /** A load: the collapsed namespaces it starts with (none), to be decided by its analysis. */
    load(): ArrivalView['collapsed'] {
      const collapsed = {};
      arriving = { collapsed, before: null };
      opened = new Set();
      return collapsed;
    },
    /** An undo or redo from the design drawn as `before`. */
    travel(collapsed: ArrivalView['collapsed'], before: RouteGraph): void {
      arriving = { collapsed, before };
    },
    /** The user opened (or closed) a namespace. */
    toggled(group: string, open: boolean): void {
      if (open) opened.add(group);
      else opened.delete(group);
    },
    /** The first good analysis since the arrival, of `graph` (view filter applied): what to collapse, or null to leave the view as it is. */
    analysed(graph: RouteGraph, drawn: () => RouteGraph, now: ArrivalView['collapsed']): ArrivalView | null {
      const a = arriving;
      arriving = null;
      if (a === null || a.collapsed !== now || (a.before !== null && !isAnotherDesign(a.before, graph))) return null;
      const view = drawn();
      const collapsed = autoCollapse(view, opened);
      // Nothing to collapse and nothing collapsed: the view state is left as it is (no save, no new view graph).
      if (Object.keys(collapsed).length === 0 && Object.keys(now).length === 0) return null;
      return { collapsed, autoCollapsed: noteOf(view, collapsed) };
    },
  };
}
