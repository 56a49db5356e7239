import { collapseNamespaces, filterGraph, type Diagnostic, type GraphGroup, type GraphNode, type Resource, type RouteGraph } from '../core/index';
import type { Analysis } from './analysis';
import type { DesignState } from './design-store';
import { asideEntries, filterOptions, toGraphFilter, type AsideEntry, type FilterOptions, type ViewFilter } from './view-filter';

/**
 * Derived views, memoised on the analysis they come from: a component that reads the graph or a
 * node gets the same reference until the analysis changes.
 */
const EMPTY_GRAPH: RouteGraph = { nodes: [], edges: [], groups: [], nodeByResource: {} };
const nodeMaps = new WeakMap<RouteGraph, Map<string, GraphNode | GraphGroup>>();
const resourceMaps = new WeakMap<Analysis, Map<string, Resource>>();
const ownerMaps = new WeakMap<Analysis, Map<string, number[]>>();
const NONE: readonly number[] = [];

/** An analysis's graph (built by the analyzer, in the Worker). */
export const graphOf = (analysis: Analysis | null): RouteGraph => analysis?.graph ?? EMPTY_GRAPH;

/** The graph the canvas draws: the last analysis whose YAML could be read. */
export const selectGraph = (s: DesignState): RouteGraph => graphOf(s.shown);

const viewGraphs = new WeakMap<RouteGraph, { readonly collapsed: DesignState['collapsed']; readonly filter: ViewFilter; readonly view: RouteGraph }>();

/**
 * The graph as the canvas draws it: without what the view filter hides (namespaces, kinds, and the
 * objects kept aside unless shown: core filterGraph), then collapsed namespaces as one node each
 * (core collapseNamespaces). The document and its validation are untouched.
 */
export function selectViewGraph(s: DesignState): RouteGraph {
  const graph = selectGraph(s);
  const memo = viewGraphs.get(graph);
  if (memo && memo.collapsed === s.collapsed && memo.filter === s.viewFilter) return memo.view;
  const view = collapseNamespaces(filterGraph(graph, toGraphFilter(s.viewFilter)), new Set(Object.keys(s.collapsed)));
  viewGraphs.set(graph, { collapsed: s.collapsed, filter: s.viewFilter, view });
  return view;
}

const filterMemo = new WeakMap<RouteGraph, { readonly filter: ViewFilter; readonly options: FilterOptions }>();

/** The namespaces and kinds the canvas filter offers, and how many nodes it hides. */
export function selectFilterOptions(s: DesignState): FilterOptions {
  const graph = selectGraph(s);
  const memo = filterMemo.get(graph);
  if (memo && memo.filter === s.viewFilter) return memo.options;
  const options = filterOptions(graph, s.viewFilter);
  filterMemo.set(graph, { filter: s.viewFilter, options });
  return options;
}

const asideMemo = new WeakMap<RouteGraph, readonly AsideEntry[]>();

/** The objects kept aside ("n other objects"), in document order. */
export function selectAside(s: DesignState): readonly AsideEntry[] {
  const graph = selectGraph(s);
  let entries = asideMemo.get(graph);
  if (!entries) {
    entries = asideEntries(graph);
    asideMemo.set(graph, entries);
  }
  return entries;
}

function nodeMap(g: RouteGraph): Map<string, GraphNode | GraphGroup> {
  let m = nodeMaps.get(g);
  if (!m) {
    m = new Map<string, GraphNode | GraphGroup>([...g.groups.map((x) => [x.id, x] as const), ...g.nodes.map((n) => [n.id, n] as const)]);
    nodeMaps.set(g, m);
  }
  return m;
}

/** A node of the design, or the node a collapsed namespace is drawn as. */
export function selectNode(s: DesignState, id: string): GraphNode | undefined {
  const n = nodeMap(selectGraph(s)).get(id) ?? nodeMap(selectViewGraph(s)).get(id);
  return n && 'role' in n ? n : undefined;
}

export function selectGroup(s: DesignState, id: string): GraphGroup | undefined {
  const n = nodeMap(selectGraph(s)).get(id);
  return n && !('role' in n) ? n : undefined;
}

export const selectDiagnostics = (s: DesignState): readonly Diagnostic[] => s.analysis?.diagnostics ?? [];

/** The canvas shows an older version than the text: the text has YAML errors. */
export const selectIsStale = (s: DesignState): boolean => s.analysis !== null && s.shown !== null && s.analysis !== s.shown;

export const selectErrorCount = (s: DesignState): number => s.analysis?.counts.error ?? 0;
export const selectWarningCount = (s: DesignState): number => s.analysis?.counts.warning ?? 0;

function resourceMap(a: Analysis): Map<string, Resource> {
  let m = resourceMaps.get(a);
  if (!m) {
    m = new Map(a.resources.map((r) => [r.id, r]));
    resourceMaps.set(a, m);
  }
  return m;
}

/** A resource as the current text has it (exact lines), else as the canvas last saw it. */
export function selectResource(s: DesignState, id: string): Resource | undefined {
  return (s.analysis && resourceMap(s.analysis).get(id)) ?? (s.shown ? resourceMap(s.shown).get(id) : undefined);
}

/** The resources a node or group draws: its own and those folded into it (DestinationRules). */
export function resourceIdsOf(s: DesignState, id: string): string[] {
  const node = selectNode(s, id);
  if (node) return [...(node.resourceId ? [node.resourceId] : []), ...node.related];
  const group = selectGroup(s, id);
  return group?.resourceId ? [group.resourceId] : [];
}

/** Indices (into the current diagnostics) of the diagnostics about one resource. */
export function diagnosticIndicesOf(s: DesignState, resourceId: string): readonly number[] {
  const a = s.analysis;
  if (!a) return NONE;
  let m = ownerMaps.get(a);
  if (!m) {
    const byOwner = new Map<string, number[]>();
    a.owners.forEach((owner, i) => {
      if (!owner) return;
      const list = byOwner.get(owner);
      if (list) list.push(i);
      else byOwner.set(owner, [i]);
    });
    ownerMaps.set(a, byOwner);
    m = byOwner;
  }
  return m.get(resourceId) ?? NONE;
}
