import { problemFamily, type Diagnostic, type ProblemFamily, type RowReach, type Severity } from '../core/index';
import type { DesignState } from './design-store';
import { selectGraph, selectNode } from './selectors';

/**
 * The verdict as the UI reads it. One source of truth for the counts: the toolbar, the Problems
 * tab and the Problems panel all read `analysis.counts` (every diagnostic, infos included).
 */
const NONE = { error: 0, warning: 0, info: 0 } as const;

export const selectProblemCounts = (s: DesignState): { readonly error: number; readonly warning: number; readonly info: number } => s.analysis?.counts ?? NONE;

export const selectProblemTotal = (s: DesignState): number => {
  const c = selectProblemCounts(s);
  return c.error + c.warning + c.info;
};

/** What the Problems panel shows: the severities ticked, one check family ('' = all), one resource kind ('' = all). */
export interface ProblemFilter {
  readonly severities: readonly Severity[];
  readonly family: ProblemFamily | '';
  readonly kind: string;
}

export const NO_FILTER: ProblemFilter = { severities: ['error', 'warning', 'info'], family: '', kind: '' };

export function matchesFilter(d: Diagnostic, f: ProblemFilter): boolean {
  if (!f.severities.includes(d.severity)) return false;
  if (f.kind !== '' && d.resource?.kind !== f.kind) return false;
  return f.family === '' || problemFamily(d) === f.family;
}

/** The reachability of a rule (`spec.rules[1]`, `spec.http[0]`) of a resource, as the canvas's row has it. */
export function selectRuleReach(s: DesignState, resourceId: string, path: string): RowReach | undefined {
  const graph = selectGraph(s);
  const nodeId = graph.nodeByResource[resourceId];
  if (nodeId === undefined) return undefined;
  return selectNode(s, nodeId)?.rows.find((r) => r.resourceId === resourceId && r.path === path)?.reach;
}
