import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../resources/parse.js';
import { checkEquivalence, convertedResources, type Difference } from './equivalence.js';
import { convert } from './index.js';
import { boundaryRequests } from './requests.js';

/**
 * STYLE.md "fast-check for … conversion keeps every decision": generated designs, converted, then
 * every boundary request simulated on both sides. A failure prints its seed (fast-check does).
 */
const PATHS = ['/', '/a', '/a/b', '/ab'];
const SERVICES = ['svc-a', 'svc-b', 'svc-c'];
const services = SERVICES.map((s) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: shop}\nspec: {selector: {app: ${s}}, ports: [{port: 80}]}\n`).join('');

const gwMatch = fc.record({
  type: fc.constantFrom('Exact', 'PathPrefix'),
  value: fc.constantFrom(...PATHS),
  header: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
  method: fc.option(fc.constantFrom('GET', 'POST'), { nil: undefined }),
});
const gwRule = fc.record({
  matches: fc.array(gwMatch, { minLength: 0, maxLength: 2 }),
  backends: fc.array(fc.record({ name: fc.constantFrom(...SERVICES), weight: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }),
  setHeader: fc.boolean(),
});
const gwRoute = fc.record({ host: fc.constantFrom('a.example.com', '*.example.com', ''), rules: fc.array(gwRule, { minLength: 1, maxLength: 3 }) });

function gatewayDesign(routes: { host: string; rules: { matches: { type: string; value: string; header?: string; method?: string }[]; backends: { name: string; weight: number }[]; setHeader: boolean }[] }[]): string {
  let text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: shop}\nspec:\n  gatewayClassName: istio\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n' + services;
  routes.forEach((r, i) => {
    text += `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${i}, namespace: shop}\nspec:\n  parentRefs: [{name: edge}]\n${r.host ? `  hostnames: ["${r.host}"]\n` : ''}  rules:\n`;
    for (const rule of r.rules) {
      const matches = rule.matches.map((m) => `{path: {type: ${m.type}, value: "${m.value}"}${m.header ? `, headers: [{name: x-h, value: "${m.header}"}]` : ''}${m.method ? `, method: ${m.method}` : ''}}`);
      text += `    - ${matches.length > 0 ? `matches: [${matches.join(', ')}]\n      ` : ''}backendRefs: [${rule.backends.map((b) => `{name: ${b.name}, port: 80, weight: ${b.weight}}`).join(', ')}]\n`;
      if (rule.setHeader) text += '      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-set, value: "1"}]}}]\n';
    }
  });
  return text;
}

const istioMatch = fc.record({
  uri: fc.constantFrom<Record<string, string> | undefined>(undefined, { prefix: '/a' }, { prefix: '/a/' }, { exact: '/a' }, { exact: '/ab' }, { prefix: '/' }, { regex: '/a.*' }),
  header: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
});
const istioRule = fc.record({ match: fc.array(istioMatch, { minLength: 0, maxLength: 2 }), dest: fc.constantFrom(...SERVICES) });

function istioDesign(vss: { rules: { match: { uri?: Record<string, string>; header?: string }[]; dest: string }[] }[]): string {
  let text = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: shop}\nspec:\n  selector: {istio: ingress}\n  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]\n' + services;
  vss.forEach((v, i) => {
    text += `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs${i}, namespace: shop}\nspec:\n  hosts: [a.example.com]\n  gateways: [edge]\n  http:\n`;
    for (const r of v.rules) {
      const ms = r.match.map((m) => `{${[m.uri ? `uri: ${JSON.stringify(m.uri)}` : '', m.header ? `headers: {x-h: {exact: "${m.header}"}}` : ''].filter((x) => x).join(', ')}}`).filter((m) => m !== '{}');
      text += `    - ${ms.length > 0 ? `match: [${ms.join(', ')}]\n      ` : ''}route: [{destination: {host: ${r.dest}}}]\n`;
    }
  });
  return text;
}

function explain(diffs: Difference[]): string {
  return diffs.slice(0, 3).map((d) => `${d.request.text} ${d.request.headers.join(';')}: ${d.fields.join(',')} before ${JSON.stringify(d.before.backends.map((b) => b.name))}/${d.before.status} after ${JSON.stringify(d.after.backends.map((b) => b.name))}/${d.after.status}`).join('\n');
}

describe('conversion properties', () => {
  it('Gateway API → Istio keeps every decision unless the loss report names it', () => {
    fc.assert(
      fc.property(fc.array(gwRoute, { minLength: 1, maxLength: 3 }), (routes) => {
        const source = parse([{ name: 'in.yaml', text: gatewayDesign(routes) }]).resources;
        const result = convert(source, { to: 'istio' });
        const unexplained = checkEquivalence(source, result, boundaryRequests(source, 600)).filter((d) => d.explainedBy.length === 0);
        expect(unexplained, explain(unexplained)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('round trip Gateway API → Istio → Gateway API decides every request the same', () => {
    fc.assert(
      fc.property(fc.array(gwRoute, { minLength: 1, maxLength: 3 }), (routes) => {
        const source = parse([{ name: 'in.yaml', text: gatewayDesign(routes) }]).resources;
        const there = convert(source, { to: 'istio' });
        const back = convert(convertedResources(there), { to: 'gateway-api' });
        const unexplained = checkEquivalence(source, back, boundaryRequests(source, 600)).filter((d) => d.explainedBy.length === 0 && there.loss.length === 0);
        expect(unexplained, explain(unexplained)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('Istio → Gateway API keeps every decision unless the loss report names it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rules: fc.array(istioRule, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 2 }), (vss) => {
        const source = parse([{ name: 'in.yaml', text: istioDesign(vss) }]).resources;
        const result = convert(source, { to: 'gateway-api' });
        const unexplained = checkEquivalence(source, result, boundaryRequests(source, 600)).filter((d) => d.explainedBy.length === 0);
        expect(unexplained, explain(unexplained)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
