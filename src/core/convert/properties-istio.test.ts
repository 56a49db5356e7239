import fc from 'fast-check';
import { istioGatewayYaml } from '../test-kit.js';
import { conversionProperties, rare, SERVICES, services, validatesProperty } from './test-designs.js';

/**
 * STYLE.md "fast-check for … conversion keeps every decision": generated Istio designs (servers
 * with namespace-scoped hosts, several VirtualServices per host, string-prefix, exact and regex
 * uris, header, absent-header, method and query conditions, weighted routes, redirects, rewrites,
 * direct responses), converted to the Gateway API (and back), then every boundary request simulated
 * on both sides; a difference must be named by the loss report (equivalence.ts). A failure prints
 * its seed and path (fast-check does); replay it with `FC_SEED=… FC_PATH=…`, search harder with
 * `FC_RUNS=5000`.
 */

const stringMatch = fc.constantFrom('{exact: "1"}', '{prefix: "1"}', '{regex: "[12]"}');
const matchArb = fc.record({
  uri: fc.constantFrom(undefined, '{prefix: /a}', '{prefix: /a/}', '{exact: /a}', '{exact: /ab}', '{prefix: /}', '{regex: "/a.*"}', '{prefix: /a/b}', '{exact: /a/b}'),
  header: rare(stringMatch),
  without: rare(fc.constant('{exact: "1"}')),
  method: rare(fc.constantFrom('{exact: GET}', '{exact: POST}', '{prefix: P}')),
  query: rare(fc.constant('{exact: "1"}')),
  ignoreUriCase: rare(fc.constant(true)),
});
type MatchSpec = typeof matchArb extends fc.Arbitrary<infer T> ? T : never;

const actionArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('route' as const), dests: fc.array(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 2 }), split: fc.constantFrom(0, 25, 100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redirect' as const), body: fc.constantFrom('{uri: /r}', '{prefixRewrite: /r}', '{authority: r.example.com, redirectCode: 302}', '{scheme: https}') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('direct' as const), status: fc.constantFrom(500, 404) }) },
);
const ruleArb = fc.record({
  match: fc.array(matchArb, { minLength: 0, maxLength: 2 }),
  action: actionArb,
  rewrite: rare(fc.constantFrom('{uri: /w}', '{uri: /}', '{authority: w.example.com}')),
  setHeader: fc.boolean(),
});
type RuleSpec = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;
const vsArb = fc.record({
  namespace: fc.constantFrom('shop', 'shop', 'team'),
  hosts: fc.constantFrom(['a.example.com'], ['*.example.com'], ['*'], ['a.example.com', 'b.example.com']),
  created: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'), { nil: undefined, freq: 2 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
});
type VsSpec = typeof vsArb extends fc.Arbitrary<infer T> ? T : never;
const SERVERS = [
  '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}',
  '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*/a.example.com", "*/*.example.com"]}',
  '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["shop/*"]}',
  '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["./a.example.com", "team/*"]}',
  '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}, {port: {number: 80, name: wild, protocol: HTTP}, hosts: ["team/*.example.com"]}',
];
const designArb = fc.record({ servers: fc.constantFrom(...SERVERS), vss: fc.array(vsArb, { minLength: 1, maxLength: 3 }) });
type DesignSpec = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

function match(m: MatchSpec): string {
  const parts: string[] = [];
  if (m.uri) parts.push(`uri: ${m.uri}`);
  if (m.ignoreUriCase === true && m.uri) parts.push('ignoreUriCase: true');
  if (m.header) parts.push(`headers: {x-h: ${m.header}}`);
  if (m.without) parts.push(`withoutHeaders: {x-w: ${m.without}}`);
  if (m.method) parts.push(`method: ${m.method}`);
  if (m.query) parts.push(`queryParams: {q: ${m.query}}`);
  return `{${parts.join(', ')}}`;
}

function rule(r: RuleSpec): string {
  const lines: string[] = [];
  const ms = r.match.map(match).filter((m) => m !== '{}');
  if (ms.length > 0) lines.push(`match: [${ms.join(', ')}]`);
  const a = r.action;
  if (a.kind === 'route') {
    const [first, second] = a.dests;
    lines.push(second === undefined || second === first ? `route: [{destination: {host: ${first}, port: {number: 80}}}]` : `route: [{destination: {host: ${first}, port: {number: 80}}, weight: ${a.split}}, {destination: {host: ${second}, port: {number: 80}}, weight: ${100 - a.split}}]`);
    if (r.rewrite) lines.push(`rewrite: ${r.rewrite}`);
    if (r.setHeader) lines.push('headers: {request: {set: {x-set: "1"}, remove: [x-h]}}');
  } else if (a.kind === 'redirect') lines.push(`redirect: ${a.body}`);
  else lines.push(`directResponse: {status: ${a.status}}`);
  return `    - ${lines.join('\n      ')}\n`;
}

function virtualService(v: VsSpec, i: number): string {
  const meta = `{name: vs${i}, namespace: ${v.namespace}${v.created ? `, creationTimestamp: "${v.created}"` : ''}}`;
  return `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: ${meta}\nspec:\n  hosts: [${v.hosts.map((h) => `"${h}"`).join(', ')}]\n  gateways: [shop/edge]\n  http:\n${v.rules.map(rule).join('')}`;
}

function istioDesign(d: DesignSpec): string {
  return `${istioGatewayYaml(d.servers)}${services()}${services('team')}${d.vss.map(virtualService).join('')}`;
}

conversionProperties('conversion properties: Istio → Gateway API', designArb, istioDesign, 'gateway-api', 'istio', { forward: { runs: 80, msPerRun: 150 }, roundTrip: { runs: 40, msPerRun: 300 }, lossless: false, env: process.env });
validatesProperty('what a conversion to the Gateway API writes validates', designArb, istioDesign, 'gateway-api', { runs: 100, msPerRun: 50, env: process.env });
