import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../compile/types.js';
import { parseBackendBehaviour } from './backend-behaviour.js';
import { round } from './outcomes.js';
import { designArb, objects, requestArb, type RouteSpec } from './property-arbs.js';
import { ask, build } from './testing.js';
import type { BackendBehaviour, Decision, Outcome } from './types.js';
import { istio } from './what-if-kit.js';

// With a backend that always answers 200 at once — no behaviour input, or `--backend-status 200
// --backend-delay 0s` — every answer is today's: the behaviour only adds `attempts` and `elapsedMs`
// (and splits an outcome by time, e.g. a fault delay, which merging by status and reason undoes).
const ALWAYS_OK = ((): BackendBehaviour => {
  const b = parseBackendBehaviour('200', '0s');
  if (!b.ok) throw new Error(b.error);
  return b.behaviour;
})();

/** The answer without its time: outcomes merged by status and reason (probabilities to 5 decimals). */
function timeless(d: Decision): unknown {
  const { attempts: _a, elapsedMs: _e, ...rest } = d;
  const merged: Outcome[] = [];
  for (const { attempts: _x, elapsedMs: _y, ...o } of d.outcomes) {
    const i = merged.findIndex((m) => m.status === o.status && m.reason === o.reason);
    const prev = merged[i];
    if (prev) merged[i] = { ...prev, probability: round(prev.probability + o.probability) };
    else merged.push(o);
  }
  return { ...rest, outcomes: merged.map((o) => ({ ...o, probability: Math.round(o.probability * 1e5) / 1e5 })) };
}

function hasTimeKeys(d: Decision): boolean {
  return 'attempts' in d || 'elapsedMs' in d || d.outcomes.some((o) => 'attempts' in o || 'elapsedMs' in o);
}

function sameAsToday(compiled: CompileResult, request: string, headers: readonly string[], mesh?: { namespace: string; workload: string; labels: Record<string, string> }): void {
  const base = mesh ? { mesh } : {};
  const today = ask(compiled, request, headers, base);
  expect(hasTimeKeys(today)).toBe(false);
  const withOk = ask(compiled, request, headers, { ...base, backend: ALWAYS_OK });
  expect(timeless(withOk)).toEqual(timeless(today));
  expect(withOk.attempts?.every((a) => a.status === 200 || a.status === 'OK' || !a.retried)).toBe(true);
}

const policyArb = fc.record(
  {
    timeouts: fc.record({ request: fc.constantFrom('500ms', '0s', '10s'), backendRequest: fc.constantFrom('100ms', '0s') }, { requiredKeys: [] }),
    retry: fc.record({ codes: fc.subarray([500, 502, 503, 504]), attempts: fc.constantFrom(0, 1, 3), backoff: fc.constantFrom('10ms', '1s') }, { requiredKeys: [] }),
    backendRefs: fc.constantFrom([{ name: 's1', port: 80, weight: 3 }, { name: 'gone', port: 80, weight: 1 }], [{ name: 's2', port: 80, weight: 0 }, { name: 's3', port: 80 }]),
  },
  { requiredKeys: [] },
);

describe('a backend that always succeeds at once changes no answer', () => {
  it('Gateway API designs with timeouts, retries and weighted splits', () => {
    fc.assert(
      fc.property(designArb, fc.array(fc.option(policyArb, { nil: undefined }), { minLength: 15, maxLength: 15 }), fc.array(requestArb, { minLength: 1, maxLength: 4 }), (routes, policies, requests) => {
        let k = 0;
        const withPolicies: RouteSpec[] = routes.map((r) => ({
          ...r,
          rules: r.rules.map((rule) => {
            const policy = policies[k++ % policies.length];
            return policy ? { ...rule, policy } : rule;
          }),
        }));
        const compiled = build(objects(withPolicies));
        for (const r of requests) sameAsToday(compiled, `${r.method} http://${r.host}${r.path}`, r.headers);
      }),
      { numRuns: 120 },
    );
  });

  const ruleArb = fc.record({
    prefix: fc.option(fc.constantFrom('/a', '/b', '/'), { nil: undefined }),
    dests: fc.constantFrom('[{destination: {host: a}}]', '[{destination: {host: a}, weight: 3}, {destination: {host: gone}, weight: 1}]', '[{destination: {host: a}, weight: 1}, {destination: {host: b}, weight: 1}]'),
    abort: fc.option(fc.constantFrom(0, 10, 25, 50, 100), { nil: undefined }),
    delay: fc.option(fc.constantFrom(0, 10, 50, 100), { nil: undefined }),
    timeout: fc.option(fc.constantFrom('500ms', '1s'), { nil: undefined }),
    retries: fc.option(fc.constantFrom('{attempts: 0}', '{attempts: 2, perTryTimeout: 100ms, retryOn: 5xx}', '{attempts: 1, retryOn: "503,reset"}'), { nil: undefined }),
  });
  type IstioRule = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;
  const istioDesign = (rules: IstioRule[]): CompileResult => {
    const http = rules.map((r) => {
      const fault = [r.abort === undefined ? '' : `abort: {httpStatus: 503, percentage: {value: ${r.abort}}}`, r.delay === undefined ? '' : `delay: {fixedDelay: 2s, percentage: {value: ${r.delay}}}`].filter((x) => x !== '').join(', ');
      return [
        `  - route: ${r.dests}`,
        r.prefix === undefined ? '' : `    match: [{uri: {prefix: ${r.prefix}}}]`,
        fault === '' ? '' : `    fault: {${fault}}`,
        r.timeout === undefined ? '' : `    timeout: ${r.timeout}`,
        r.retries === undefined ? '' : `    retries: ${r.retries}`,
      ].filter((x) => x !== '').join('\n');
    });
    return istio(http.join('\n'), { mesh: false });
  };
  it('Istio designs with faults, timeouts, retries and weights, at the gateway and straight to a Service', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '/a', '/b/c', '/zz'), (rules, path) => {
        const compiled = istioDesign(rules);
        sameAsToday(compiled, `GET http://shop.example.com${path}`, []);
        sameAsToday(compiled, `GET http://a.shop.svc.cluster.local${path}`, [], { namespace: 'shop', workload: 'web', labels: {} });
      }),
      { numRuns: 120 },
    );
  });
});
