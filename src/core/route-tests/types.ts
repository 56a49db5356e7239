/**
 * Route tests kept in git (`route-designer test TESTS.yaml FILE...`): a tests file names requests in
 * `simulate`'s terms and what each must get. Only what a case writes under `expect` is checked.
 * The format is documented in README.md ("Route tests").
 */
import type { Diagnostic, SourceRange, WitnessRequest } from '../diagnostics/types.js';
import type { Decision, Request, SimulateOptions } from '../simulate/types.js';

/** Codes of the tests file's own problems (YAML errors use the manifests' `YAMLSyntax`, `YAMLDuplicateKey`, `YAMLAliasBomb`). */
export const ROUTE_TEST_CODES = ['TestUnknownField', 'TestWrongType', 'TestMissingField', 'TestInvalidValue', 'TestDuplicateName', 'TestNoCases'] as const;
export type RouteTestCode = (typeof ROUTE_TEST_CODES)[number];

/** A backend a case expects: `NS/NAME` with the kind, port, subset and share only when written. */
export interface BackendExpectation {
  readonly namespace: string;
  readonly name: string;
  readonly kind?: string;
  readonly port?: number;
  readonly subset?: string;
  /** The probability of reaching it (0–1), as the simulator rounds it (6 decimals). */
  readonly share?: number;
}

/** What a case checks; each field only when written. */
export interface Expectation {
  /** The most probable outcome's status: an HTTP status, or a gRPC / L4 status name (`OK`, `CONNECTED`). */
  readonly status?: number | string;
  /** The route that decided, `NS/NAME` (any kind). */
  readonly route?: string;
  /** Every backend that receives a share (a backend with share 0 must receive none). */
  readonly backends?: readonly BackendExpectation[];
  /** The redirect's Location. */
  readonly redirect?: string;
  /** Path and query as the backend receives them (after rewrites). */
  readonly path?: string;
  /** Host as the backend receives it. */
  readonly host?: string;
  /** Headers the backend receives with exactly these values (names in any case). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers the backend does not receive. */
  readonly absentHeaders?: readonly string[];
}

export type ExpectationField = keyof Expectation;

export interface RouteTestCase {
  readonly name: string;
  /** The request in `simulate`'s terms, as written (for output and for re-running by hand). */
  readonly witness: WitnessRequest;
  readonly request: Request;
  readonly options: SimulateOptions;
  readonly expect: Expectation;
  /** Where the case's `name` is written. */
  readonly location: SourceRange;
}

export interface ParsedRouteTests {
  readonly cases: readonly RouteTestCase[];
  readonly diagnostics: readonly Diagnostic[];
}

/** One expectation that did not hold, with both sides in words. */
export interface RouteTestFailure {
  readonly field: ExpectationField;
  readonly expected: string;
  readonly actual: string;
}

export interface ActualBackend {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port: number | null;
  readonly subset: string | null;
  readonly share: number;
}

/** The decision seen through the expectation fields (what `actual` shows). */
export interface ActualOutcome {
  readonly status: number | string;
  readonly route: string | null;
  readonly backends: readonly ActualBackend[];
  readonly redirect: string | null;
  readonly path: string | null;
  readonly host: string | null;
  readonly headers: Readonly<Record<string, string>> | null;
}

export interface RouteTestResult {
  readonly case: RouteTestCase;
  readonly passed: boolean;
  readonly failures: readonly RouteTestFailure[];
  readonly actual: ActualOutcome;
  readonly decision: Decision;
}
