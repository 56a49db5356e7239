import { collapseNamespaces, type Diagnostic, type GraphGroup, type GraphNode, type Resource, type RouteGraph } from '../core/index';
import type { Analysis } from './analysis';
import type { DesignState } from './design-store';

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

const viewGraphs = new WeakMap<RouteGraph, { readonly collapsed: DesignState['collapsed']; readonly view: RouteGraph }>();

/** The graph as the canvas draws it: collapsed namespaces are one node each (core collapseNamespaces). */
export function selectViewGraph(s: DesignState): RouteGraph {
  const graph = selectGraph(s);
  const memo = viewGraphs.get(graph);
  if (memo && memo.collapsed === s.collapsed) return memo.view;
  const view = collapseNamespaces(graph, new Set(Object.keys(s.collapsed)));
  viewGraphs.set(graph, { collapsed: s.collapsed, view });
  return view;
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
