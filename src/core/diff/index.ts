/**
 * diff (issue 12, scope 1): two versions of a design → every class of requests whose answer
 * changes (behaviour.ts), the controller status that changes (status.ts) and the problems added
 * and fixed (problems.ts). Each version is reviewed as `route-designer validate` reviews it.
 */
import type { ParseResult, SourceFile } from '../resources/parse.js';
import { review, type ReviewOptions, type Verdict } from '../verdict/index.js';
import { diffTables } from './behaviour.js';
import { diffProblems } from './problems.js';
import { diffStatus } from './status.js';
import type { DesignDiff } from './types.js';

export type { BehaviourChange, DesignDiff, DiffOutcome, ProblemChanges, StatusChange } from './types.js';
export { diffTables, type DiffTablesOptions, type TableDiff } from './behaviour.js';

/**
 * `target` (`--target`): both versions are reviewed for it, and every request of the diff is
 * simulated for it (SimulateOptions.target) — a change the target's implementation makes visible
 * is listed, one it hides is not. Absent: reviewed and simulated as today.
 */
export type DiffOptions = Pick<ReviewOptions, 'assumeExternal' | 'defaultNamespace' | 'target'>;

/** Files (or parsed designs) of the old and the new version → their diff. Never throws on bad input. */
export function diffDesigns(before: readonly SourceFile[] | ParseResult, after: readonly SourceFile[] | ParseResult, options: DiffOptions = {}): DesignDiff {
  return diffVerdicts(review(before, options), review(after, options), options.target ? { target: options.target } : {});
}

/** The diff of two reviewed versions (the app holds both verdicts already), simulated for `options.target`. */
export function diffVerdicts(before: Verdict, after: Verdict, options: Pick<DiffOptions, 'target'> = {}): DesignDiff {
  const problems = diffProblems(before.diagnostics, after.diagnostics);
  if (!before.compiled || !after.compiled) return { changes: [], status: [], problems, compared: false, candidates: 0, uncrossed: [] };
  const behaviour = diffTables(before.compiled.table, after.compiled.table, options.target ? { target: options.target } : {});
  return { changes: behaviour.changes, status: diffStatus(before.compiled.status, after.compiled.status), problems, compared: true, candidates: behaviour.candidates, uncrossed: behaviour.uncrossed };
}
