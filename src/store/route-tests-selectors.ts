import type { DesignState } from './design-types';
import type { Diagnostic } from '../core/index';
import type { RouteTestsRun, RouteTestsView } from './route-tests';

/** Module-level selectors for the Tests tab and its badge (primitives or the slice's own reference). */
export const selectRouteTests = (s: DesignState): RouteTestsView => s.routeTests;

/** Failing cases of the newest run (0 when none ran). */
export const selectTestsFailed = (s: DesignState): number => s.routeTests.run?.failed ?? 0;

/** Holding cases of the newest run. */
export const selectTestsPassed = (s: DesignState): number => s.routeTests.run?.passed ?? 0;

/**
 * The tests' own problems (their YAML does not read as RouteTests: no case runs). A file without
 * a case (TestNoCases, an error for the CLI, where it would always pass) is a design without tests here.
 */
export const testsProblems = (run: RouteTestsRun | null): readonly Diagnostic[] => (run ? run.diagnostics.filter((d) => d.code !== 'TestNoCases') : []);

export const selectTestsProblems = (s: DesignState): number => testsProblems(s.routeTests.run).length;

/** The design has no test case: a blank text, or one whose run found no case and no other problem. */
export function selectNoTests(s: DesignState): boolean {
  const { text, run, runText } = s.routeTests;
  return text.trim() === '' || (run !== null && runText === text && run.rows.length === 0 && testsProblems(run).length === 0);
}

/** Whether the case saved last from the simulator holds: 'holds', 'fails', or 'checking' until a run of its text is in. */
export function selectSavedVerdict(s: DesignState): 'holds' | 'fails' | 'checking' | null {
  const { saved, run, text, runText } = s.routeTests;
  if (!saved) return null;
  if (!run || run.seq < saved.revision || runText !== text) return 'checking';
  const row = run.rows.find((r) => r.name === saved.name);
  return row ? (row.passed ? 'holds' : 'fails') : null;
}
