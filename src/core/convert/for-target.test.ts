import { describe, expect, it } from 'vitest';
import { parse } from '../resources/parse.js';
import { SourceLocations } from '../resources/locations.js';
import { parseTarget, type Target } from '../target/target.js';
import { fitForTarget } from './for-target.js';
import { fitObject } from './target-fit.js';
import { codes, convertText, item } from './test-helpers.js';

function target(text: string): Target {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(t.error);
  return t.target;
}

const GW = 'gateway.networking.k8s.io';
const route = (kind: string, apiVersion: string): Record<string, unknown> => ({ apiVersion, kind, metadata: { name: 'r', namespace: 'shop' }, spec: { parentRefs: [{ name: 'edge' }], rules: [{ backendRefs: [{ name: 'svc', port: 80 }] }] } });

/**
 * Which apiVersion an object is written at, per target (Gateway API release notes and CRDs:
 * ReferenceGrant v1 is served from v1.5.0 but v1beta1 stays its storage version; TLSRoute v1
 * from v1.5.0, v1alpha3 in v1.4's experimental channel; TCPRoute and UDPRoute v1 from v1.6.0, before
 * that v1alpha2 in the experimental channel only; GRPCRoute v1 throughout; ListenerSet from v1.5.0).
 * `keep`: the user's own object keeps a served apiVersion; the converter's objects take the storage one.
 */
const VERSIONS: readonly [kind: string, written: string, target: string, keep: boolean, expected: string | null][] = [
  ['HTTPRoute', 'v1', 'gateway-api=v1.2,channel=standard', false, 'v1'],
  ['HTTPRoute', 'v1beta1', 'gateway-api=v1.6,channel=standard', false, 'v1'],
  ['HTTPRoute', 'v1beta1', 'gateway-api=v1.6,channel=standard', true, 'v1beta1'],
  ['GRPCRoute', 'v1', 'gateway-api=v1.2.0,channel=standard', false, 'v1'],
  ['ReferenceGrant', 'v1beta1', 'gateway-api=v1.4.1,channel=standard', false, 'v1beta1'],
  ['ReferenceGrant', 'v1beta1', 'gateway-api=v1.6,channel=experimental', false, 'v1beta1'],
  ['ReferenceGrant', 'v1', 'gateway-api=v1.4.1,channel=experimental', true, 'v1beta1'],
  ['ReferenceGrant', 'v1', 'gateway-api=v1.5.0,channel=standard', true, 'v1'],
  ['TLSRoute', 'v1', 'gateway-api=v1.3,channel=experimental', false, 'v1alpha2'],
  ['TLSRoute', 'v1', 'gateway-api=v1.4,channel=experimental', false, 'v1alpha3'],
  ['TLSRoute', 'v1alpha2', 'gateway-api=v1.4,channel=experimental', true, 'v1alpha2'],
  ['TLSRoute', 'v1', 'gateway-api=v1.4,channel=standard', false, null],
  ['TLSRoute', 'v1alpha2', 'gateway-api=v1.5,channel=standard', true, 'v1'],
  ['TLSRoute', 'v1', 'gateway-api=v1.5,channel=experimental', false, 'v1'],
  ['TCPRoute', 'v1', 'gateway-api=v1.5,channel=experimental', false, 'v1alpha2'],
  ['TCPRoute', 'v1', 'gateway-api=v1.5,channel=standard', false, null],
  ['TCPRoute', 'v1', 'gateway-api=v1.6.0,channel=standard', false, 'v1'],
  ['TCPRoute', 'v1alpha2', 'gateway-api=v1.6,channel=experimental', false, 'v1'],
  ['UDPRoute', 'v1alpha2', 'gateway-api=v1.2,channel=experimental', true, 'v1alpha2'],
  ['UDPRoute', 'v1alpha2', 'gateway-api=v1.4,channel=standard', true, null],
  ['ListenerSet', 'v1', 'gateway-api=v1.3,channel=standard', false, null],
  ['ListenerSet', 'v1', 'gateway-api=v1.4,channel=experimental', false, null],
  ['ListenerSet', 'v1', 'gateway-api=v1.5,channel=standard', false, 'v1'],
  ['BackendTLSPolicy', 'v1alpha3', 'gateway-api=v1.3,channel=experimental', true, 'v1alpha3'],
  ['BackendTLSPolicy', 'v1alpha3', 'gateway-api=v1.4,channel=standard', true, 'v1'],
  ['BackendTLSPolicy', 'v1', 'gateway-api=v1.3,channel=standard', false, null],
];

