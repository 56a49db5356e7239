/**
 * A case against a compiled design: the simulator's decision, and each written expectation that
 * did not hold, with both sides in words. Only what the case writes is checked.
 */
import type { RouteTable } from '../compile/types.js';
import { simulate } from '../simulate/index.js';
import { actualOf } from './actual.js';
import { compareBackends } from './compare-backends.js';
import type { ActualOutcome, Expectation, RouteTestCase, RouteTestFailure, RouteTestResult } from './types.js';

export function runRouteTest(table: RouteTable, c: RouteTestCase): RouteTestResult {
  const decision = simulate(table, c.request, c.options);
  const actual = actualOf(decision);
  const failures = compare(c.expect, actual);
  return { case: c, passed: failures.length === 0, failures, actual, decision };
}

export function runRouteTests(table: RouteTable, cases: readonly RouteTestCase[]): { readonly results: RouteTestResult[]; readonly passed: number; readonly failed: number } {
  const results = cases.map((c) => runRouteTest(table, c));
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}

const words = (v: string | number | null): string => (v === null ? 'none' : typeof v === 'number' ? String(v) : JSON.stringify(v));

function compare(e: Expectation, a: ActualOutcome): RouteTestFailure[] {
  const out: RouteTestFailure[] = [];
  const check = (field: RouteTestFailure['field'], expected: string | number | undefined, actual: string | number | null): void => {
    if (expected !== undefined && expected !== actual) out.push({ field, expected: words(expected), actual: words(actual) });
  };
  check('status', e.status, a.status);
  check('route', e.route, a.route);
  if (e.backends) out.push(...compareBackends(e.backends, a.backends));
  check('redirect', e.redirect, a.redirect);
  const reaches = a.headers !== null;
  check('path', e.path, a.path);
  check('host', e.host, a.host);
  for (const [name, value] of Object.entries(e.headers ?? {})) {
    const got = a.headers?.[name.toLowerCase()];
    if (got !== value) out.push({ field: 'headers', expected: `${name}: ${value}`, actual: !reaches ? 'the request reaches no backend' : got === undefined ? `no ${name} header` : `${name}: ${got}` });
  }
  for (const name of e.absentHeaders ?? []) {
    const got = a.headers?.[name.toLowerCase()];
    if (got !== undefined) out.push({ field: 'absentHeaders', expected: `no ${name} header`, actual: `${name}: ${got}` });
    else if (!reaches) out.push({ field: 'absentHeaders', expected: `no ${name} header`, actual: 'the request reaches no backend' });
  }
  return out;
}
