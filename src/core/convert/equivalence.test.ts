import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { gatewayYaml, istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { checkEquivalence, type Difference } from './equivalence.js';
import { boundaryRequests } from './requests.js';
import { convertText } from './test-helpers.js';
import type { ConvertResult, LossEntry } from './types.js';

/**
 * The proof check itself (equivalence.ts): a broken conversion must show as an unexplained
 * difference, and only a loss entry about the element that decided the request may explain it.
 */
const SERVICES = ['a', 'b', 'c'].map((s) => serviceYaml(s)).join('');

const GATEWAY_API = `${gatewayYaml('{name: http, port: 80, protocol: HTTP}')}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  hostnames: [shop.example.com]
  rules:
    - matches: [{path: {type: Exact, value: /cart}}]
      backendRefs: [{name: a, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /api}}]
      backendRefs: [{name: b, port: 80, weight: 1}, {name: c, port: 80, weight: 3}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  hostnames: [other.example.com]
  rules:
    - backendRefs: [{name: c, port: 80}]
${SERVICES}`;

const ISTIO = `${istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [edge]
  http:
    - match: [{uri: {prefix: /api}}]
      route: [{destination: {host: a}}]
    - match: [{uri: {exact: /cart}}]
      route: [{destination: {host: b}}]
${SERVICES}`;

type Mutate = (items: KubeObject[]) => void;

function check(text: string, to: 'istio' | 'gateway-api', mutate: Mutate = () => undefined, extraLoss: LossEntry[] = []): { diffs: Difference[]; result: ConvertResult } {
  const { resources, result } = convertText(text, { to });
  const items = structuredClone(result.items);
  mutate(items);
  const broken: ConvertResult = { ...result, items, loss: [...result.loss, ...extraLoss] };
  return { diffs: checkEquivalence(resources, broken, boundaryRequests(resources)), result };
}

const unexplained = (diffs: readonly Difference[]): Difference[] => diffs.filter((d) => d.explainedBy.length === 0);

function find(items: KubeObject[], kind: string, name: string): { spec: { http?: KubeObject[]; rules?: KubeObject[] } } {
  const o = items.find((x) => x.kind === kind && (x.metadata as { name: string }).name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o as { spec: { http?: KubeObject[]; rules?: KubeObject[] } };
}

function entry(over: Partial<LossEntry>): LossEntry {
  return { code: 'UnsupportedFilter', message: 'test', resource: { kind: 'HTTPRoute', namespace: 'shop', name: 'shop' }, path: 'spec.rules[0]', file: 'in.yaml', line: 1, column: 1, scope: 'spec.rules[0]', ...over };
}

// The VirtualService `shop` written for Gateway API → Istio: http[0] exact /cart, http[1..2] /api (exact + prefix).
const dropCart: Mutate = (items) => void find(items, 'VirtualService', 'shop').spec.http?.splice(0, 1);
const reweigh: Mutate = (items) => {
  const rule = find(items, 'VirtualService', 'shop').spec.http?.find((h) => JSON.stringify(h).includes('"prefix":"/api/"'));
  ((rule?.route as KubeObject[])[1] as KubeObject).weight = 1;
};

describe('the proof check', () => {
  it('an unbroken conversion has no difference', () => {
    expect(check(GATEWAY_API, 'istio').diffs).toEqual([]);
    expect(check(ISTIO, 'gateway-api').diffs).toEqual([]);
  });

  it.each<[string, Mutate]>([
    ['a dropped rule', dropCart],
    ['a changed weight', reweigh],
    ['rules in another order', (items) => void find(items, 'VirtualService', 'shop').spec.http?.reverse()],
  ])('Gateway API → Istio: %s is an unexplained difference', (_what, mutate) => {
    // Exact /api/x (→ a) sits inside PathPrefix /api (→ b, c): order matters.
    expect(unexplained(check(GATEWAY_API.replace('value: /cart', 'value: /api/x'), 'istio', mutate).diffs).length).toBeGreaterThan(0);
  });

  it.each<[string, Mutate]>([
    ['a dropped rule', (items) => void find(items, 'HTTPRoute', 'shop').spec.rules?.splice(0, 1)],
    ['rules in another order (the Istio first-match order is lost)', (items) => void find(items, 'HTTPRoute', 'shop').spec.rules?.reverse()],
  ])('Istio → Gateway API: %s is an unexplained difference', (_what, mutate) => {
    const { diffs } = check(ISTIO.replace('exact: /cart', 'exact: /api/x'), 'gateway-api', mutate);
    expect(unexplained(diffs).length).toBeGreaterThan(0);
  });

  it.each<[string, Partial<LossEntry>]>([
    ['another rule of the deciding route', { scope: 'spec.rules[1]', path: 'spec.rules[1].filters[0]' }],
    ['a match of another rule', { scope: 'spec.rules[1].matches[0]', path: 'spec.rules[1].matches[0]' }],
    ['another route', { resource: { kind: 'HTTPRoute', namespace: 'shop', name: 'other' }, scope: '' }],
    ['another listener', { resource: { kind: 'Gateway', namespace: 'shop', name: 'edge' }, scope: 'spec.listeners[1]' }],
    ['a rule whose conversion decides after, without widening', { scope: 'spec.rules[1]' }],
    ['a request set the request is not in', { scope: null, requests: [{ hosts: ['other.example.com'] }] }],
    ['the deciding rule, for other requests', { scope: 'spec.rules[0]', requests: [{ allOf: [{ path: { type: 'Exact', value: '/checkout' } }] }] }],
  ])('a loss entry on %s does not explain a dropped rule', (_what, over) => {
    const { diffs } = check(GATEWAY_API, 'istio', dropCart, [entry(over)]);
    const cart = diffs.filter((d) => d.request.text.endsWith('/cart') && d.request.text.includes('shop.example.com'));
    expect(cart.length).toBeGreaterThan(0);
    expect(unexplained(cart)).toEqual(cart);
  });

  it.each<[string, Partial<LossEntry>]>([
    ['the deciding rule', { scope: 'spec.rules[0]' }],
    ['the deciding match', { scope: 'spec.rules[0].matches[0]' }],
    ['the whole route', { scope: '' }],
    ['the listener that answered', { resource: { kind: 'Gateway', namespace: 'shop', name: 'edge' }, scope: 'spec.listeners[0]' }],
    ['requests it names', { scope: null, requests: [{ hosts: ['shop.example.com'], allOf: [{ path: { type: 'Exact', value: '/cart' } }] }] }],
  ])('a loss entry on %s explains a dropped rule', (_what, over) => {
    const { diffs } = check(GATEWAY_API, 'istio', dropCart, [entry(over)]);
    const cart = diffs.filter((d) => d.request.text.endsWith('/cart') && d.request.text.includes('shop.example.com'));
    expect(cart.length).toBeGreaterThan(0);
    expect(unexplained(cart)).toEqual([]);
  });

  it('a request no route took before is explained only by a widening entry on the rule that takes it after', () => {
    // The broken conversion sends /cart/x (404 before) to the /cart rule: its match became a prefix.
    const widen: Mutate = (items) => {
      const rule = find(items, 'VirtualService', 'shop').spec.http?.[0] as KubeObject;
      rule.match = [{ uri: { prefix: '/cart' } }];
    };
    const at = (over: Partial<LossEntry>): Difference[] => check(GATEWAY_API, 'istio', widen, [entry(over)]).diffs.filter((d) => d.before.route === null);
    expect(at({ scope: 'spec.rules[0]' }).length).toBeGreaterThan(0);
    expect(unexplained(at({ scope: 'spec.rules[0]' })).length).toBeGreaterThan(0);
    expect(unexplained(at({ scope: 'spec.rules[1]', widens: true })).length).toBeGreaterThan(0);
    expect(unexplained(at({ scope: 'spec.rules[0].matches[0]', widens: true }))).toEqual([]);
  });

  it('Istio → Gateway API: a loss entry on another VirtualService rule does not explain a dropped rule', () => {
    const drop: Mutate = (items) => void find(items, 'HTTPRoute', 'shop').spec.rules?.splice(1, 1);
    const other = { resource: { kind: 'VirtualService', namespace: 'shop', name: 'shop' } };
    const cart = (over: Partial<LossEntry>): Difference[] => check(ISTIO, 'gateway-api', drop, [entry({ ...other, ...over })]).diffs.filter((d) => d.request.text.endsWith('/cart'));
    expect(cart({ scope: 'spec.http[0]' }).length).toBeGreaterThan(0);
    expect(unexplained(cart({ scope: 'spec.http[0]' })).length).toBeGreaterThan(0);
    expect(unexplained(cart({ scope: 'spec.http[1].match[0]' }))).toEqual([]);
  });
});

describe('the proof check on real losses', () => {
  it('HostFallthrough explains only what no rule of the specific host took (istio.md §1.2)', () => {
    const text = ISTIO + `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: wild, namespace: shop}\nspec:\n  hosts: ["*.example.com"]\n  gateways: [edge]\n  http: [{route: [{destination: {host: c}}]}]\n`;
    const { diffs, result } = check(text, 'gateway-api');
    expect(result.loss.map((l) => [l.code, l.scope, l.requests])).toEqual([['HostFallthrough', null, [{ hosts: ['shop.example.com'], unrouted: true }]]]);
    expect(diffs.length).toBeGreaterThan(0);
    expect(unexplained(diffs)).toEqual([]);
  });

  it('WithoutHeaders explains the requests the rule now takes from a later rule (istio.md §1.3)', () => {
    const text = ISTIO.replace('- match: [{uri: {prefix: /api}}]', '- match: [{uri: {prefix: /api}, withoutHeaders: {x-h: {exact: "1"}}}]').replace('exact: /cart', 'prefix: /api');
    const { diffs, result } = check(text, 'gateway-api');
    expect(result.loss.map((l) => [l.code, l.scope, l.widens])).toEqual([['WithoutHeaders', 'spec.http[0].match[0]', true]]);
    expect(diffs.map((d) => [d.request.text, d.request.headers])).toContainEqual(['GET http://shop.example.com:80/api', ['x-h: 1']]);
    expect(diffs.every((d) => d.before.rule === 1 && d.after.rule === 0)).toBe(true);
    expect(unexplained(diffs)).toEqual([]);
  });

  it('OrderNotPreserved names the requests that change rule (gateway-api.md §4.6: a regex ranks below any PathPrefix)', () => {
    const text = ISTIO.replace('prefix: /api', 'regex: "/c.*"').replace('exact: /cart', 'prefix: /cart');
    const { diffs, result } = check(text, 'gateway-api');
    expect(result.loss.map((l) => [l.code, l.scope, l.requests])).toEqual([
      ['OrderNotPreserved', 'spec.http[0]', [{ hosts: ['shop.example.com'], allOf: [{ path: { type: 'RegularExpression', value: '/c.*' } }, { path: { type: 'PathPrefix', value: '/cart' } }] }]],
    ]);
    expect(diffs.map((d) => d.request.text)).toContain('GET http://shop.example.com:80/cart');
    expect(unexplained(diffs)).toEqual([]);
  });

  it('Istio server hosts `ns/host` become a namespace selector that admits the same routes (istio.md §2)', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  selector: {istio: ingress}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["shop/x.com", "team/x.com"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [x.com]
  gateways: [infra/edge]
  http: [{match: [{uri: {prefix: /shop}}], route: [{destination: {host: a}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: other, namespace: other}
spec:
  hosts: [x.com]
  gateways: [infra/edge]
  http: [{route: [{destination: {host: a.shop.svc.cluster.local}}]}]
${SERVICES}`;
    const { resources, result } = convertText(text, { to: 'gateway-api' });
    const gw = result.items.find((o) => o.kind === 'Gateway') as { spec: { listeners: { allowedRoutes: unknown }[] } };
    expect(gw.spec.listeners[0]?.allowedRoutes).toEqual({ namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop', 'team'] }] } } });
    const requests = boundaryRequests(resources);
    expect(requests.map((r) => r.text)).toContain('GET http://x.com:80/shop');
    expect(checkEquivalence(resources, result, requests)).toEqual([]);
    expect(result.loss).toEqual([]);
  });
});
