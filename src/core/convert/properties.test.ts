import fc from 'fast-check';
import { gatewayYaml } from '../test-kit.js';
import { conversionProperties, rare, SERVICES, services, validatesProperty } from './test-designs.js';

/**
 * STYLE.md "fast-check for … conversion keeps every decision": generated Gateway API designs,
 * converted to Istio (and back), then every boundary request simulated on both sides; a difference
 * must be named by the loss report (equivalence.ts). A failure prints its seed and path
 * (fast-check does); replay one with `{ seed, path }` in the `fc.assert` parameters, search harder
 * with `FC_RUNS=5000`.
 */
const PATHS = ['/', '/a', '/a/b', '/ab', '/a/'];

const condArb = fc.record({ type: fc.constantFrom('Exact', 'RegularExpression'), value: fc.constantFrom('1', '2') });
const matchArb = fc.record({
  type: fc.constantFrom('Exact', 'PathPrefix', 'PathPrefix', 'RegularExpression'),
  value: fc.constantFrom(...PATHS),
  header: rare(condArb),
  query: rare(fc.constantFrom('1', '2')),
  method: rare(fc.constantFrom('GET', 'POST')),
});
type GwMatchSpec = typeof matchArb extends fc.Arbitrary<infer T> ? T : never;

const filterArb = fc.oneof(
  fc.constant(undefined),
  fc.constant('{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-set, value: "1"}], remove: [x-h]}}'),
  fc.constantFrom(
    '{type: RequestRedirect, requestRedirect: {scheme: https}}',
    '{type: RequestRedirect, requestRedirect: {hostname: r.example.com, statusCode: 301}}',
    '{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /r}}}',
    '{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /r}}}',
    '{type: URLRewrite, urlRewrite: {hostname: w.example.com}}',
    '{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /w}}}',
    '{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /w}}}',
    '{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}',
  ),
  fc.constant('{type: ExtensionRef, extensionRef: {group: example.com, kind: Filter, name: x}}'),
);
const ruleArb = fc.record({
  matches: fc.array(matchArb, { minLength: 0, maxLength: 2 }),
  // svc-gone is not in the design; a route in `team` reaches `other` without a ReferenceGrant.
  backends: fc.array(fc.record({ name: fc.constantFrom(...SERVICES, 'svc-gone'), namespace: fc.constantFrom('shop', 'shop', 'shop', 'other'), weight: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 2 }),
  filter: filterArb,
});
const routeArb = fc.record({
  namespace: fc.constantFrom('shop', 'shop', 'team'),
  hosts: fc.constantFrom<string[]>(['a.example.com'], ['*.example.com'], [], ['a.example.com', 'b.example.com']),
  section: fc.option(fc.constantFrom('http', 'wild'), { nil: undefined, freq: 2 }),
  created: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'), { nil: undefined, freq: 2 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
});
type RouteSpec = typeof routeArb extends fc.Arbitrary<infer T> ? T : never;
const designArb = fc.record({
  wild: fc.option(fc.constantFrom('All', 'Same', 'Selector', 'LabelSelector'), { nil: undefined, freq: 2 }),
  routes: fc.array(routeArb, { minLength: 1, maxLength: 3 }),
});
type DesignSpec = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

function match(m: GwMatchSpec): string {
  const value = m.type === 'RegularExpression' ? `${m.value === '/' ? '' : m.value}/.*` : m.value;
  const parts = [`path: {type: ${m.type}, value: "${value}"}`];
  if (m.header) parts.push(`headers: [{type: ${m.header.type}, name: x-h, value: "${m.header.value}"}]`);
  if (m.query) parts.push(`queryParams: [{name: q, value: "${m.query}"}]`);
  if (m.method) parts.push(`method: ${m.method}`);
  return `{${parts.join(', ')}}`;
}

function route(r: RouteSpec, i: number): string {
  const meta = `{name: r${i}, namespace: ${r.namespace}${r.created ? `, creationTimestamp: "${r.created}"` : ''}}`;
  let text = `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: ${meta}\nspec:\n  parentRefs: [{name: edge, namespace: shop${r.section ? `, sectionName: ${r.section}` : ''}}]\n`;
  if (r.hosts.length > 0) text += `  hostnames: [${r.hosts.map((h) => `"${h}"`).join(', ')}]\n`;
  text += '  rules:\n';
  for (const rule of r.rules) {
    const lines = [];
    // ReplacePrefixMatch needs PathPrefix matches (gateway-api.md §5.4): keep the design valid.
    const prefixOnly = rule.filter?.includes('ReplacePrefixMatch') === true;
    const ms = rule.matches.map((m) => (prefixOnly ? { ...m, type: 'PathPrefix' as const } : m));
    if (ms.length > 0) lines.push(`matches: [${ms.map(match).join(', ')}]`);
    if (rule.filter) lines.push(`filters: [${rule.filter}]`);
    if (!rule.filter?.includes('RequestRedirect')) lines.push(`backendRefs: [${rule.backends.map((b) => `{name: ${b.name}, namespace: ${b.namespace}, port: 80, weight: ${b.weight}}`).join(', ')}]`);
    text += `    - ${lines.join('\n      ')}\n`;
  }
  return text;
}

function gatewayDesign(d: DesignSpec): string {
  const selectors = { Selector: '{kubernetes.io/metadata.name: team}', LabelSelector: '{env: team}' } as const;
  const wild = d.wild === 'Selector' || d.wild === 'LabelSelector' ? `{namespaces: {from: Selector, selector: {matchLabels: ${selectors[d.wild]}}}}` : `{namespaces: {from: ${d.wild}}}`;
  const listeners = ['{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}', ...(d.wild ? [`{name: wild, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: ${wild}}`] : [])];
  const namespace = '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {env: team}}\n';
  const grant = namespace + '---\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: team, namespace: shop}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team}]\n  to: [{group: "", kind: Service}]\n';
  return `${gatewayYaml(listeners.join(', '))}${services()}${services('other')}${grant}${d.routes.map(route).join('')}`;
}

conversionProperties('conversion properties: Gateway API → Istio', designArb, gatewayDesign, 'istio', 'gateway-api', { forward: { runs: 60, msPerRun: 150 }, roundTrip: { runs: 40, msPerRun: 300 }, lossless: true, env: process.env });
validatesProperty('what a conversion to Istio writes validates', designArb, gatewayDesign, 'istio', { runs: 100, msPerRun: 50, env: process.env });