describe('the apiVersion written for a target (kind × release/channel)', () => {
  it.each(VERSIONS)('%s %s for %s (keep %s) → %s', (kind, written, text, keep, expected) => {
    const fitted = fitObject(route(kind, `${GW}/${written}`), target(text), keep);
    if (expected === null) {
      expect(fitted.object).toBeNull();
      expect(fitted.refusals.map((r) => r.what)).toEqual(['kind']);
    } else expect(fitted.object?.apiVersion).toBe(`${GW}/${expected}`);
  });

  it('an experimental x-k8s.io kind stays in its group (XListenerSet v1.3–v1.4 experimental, then gone)', () => {
    const xls = { apiVersion: 'gateway.networking.x-k8s.io/v1alpha1', kind: 'XListenerSet', metadata: { name: 'l' }, spec: { parentRef: { name: 'edge' }, listeners: [] } };
    expect(fitObject(xls, target('gateway-api=v1.4,channel=experimental'), true).object?.apiVersion).toBe('gateway.networking.x-k8s.io/v1alpha1');
    expect(fitObject(xls, target('gateway-api=v1.5,channel=experimental'), true).object).toBeNull();
  });

  it('leaves other groups alone: Istio networking.istio.io/v1 is served by every Istio release the target knows', () => {
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'v' }, spec: { hosts: ['a'], retries: { attempts: 2 } } };
    expect(fitObject(vs, target('gateway-api=v1.2,channel=standard,istio=1.22'), true)).toEqual({ object: vs, refusals: [] });
  });

  it('returns the same object when the target serves it as written', () => {
    const r = route('HTTPRoute', `${GW}/v1`);
    expect(fitObject(r, target('gateway-api=v1.2,channel=standard'), true).object).toBe(r);
  });
});

const HTTP_ROUTE = (rule: string): string => `apiVersion: ${GW}/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
  - ${rule}
`;

/** What each target refuses (the CRDs of that release and channel lack the field or value), and what is written instead. */
const REFUSALS: readonly [name: string, rule: string, target: string, path: string, mentions: string, written: unknown][] = [
  ['retry on the standard channel', '{retry: {attempts: 2}, backendRefs: [{name: svc, port: 80}]}', 'gateway-api=v1.6,channel=standard', 'spec.rules[0].retry', 'the experimental channel from v1.2.0', { backendRefs: [{ name: 'svc', port: 80 }] }],
  ['a CORS filter before v1.5 standard', '{filters: [{type: CORS, cors: {allowOrigins: ["https://a.example.com"]}}], backendRefs: [{name: svc, port: 80}]}', 'gateway-api=v1.4.1,channel=standard', 'spec.rules[0].filters[0].type', 'the standard channel from v1.5.0; the experimental channel from v1.3.0', { backendRefs: [{ name: 'svc', port: 80 }] }],
  ['a 303 redirect before v1.5', '{filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /x}, statusCode: 303}}]}', 'gateway-api=v1.4.1,channel=experimental', 'spec.rules[0].filters[0].requestRedirect.statusCode', 'the standard channel from v1.5.0', { filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } } }] }],
  ['a rule name before v1.4 standard', '{name: first, backendRefs: [{name: svc, port: 80}]}', 'gateway-api=v1.3,channel=standard', 'spec.rules[0].name', 'the standard channel from v1.4.0', { backendRefs: [{ name: 'svc', port: 80 }] }],
  ['a mirror fraction before v1.3 standard', '{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 10}}], backendRefs: [{name: svc, port: 80}]}', 'gateway-api=v1.2,channel=standard', 'spec.rules[0].filters[0].requestMirror.percent', 'the standard channel from v1.3.0', { filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 80 } } }], backendRefs: [{ name: 'svc', port: 80 }] }],
  ['sessionPersistence.idleTimeout after it was removed (v1.6)', '{sessionPersistence: {sessionName: s, idleTimeout: 10m}, backendRefs: [{name: svc, port: 80}]}', 'gateway-api=v1.6,channel=experimental', 'spec.rules[0].sessionPersistence.idleTimeout', 'the experimental channel v1.2.0–v1.5.1', { sessionPersistence: { sessionName: 's' }, backendRefs: [{ name: 'svc', port: 80 }] }],
];

