import type { DecisionPath } from '../../core/index';
import { answerPath, selectDecisionPath, selectNodeLit, selectRowLit, selectEdgeLit, type DesignState, type Lit } from '../../store/index';

/**
 * The picked change's "after" answer, lit on the canvas the way the simulator lights its answer
 * (simulator-selectors.ts): its path on, the rest dimmed. The simulator's own answer, when it
 * shows one, comes first. Read by id, as plain values, like the simulator's.
 */
function comparePath(s: DesignState): DecisionPath | null {
  return answerPath(s, s.compare.before ? s.compare.answers?.after : undefined);
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
