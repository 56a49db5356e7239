/** Route tests kept in git: parse a tests file, run its cases against a compiled design. */
export { parseRouteTests, TESTS_API_VERSION, TESTS_KIND } from './parse-tests.js';
export { runRouteTest, runRouteTests } from './run-test.js';
export { ROUTE_TEST_CODES } from './types.js';
export type { ActualBackend, ActualOutcome, BackendExpectation, Expectation, ExpectationField, ParsedRouteTests, RouteTestCase, RouteTestCode, RouteTestFailure, RouteTestResult } from './types.js';
