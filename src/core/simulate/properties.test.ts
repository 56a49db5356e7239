import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { designArb, objects, requestArb, type RouteSpec } from './property-arbs.js';
import { ask, build, gateway, gatewayClass, http } from './testing.js';

describe('properties', () => {
  it('shuffling the order of resources never changes a decision', () => {
    fc.assert(
      fc.property(designArb, fc.array(requestArb, { minLength: 1, maxLength: 4 }), fc.infiniteStream(fc.nat()), (routes, requests, seeds) => {
        const objs = objects(routes);
        const shuffled = [...objs];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as KubeObject, shuffled[i] as KubeObject];
        }
        const a = build(objs);
        const b = build(shuffled);
        for (const r of requests) {
          const url = `${r.method} http://${r.host}${r.path}`;
          expect(ask(b, url, r.headers)).toEqual(ask(a, url, r.headers));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a request built from a rule's own match reaches that rule or one that precedes it", () => {
    fc.assert(
      fc.property(designArb, fc.nat(), fc.nat(), fc.nat(), fc.boolean(), (routes, ri, ui, mi, deeper) => {
        const route = routes[ri % routes.length] as RouteSpec;
        const ruleIndex = ui % route.rules.length;
        const rule = route.rules[ruleIndex] as RouteSpec['rules'][number];
        const matchIndex = rule.matches.length === 0 ? 0 : mi % rule.matches.length;
        const m = (rule.matches[matchIndex] ?? {}) as { path?: { type: string; value: string }; method?: string; headers?: { name: string; value: string }[]; queryParams?: { name: string; value: string }[] };
        const hostname = route.hostnames[0] ?? 'any.example.net';
        const host = hostname.startsWith('*.') ? `x${hostname.slice(1)}` : hostname;
        let path = m.path?.value ?? '/';
        if (m.path?.type !== 'Exact' && deeper) path = `${path.endsWith('/') ? path : `${path}/`}deeper`;
        const query = (m.queryParams ?? []).map((q) => `${q.name}=${q.value}`).join('&');
        const result = build(objects(routes));
        const decision = ask(result, `${m.method ?? 'GET'} http://${host}${path}${query ? `?${query}` : ''}`, (m.headers ?? []).map((h) => `${h.name}: ${h.value}`));
        expect(decision.route).not.toBeNull();
        const chosen = Number((decision.route?.name ?? 'r-1').slice(1));
        const key = (index: number, r: number, j: number) => specKey(routes[index] as RouteSpec, index, r, j, host);
        expect(compareKeys(key(chosen, decision.rule ?? -1, decision.match ?? -1), key(ri % routes.length, ruleIndex, matchIndex))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The spec's order (gateway-api.md §4.6), written independently of the compiler: hostname
 * (non-wildcard characters, then characters), Exact over PathPrefix, prefix length, method, header
 * count, query count, oldest (unknown = newest), namespace/name, rule, match. Smaller is first.
 */
function specKey(route: RouteSpec, index: number, rule: number, match: number, host: string): (number | string)[] {
  const names = route.hostnames.length === 0 ? ['*'] : route.hostnames;
  const fits = names.filter((h) => h === '*' || h === host || (h.startsWith('*.') && host.endsWith(h.slice(1)) && host.length > h.length - 1));
  const best = fits.sort((a, b) => exactChars(b) - exactChars(a) || chars(b) - chars(a))[0] ?? '*';
  const m = (route.rules[rule]?.matches[match] ?? {}) as { path?: { type: string; value: string }; method?: string; headers?: unknown[]; queryParams?: unknown[] };
  const path = m.path ?? { type: 'PathPrefix', value: '/' };
  return [
    -exactChars(best),
    -chars(best),
    path.type === 'Exact' ? -2 : -1,
    -path.value.length,
    m.method ? -1 : 0,
    -(m.headers?.length ?? 0),
    -(m.queryParams?.length ?? 0),
    route.created ? Date.parse(route.created) : Infinity,
    `default/r${index}`,
    rule,
    match,
  ];
}

const exactChars = (h: string): number => (h === '*' || h.startsWith('*.') ? 0 : h.length);
const chars = (h: string): number => (h === '*' ? 0 : h.length);

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// compile and simulate never throw on bad input (problems are data): specs of any shape.
describe('robustness', () => {
  const KINDS = ['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'ListenerSet', 'ReferenceGrant', 'BackendTLSPolicy', 'GatewayClass'];
  const junk = fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ parentRefs: fc.array(fc.record({ name: fc.constantFrom('gw', 5, null) }, { requiredKeys: [] })), rules: fc.anything({ maxDepth: 3 }), hostnames: fc.anything({ maxDepth: 1 }), listeners: fc.array(fc.anything({ maxDepth: 2 })) }, { requiredKeys: [] }));
  it('compiles and answers whatever the specs hold', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom(...KINDS), spec: junk }), { maxLength: 6 }), (items) => {
        const objs = items.map((x, i) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: x.kind, metadata: { name: `o${i}`, namespace: 'default' }, spec: x.spec }) as KubeObject);
        const result = build([gatewayClass(), gateway('gw', [http('http')]), ...objs]);
        expect(ask(result, 'GET http://h.example.com/a').status).toBeDefined();
        expect(ask(result, 'GRPC grpc://h:80/a.B/C').status).toBeDefined();
        expect(result.status.kind).toBe('List');
      }),
      { numRuns: 200 },
    );
  });
});
