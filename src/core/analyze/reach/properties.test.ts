import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE } from '../../compile/istio/test-kit.js';
import type { Decision } from '../../simulate/types.js';
import { ask, gateway, gatewayClass, http, httpRoute, service, to, yamlOf } from '../../simulate/testing.js';
import type { RouteTable } from '../../compile/types.js';
import { SCAN_LIMIT } from './sites.js';
import { reaches } from './witness.js';
import { reachOf } from './testing.js';
import type { ReachResult, RuleReach } from './types.js';

// Random designs (both dialects) and random requests: a rule (or match) reported unreachable is
// never the simulator's answer; a reachable one has a witness the simulator sends to it.

const PATHS = ['/', '/a', '/a/b', '/ab', '/a/', '/b'];
const str = (values: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(fc.record({ type: fc.constant('Exact'), value: fc.constantFrom(...values) }), fc.record({ type: fc.constant('RegularExpression'), value: fc.constantFrom('[0-9]', '1|2', '.*', 'a.*') }));

const gwMatch = fc.record(
  {
    path: fc.oneof(
      fc.record({ type: fc.constantFrom('Exact', 'PathPrefix'), value: fc.constantFrom(...PATHS) }),
      fc.record({ type: fc.constant('RegularExpression'), value: fc.constantFrom('/a/.*', '/[ab]', '/.*', '/a/b') }),
    ),
    method: fc.constantFrom('GET', 'POST'),
    headers: fc.uniqueArray(fc.tuple(fc.constantFrom('x-a', 'x-b'), str(['1', '2'])).map(([name, m]) => ({ name, ...m })), { selector: (h) => h.name, maxLength: 2 }),
    queryParams: fc.uniqueArray(fc.record({ name: fc.constantFrom('q', 'r'), value: fc.constantFrom('1', '2') }), { selector: (h) => h.name, maxLength: 1 }),
  },
  { requiredKeys: [] },
);
const gwRoute = fc.record({
  hostnames: fc.uniqueArray(fc.constantFrom('a.example.com', '*.example.com', 'b.example.com'), { maxLength: 2 }),
  rules: fc.array(fc.record({ matches: fc.array(gwMatch, { maxLength: 3 }), backend: fc.constantFrom('s1', 's2') }), { minLength: 1, maxLength: 3 }),
  created: fc.option(fc.constantFrom('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'), { nil: undefined }),
});

interface GwRoute {
  readonly hostnames: string[];
  readonly rules: { matches: Record<string, unknown>[]; backend: string }[];
  readonly created: string | undefined;
}

function gwText(routes: readonly GwRoute[]): string {
  return yamlOf([
    gatewayClass(),
    gateway('gw', [http('http')]),
    service('s1'),
    service('s2'),
    ...routes.map((r, i) => httpRoute(`r${i}`, { hostnames: r.hostnames, rules: r.rules.map((rule) => ({ matches: rule.matches, backendRefs: [to(rule.backend)] })) }, 'default', r.created)),
  ]);
}

const istioString = (values: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom(...values).map((v) => `{exact: "${v}"}`), fc.constantFrom(...values).map((v) => `{prefix: "${v}"}`), fc.constantFrom('[0-9]', '1|2', '.*').map((v) => `{regex: "${v}"}`));
const istioMatch = fc.record(
  {
    uri: fc.oneof(fc.constantFrom(...PATHS).map((v) => `{exact: "${v}"}`), fc.constantFrom(...PATHS).map((v) => `{prefix: "${v}"}`), fc.constantFrom('/a/.*', '/[ab]').map((v) => `{regex: "${v}"}`)),
    ignoreUriCase: fc.boolean(),
    method: fc.constantFrom('GET', 'POST').map((v) => `{exact: ${v}}`),
    headers: istioString(['1', '2']).map((m) => `{x-a: ${m}}`),
    withoutHeaders: istioString(['1', '2']).map((m) => `{x-b: ${m}}`),
  },
  { requiredKeys: [] },
).map((m) => `{${Object.entries(m).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}}`);
const istioRules = fc.array(fc.record({ match: fc.array(istioMatch, { maxLength: 3 }), host: fc.constantFrom('a', 'b') }), { minLength: 1, maxLength: 5 });

function istioText(rules: { match: string[]; host: string }[][]): string {
  return `${BASE}${rules
    .map((http, i) => `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v${i}, namespace: shop}\nspec:\n  hosts: [shop.example.com]\n  gateways: [istio-system/gw]\n  http:\n${http.map((r) => `  - ${r.match.length > 0 ? `match: [${r.match.join(', ')}]\n    ` : ''}route: [{destination: {host: ${r.host}}}]\n`).join('')}`)
    .join('')}`;
}

