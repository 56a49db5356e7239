/**
 * Generators of random Gateway API designs and requests for the simulator's property tests
 * (properties.test.ts, what-if.properties.test.ts). Test support only.
 */
import fc from 'fast-check';
import type { KubeObject } from '../resources/types.js';
import { gateway, gatewayClass, http, httpRoute, service, to } from './testing.js';

// Random designs on one listener: routes with hostnames, paths, methods, headers, query params and
// optional creation timestamps. Every failing case prints fast-check's seed and path to replay it.
const HOSTS = ['a.example.com', '*.example.com', 'b.example.com', '*.b.example.com', 'other.org'];
const PATHS = ['/', '/a', '/a/b', '/ab', '/a/', '/b'];

export const matchArb = fc.record(
  {
    path: fc.record({ type: fc.constantFrom('Exact', 'PathPrefix'), value: fc.constantFrom(...PATHS) }),
    method: fc.constantFrom('GET', 'POST'),
    headers: fc.uniqueArray(fc.record({ name: fc.constantFrom('x-a', 'x-b', 'x-c'), value: fc.constantFrom('1', '2') }), { selector: (h) => h.name, maxLength: 2 }),
    queryParams: fc.uniqueArray(fc.record({ name: fc.constantFrom('q', 'r'), value: fc.constantFrom('1', '2') }), { selector: (h) => h.name, maxLength: 2 }),
  },
  { requiredKeys: [] },
);
export const ruleArb = fc.record({ matches: fc.array(matchArb, { minLength: 0, maxLength: 3 }), backend: fc.constantFrom('s1', 's2', 's3') });
export const routeArb = fc.record({
  hostnames: fc.uniqueArray(fc.constantFrom(...HOSTS), { maxLength: 2 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
  created: fc.option(fc.constantFrom('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'), { nil: undefined }),
});
export const designArb = fc.array(routeArb, { minLength: 1, maxLength: 5 });

export interface RouteSpec {
  hostnames: string[];
  /** `policy`: more rule fields (timeouts, retry, backendRefs…), merged over the generated ones. */
  rules: { matches: Record<string, unknown>[]; backend: string; policy?: Record<string, unknown> }[];
  created: string | undefined;
}

export function objects(routes: RouteSpec[]): KubeObject[] {
  return [
    gatewayClass(),
    gateway('gw', [http('http')]),
    service('s1'),
    service('s2'),
    service('s3'),
    ...routes.map((r, i) => httpRoute(`r${i}`, { hostnames: r.hostnames, rules: r.rules.map((rule) => ({ matches: rule.matches, backendRefs: [to(rule.backend)], ...rule.policy })) }, 'default', r.created)),
  ];
}

export const requestArb = fc.record({
  host: fc.constantFrom('a.example.com', 'b.example.com', 'x.b.example.com', 'z.example.com', 'other.org', 'nowhere.io'),
  path: fc.constantFrom('/', '/a', '/a/b', '/ab', '/a/', '/b/c', '/a?q=1', '/?q=2&r=1'),
  method: fc.constantFrom('GET', 'POST'),
  headers: fc.subarray(['x-a: 1', 'x-b: 2', 'x-c: 1', 'x-a: 2']),
});
