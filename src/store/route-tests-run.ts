import { parseRouteTests, runRouteTests } from '../core/index';
import type { ActualOutcome, Diagnostic, RouteTable, RouteTestFailure, Target, WitnessRequest } from '../core/index';

/**
 * The design's route tests against a compiled table: the analyzer (the Worker, where the table
 * lives) parses the tests' YAML and runs every case; only plain data comes back to the page.
 */
export interface RouteTestsRequest {
  /** The tests' revision: answers to older ones are dropped. */
  readonly seq: number;
  /** Which compiled table to run against (`Analysis.tableId` of the analysis the canvas shows). */
  readonly tableId: number;
  /** The RouteTests YAML. */
  readonly text: string;
  /** The name its diagnostics carry. */
  readonly fileName: string;
}

/** One case's result, as the Tests tab shows it. */
export interface RouteTestRow {
  readonly name: string;
  readonly witness: WitnessRequest;
  readonly passed: boolean;
  readonly failures: readonly RouteTestFailure[];
  /** What the design gives now, in the expectation's terms (to accept it when it fails). */
  readonly actual: ActualOutcome;
  /** Where the case's name is written in the tests' YAML. */
  readonly line: number;
  readonly column: number;
}

export type RouteTestsAnswer =
  | {
      readonly seq: number;
      readonly tableId: number;
      readonly kind: 'ran';
      /** The tests' own problems (a file with any error runs no case). */
      readonly diagnostics: readonly Diagnostic[];
      readonly rows: readonly RouteTestRow[];
      readonly passed: number;
      readonly failed: number;
      readonly millis: number;
    }
  /** The analyzer no longer holds that table (a newer analysis replaced it): ask again. */
  | { readonly seq: number; readonly tableId: number; readonly kind: 'unavailable' };

/** The pure step: parse the tests, run them on one table — each case simulated for the table's target, when it has one (as `test --target`). */
export function runRouteTestsText(table: RouteTable, request: RouteTestsRequest, target?: Target): RouteTestsAnswer {
  const start = performance.now();
  const parsed = parseRouteTests({ name: request.fileName, text: request.text });
  const cases = target === undefined ? parsed.cases : parsed.cases.map((c) => ({ ...c, options: { ...c.options, target } }));
  const run = runRouteTests(table, cases);
  const rows = run.results.map((r) => ({ name: r.case.name, witness: r.case.witness, passed: r.passed, failures: r.failures, actual: r.actual, line: r.case.location.line, column: r.case.location.column }));
  const { seq, tableId } = request;
  return { seq, tableId, kind: 'ran', diagnostics: parsed.diagnostics, rows, passed: run.passed, failed: run.failed, millis: performance.now() - start };
}