const requestArb = fc.record({
  host: fc.constantFrom('a.example.com', 'b.example.com', 'z.example.com', 'shop.example.com'),
  path: fc.constantFrom('/', '/a', '/a/b', '/ab', '/a/', '/b', '/A/B', '/a?q=1', '/b?q=2&r=1'),
  method: fc.constantFrom('GET', 'POST'),
  headers: fc.subarray(['x-a: 1', 'x-b: 2', 'x-a: 2', 'x-b: 1']),
});

function ruleIndex(path: string): number {
  return Number(/\[(\d+)\]$/.exec(path)?.[1] ?? -1);
}

/** Does the decision land on this rule (or match)? */
function lands(d: Decision, r: RuleReach): boolean {
  return d.route !== null && d.route.kind === r.rule.resource.kind && d.route.name === r.rule.resource.name && d.rule === ruleIndex(r.rule.path) && (r.rule.match === undefined || d.match === r.rule.match);
}

const seen = { reachable: 0, shadowed: 0, undecided: 0, big: 0 };

function check(result: ReachResult & { compiled: { table: RouteTable } }, requests: readonly { host: string; path: string; method: string; headers: string[] }[], port: number, gw: string | undefined): void {
  const [gns = '', gname = ''] = (gw ?? '').split('/');
  // Every witness is a request too: a shadowed rule must not take any of them either.
  const witnesses = result.rules.flatMap((r) => (r.state === 'reachable' ? [r.witness] : []));
  const wd = witnesses.map((w) => ask(result.compiled as never, w.request, Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`), w.gateway ? { gateway: { namespace: w.gateway.split('/')[0] ?? '', name: w.gateway.split('/')[1] ?? '' } } : {}));
  const decisions = requests.map((q) => ask(result.compiled as never, `${q.method} http://${q.host}:${port}${q.path}`, q.headers, gw ? { gateway: { namespace: gns, name: gname } } : {}));
  decisions.push(...wd);
  for (const r of result.rules) {
    seen[r.state]++;
    if (r.state === 'shadowed') for (const d of decisions) expect(lands(d, r), `${r.rule.resource.name} ${r.rule.path} ${String(r.rule.match)} is reported shadowed`).toBe(false);
    if (r.state === 'reachable') {
      const ok = result.compiled.table && reachesRule(result.compiled.table, r);
      expect(ok, `witness ${r.witness.request} of ${r.rule.resource.name} ${r.rule.path}`).toBe(true);
    }
  }
}

function reachesRule(table: RouteTable, r: Extract<RuleReach, { state: 'reachable' }>): boolean {
  const fake = { provenance: { ref: r.rule.resource, rule: ruleIndex(r.rule.path), match: r.rule.match ?? null } };
  if (r.rule.match !== undefined) return reaches(table, r.witness, fake as never);
  // A rule: some match of it takes the witness.
  return [null, 0, 1, 2].some((m) => reaches(table, r.witness, { provenance: { ...fake.provenance, match: m } } as never));
}

describe('reach properties', () => {
  it('Gateway API: shadowed rules are never answered; witnesses reach their rule', () => {
    fc.assert(
      fc.property(fc.array(gwRoute, { minLength: 1, maxLength: 4 }), fc.array(requestArb, { minLength: 1, maxLength: 12 }), (routes, requests) => {
        check(reachOf(gwText(routes)), requests, 80, undefined);
      }),
      { numRuns: 120 },
    );
  });

  it('Gateway API, vhosts over the scan limit (path index and walkVhost): the same properties', () => {
    fc.assert(
      fc.property(fc.array(gwRoute.map((r) => ({ ...r, hostnames: [] })), { minLength: 7, maxLength: 10 }), fc.array(requestArb, { minLength: 1, maxLength: 12 }), (routes, requests) => {
        const result = reachOf(gwText(routes));
        const big = result.compiled.table.gateways.some((g) => [...g.ports.values()].some((p) => p.listeners.some((l) => (l.hosts.any?.entries.length ?? 0) > SCAN_LIMIT)));
        if (big) seen.big++;
        check(result, requests, 80, undefined);
      }),
      { numRuns: 40 },
    );
  });

  it('Istio: shadowed rules are never answered; witnesses reach their rule', () => {
    fc.assert(
      fc.property(fc.array(istioRules, { minLength: 1, maxLength: 2 }), fc.array(requestArb, { minLength: 1, maxLength: 12 }), (rules, requests) => {
        check(reachOf(istioText(rules)), requests.map((q) => ({ ...q, host: 'shop.example.com' })), 80, 'istio-system/gw');
      }),
      { numRuns: 120 },
    );
  });

  it('the generated designs do have shadowed and reachable rules (the properties are not vacuous)', () => {
    expect(seen.shadowed).toBeGreaterThan(20);
    expect(seen.big).toBeGreaterThan(10);
    expect(seen.reachable).toBeGreaterThan(100);
    // Undecided (joint coverage, unsampled regexes) stays the exception.
    expect(seen.undecided).toBeLessThan(seen.shadowed + seen.reachable);
  });
});