describe('what the target cannot express is refused (NotInTargetRelease) and left out', () => {
  it.each(REFUSALS)('%s', (_name, rule, text, path, mentions, written) => {
    const parsed = parse([{ name: 'in.yaml', text: HTTP_ROUTE(rule) }]);
    const result = fitForTarget(parsed.resources, target(text), new SourceLocations(parsed.files));
    expect(result.loss.map((l) => [l.code, l.path])).toEqual([['NotInTargetRelease', path]]);
    expect(result.loss[0]?.message).toContain(mentions);
    expect(result.loss[0]?.line).toBe(7);
    expect((result.items[0]?.spec as { rules: unknown[] }).rules[0]).toEqual(written);
  });

  it('the same designs for a target that has them lose nothing and keep their objects', () => {
    for (const [, rule] of REFUSALS) {
      const parsed = parse([{ name: 'in.yaml', text: HTTP_ROUTE(rule) }]);
      const result = fitForTarget(parsed.resources, target(rule.includes('idleTimeout') ? 'gateway-api=v1.5,channel=experimental' : ''));
      expect(result.loss).toEqual([]);
      expect(result.items[0]).toBe(parsed.resources[0]?.object);
    }
  });

  it('a kind the target does not serve is left out whole (KindNotInTarget), naming where it is served', () => {
    const text = `apiVersion: ${GW}/v1\nkind: ListenerSet\nmetadata: {name: extra, namespace: shop}\nspec:\n  parentRef: {name: edge}\n  listeners: [{name: h, port: 80, protocol: HTTP}]\n---\n${HTTP_ROUTE('{backendRefs: [{name: svc, port: 80}]}')}`;
    const parsed = parse([{ name: 'in.yaml', text }]);
    const result = fitForTarget(parsed.resources, target('gateway-api=v1.3,channel=standard'));
    expect(result.loss.map((l) => [l.code, l.resource.kind, l.scope])).toEqual([['KindNotInTarget', 'ListenerSet', '']]);
    expect(result.loss[0]?.message).toContain('the standard channel from v1.5.0');
    expect(result.items.map((o) => o.kind)).toEqual(['HTTPRoute']);
  });
});

const VS_RETRIES = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: ["*"]
  gateways: [edge]
  http:
  - match: [{uri: {prefix: /a}}]
    route: [{destination: {host: svc}}]
  - route: [{destination: {host: svc}}]
    retries: {attempts: 3, retryOn: 5xx}
`;

describe('convert with a target', () => {
  it('Istio → Gateway API for a standard target: retry is refused at the Istio rule it came from', () => {
    const { result } = convertText(VS_RETRIES, { to: 'gateway-api', target: target('gateway-api=v1.6,channel=standard') });
    const lost = result.loss.filter((l) => l.code === 'NotInTargetRelease');
    expect(lost.map((l) => [l.resource.kind, l.path, l.scope, l.line])).toEqual([['VirtualService', 'spec.http[1]', 'spec.http[1]', 17]]);
    expect(lost[0]?.message).toMatch(/^HTTPRoute shop\/web.*: spec\.rules\[1\]\.retry is not in Gateway API v1\.6\.1 standard/);
    const rules = (item(result, 'HTTPRoute', 'web')?.spec as { rules: Record<string, unknown>[] }).rules;
    expect(rules.map((r) => 'retry' in r)).toEqual([false, false]);
  });

  it('the same conversion for the experimental channel keeps retry and is otherwise the untargeted one', () => {
    const plain = convertText(VS_RETRIES, { to: 'gateway-api' }).result;
    const targeted = convertText(VS_RETRIES, { to: 'gateway-api', target: target('channel=experimental') }).result;
    expect(targeted).toEqual(plain);
  });

  it('Gateway API → Istio: Gateway API objects passed through are fitted, Istio output kept at v1', () => {
    const text = `${HTTP_ROUTE('{backendRefs: [{name: svc, port: 80}]}')}---\napiVersion: ${GW}/v1alpha2\nkind: TCPRoute\nmetadata: {name: t, namespace: shop}\nspec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: svc, port: 9000}]}]}\n`;
    const plain = convertText(text, { to: 'istio' }).result;
    const { result } = convertText(text, { to: 'istio', target: target('gateway-api=v1.5,channel=standard') });
    expect(result.items.filter((o) => String(o.apiVersion).startsWith('networking.istio.io')).every((o) => o.apiVersion === 'networking.istio.io/v1')).toBe(true);
    const passed = plain.items.filter((o) => String(o.apiVersion).startsWith(GW));
    const refusedKinds = result.loss.filter((l) => l.code === 'KindNotInTarget').map((l) => l.resource.kind);
    expect(result.items.filter((o) => String(o.apiVersion).startsWith(GW)).length).toBe(passed.length - refusedKinds.length);
    expect(codes(result)).toEqual([...new Set([...codes(plain), ...(refusedKinds.length > 0 ? ['KindNotInTarget'] : [])])].sort());
  });
});
