import { decisionPath, type DecisionPath, type RouteGraph } from '../../core/index';
import { selectDecisionPath, selectGraph, selectNodeLit, selectRowLit, selectEdgeLit, type DesignState, type Lit, type SimulationAnswer } from '../../store/index';

/**
 * The picked change's "after" answer, lit on the canvas the way the simulator lights its answer
 * (simulator-selectors.ts): its path on, the rest dimmed. The simulator's own answer, when it
 * shows one, comes first. Read by id, as plain values, like the simulator's.
 */
const paths = new WeakMap<SimulationAnswer, { graph: RouteGraph; path: DecisionPath }>();

function comparePath(s: DesignState): DecisionPath | null {
  const a = s.compare.before ? s.compare.answers?.after : undefined;
  if (a?.kind !== 'decision') return null;
  const graph = selectGraph(s);
  const cached = paths.get(a);
  if (cached && cached.graph === graph) return cached.path;
  const path = decisionPath(graph, a.decision, a.protocol);
  paths.set(a, { graph, path });
  return path;
}

export function selectNodeLitOrCompared(s: DesignState, id: string): Lit {
  const lit = selectNodeLit(s, id);
  if (lit !== null) return lit;
  const p = comparePath(s);
  return p ? (p.nodes.has(id) ? 'on' : 'dim') : null;
}

export function selectRowLitOrCompared(s: DesignState, rowId: string): boolean {
  if (selectDecisionPath(s)) return selectRowLit(s, rowId);
  return comparePath(s)?.rows.has(rowId) ?? false;
}

export function selectEdgeLitOrCompared(s: DesignState, edgeId: string): number | 'dim' | null {
  const lit = selectEdgeLit(s, edgeId);
  if (lit !== null) return lit;
  const p = comparePath(s);
  return p ? (p.edges.get(edgeId) ?? 'dim') : null;
}
