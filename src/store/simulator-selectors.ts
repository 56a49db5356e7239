import { decisionPath, traceTarget, type Decision, type DecisionPath, type GraphTarget, type RouteGraph, type TraceStep } from '../core/index';
import type { DesignState } from './design-store';
import { selectGraph } from './selectors';
import type { SimulationAnswer, SimulatorInput } from './simulation';
import type { SimulatorView } from './simulator';

/**
 * The simulator's derived views. The canvas reads the lit path through these, by id, as plain
 * values: a node, row or edge component re-renders only when its own highlight changes.
 */
export const selectSimulator = (s: DesignState): SimulatorView => s.simulator;
export const selectSimulatorInput = (s: DesignState): SimulatorInput => s.simulator.input;

/** The answer on show: null when the simulator is off. */
export const selectSimulatorAnswer = (s: DesignState): SimulationAnswer | null => (s.simulator.active ? s.simulator.answer : null);

export function selectDecision(s: DesignState): Decision | null {
  const a = selectSimulatorAnswer(s);
  return a?.kind === 'decision' ? a.decision : null;
}

const paths = new WeakMap<SimulationAnswer, { graph: RouteGraph; path: DecisionPath }>();

/** Where the shown decision lies on the canvas (memoised per answer and graph); null when none is shown. */
export function selectDecisionPath(s: DesignState): DecisionPath | null {
  return answerPath(s, selectSimulatorAnswer(s));
}

/** Where an answer's decision lies on the design's canvas (memoised per answer and graph); null for none. */
export function answerPath(s: DesignState, a: SimulationAnswer | null | undefined): DecisionPath | null {
  if (a?.kind !== 'decision') return null;
  const graph = selectGraph(s);
  const cached = paths.get(a);
  if (cached && cached.graph === graph) return cached.path;
  const path = decisionPath(graph, a.decision, a.protocol);
  paths.set(a, { graph, path });
  return path;
}

/** `on`: on the request's path; `dim`: a decision is shown and this is not on it; null: none is shown. */
export type Lit = 'on' | 'dim' | null;

export function selectNodeLit(s: DesignState, id: string): Lit {
  const p = selectDecisionPath(s);
  return p ? (p.nodes.has(id) ? 'on' : 'dim') : null;
}

export function selectRowLit(s: DesignState, rowId: string): boolean {
  return selectDecisionPath(s)?.rows.has(rowId) ?? false;
}

/** The share of requests an edge carries on the path (0…1), `dim` when off it, null when no decision is shown. */
export function selectEdgeLit(s: DesignState, edgeId: string): number | 'dim' | null {
  const p = selectDecisionPath(s);
  return p ? (p.edges.get(edgeId) ?? 'dim') : null;
}

/** The node (and row) a trace step is about, in the graph the canvas shows. */
export function selectTraceTarget(s: DesignState, step: TraceStep): GraphTarget | null {
  const a = selectSimulatorAnswer(s);
  return traceTarget(selectGraph(s), step, a?.kind === 'decision' ? a.protocol : 'http');
}
