import { RE2JS } from 're2js';
import { compile, parse, parseRequest, simulate, type Request } from '../core/index.js';
import { rng, serviceDoc } from './generate.js';
import { measure, report } from './harness.js';

/**
 * Issue 9's figures: what RE2 (re2js, linear time) costs against the JavaScript RegExp the
 * simulator used before — per pattern compiled, per value matched — and what a regex-heavy design
 * costs to compile and to simulate (every rule matches a path regex and a header regex).
 */
const PATTERNS: readonly (readonly [string, readonly string[]])[] = [
  ['/api/v[0-9]+/.*', ['/api/v2/users/42', '/api/vx/users', '/static/app.js']],
  ['^/users/[^/]+$', ['/users/alice', '/users/alice/orders', '/other']],
  ['^(foo|bar)-\\d+$', ['foo-123', 'baz-1', 'bar-99999']],
  ['/shop/(cart|checkout)(/.*)?', ['/shop/cart', '/shop/checkout/pay', '/shop/x']],
];

interface Engine {
  readonly name: string;
  readonly compile: (pattern: string) => (value: string) => boolean;
}

const ENGINES: readonly Engine[] = [
  { name: 'JS RegExp (before)', compile: (p) => { const re = new RegExp(`^(?:${p})$`); return (v) => re.test(v); } },
  { name: 'RE2 (re2js, now)', compile: (p) => { const re = RE2JS.compile(p); return (v) => re.testExact(v); } },
];

function benchEngines(): void {
  console.log('\nRegex engines: typical route regexes, full match');
  const per: Record<string, { compileUs: number; matchNs: number }> = {};
  for (const e of ENGINES) {
    const compiles = 1_000;
    const cms = measure(`${e.name}: compile ${(compiles * PATTERNS.length).toLocaleString('en-US')} patterns`, () => {
      for (let i = 0; i < compiles; i++) for (const [p] of PATTERNS) e.compile(p);
    });
    const compiled = PATTERNS.map(([p, values]) => [e.compile(p), values] as const);
    const rounds = 20_000;
    let hits = 0;
    const mms = measure(`${e.name}: ${(rounds * 12).toLocaleString('en-US')} matches`, () => {
      hits = 0;
      for (let i = 0; i < rounds; i++) for (const [test, values] of compiled) for (const v of values) if (test(v)) hits++;
    });
    per[e.name] = { compileUs: (cms * 1000) / (compiles * PATTERNS.length), matchNs: (mms * 1e6) / (rounds * 12) };
    report(`  per pattern / per match`, `${per[e.name]?.compileUs.toFixed(2)} µs / ${per[e.name]?.matchNs.toFixed(0)} ns (${hits.toLocaleString('en-US')} hits)`);
  }
  const [before, now] = ENGINES.map((e) => per[e.name] as { compileUs: number; matchNs: number });
  if (before && now) report('RE2 / RegExp: compile, match', `${(now.compileUs / before.compileUs).toFixed(0)}×, ${(now.matchNs / before.matchNs).toFixed(1)}×`);
  const hostile = `/${'a'.repeat(10_000)}!`;
  const t0 = performance.now();
  const ok = RE2JS.compile('/(a+)+$').testExact(hostile);
  report('RE2: /(a+)+$ against /a…a! (10,001 chars)', `${(performance.now() - t0).toFixed(1)} ms (${ok ? 'match' : 'no match'}); JS RegExp: exponential (hangs past ~30 chars)`);
}

/** `routes` HTTPRoutes, one host each; every rule matches a path regex and a header regex. */
function regexDesign(routes: number): { text: string; hosts: string[] } {
  const docs = [`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]`, serviceDoc('svc', 'shop')];
  const hosts: string[] = [];
  for (let i = 0; i < routes; i++) {
    hosts.push(`r${i}.example.com`);
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r${i}, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [r${i}.example.com]
  rules:
    - matches: [{path: {type: RegularExpression, value: "/api/v[0-9]+/items/[0-9]+"}, headers: [{name: x-tenant, type: RegularExpression, value: "(foo|bar)-\\\\d+"}]}]
      backendRefs: [{name: svc, port: 8080}]
    - matches: [{path: {type: RegularExpression, value: "/users/[^/]+(/orders)?"}}]
      backendRefs: [{name: svc, port: 8080}]
    - matches: [{path: {type: RegularExpression, value: "/r${i}/(cart|checkout)(/.*)?"}}]
      backendRefs: [{name: svc, port: 8080}]`);
  }
  return { text: docs.join('\n---\n'), hosts };
}

const PATHS = ['/api/v2/items/42', '/api/vx/items/1', '/users/alice', '/users/alice/orders', '/users/a/b', '/shop/cart', '/other'];

function benchDesign(routes: number, count: number): void {
  const { text, hosts } = regexDesign(routes);
  const parsed = parse([{ name: 'regex.yaml', text }]);
  console.log(`\nRegex-heavy design: ${routes.toLocaleString('en-US')} HTTPRoutes × 3 regex rules (${new Set([...text.matchAll(/value: "([^"]+)"/g)].map((m) => m[1])).size.toLocaleString('en-US')} distinct patterns)`);
  let table = compile(parsed.resources).table;
  measure(`compile ${routes.toLocaleString('en-US')} HTTPRoutes`, () => {
    table = compile(parsed.resources).table;
  }, 3);
  const rand = rng(9);
  const reqs: Request[] = [];
  for (let i = 0; i < count; i++) {
    const host = hosts[Math.floor(rand() * hosts.length)] as string;
    const r = parseRequest(`GET http://${host}${PATHS[Math.floor(rand() * PATHS.length)]}`, rand() < 0.5 ? ['x-tenant: foo-12'] : []);
    if (r.ok) reqs.push(r.request);
  }
  let ok = 0;
  const ms = measure(`simulate ${reqs.length.toLocaleString('en-US')} requests`, () => {
    ok = 0;
    for (const r of reqs) if (simulate(table, r).status === 200) ok++;
  }, 3);
  report('  per request', `${((ms * 1000) / reqs.length).toFixed(2)} µs (${ok.toLocaleString('en-US')} answered 200)`);
}

export function benchRegex(routes = 1_000): void {
  benchEngines();
  benchDesign(routes, 20_000);
}
