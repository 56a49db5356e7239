import { describe, expect, it } from 'vitest';
import { parse } from '../resources/parse.js';
import type { KubeObject } from '../resources/types.js';
import { DEFAULT_TARGET, type Target } from '../target/target.js';
import { labelName, uniqueLabel } from './names.js';
import { Report } from './report.js';
import { writtenProblems } from './test-designs.js';
import { codes, convertText } from './test-helpers.js';
import { leaveOutInvalid } from './written-valid.js';

/**
 * Issue 16 scope 1: every object `convert` writes passes `validate` under the same target; what
 * cannot be written validly is left out with a loss entry that says so — never an invalid
 * object, never a silent drop.
 */
const GATEWAY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: test}
spec:
  selector: {istio: ingressgateway}
  servers:
  - {port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}
  - {port: {number: 5432, name: tcp, protocol: TCP}, hosts: ["*"]}
`;
const vs = (rules: string): string => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: test}
spec:
  hosts: ["*"]
  gateways: [edge]
${rules}`;
// A destination without a port, to a Service outside the design: no backendRef can be written.
const TLS_NO_PORT = '  tls:\n  - match: [{sniHosts: [login.example.com]}]\n    route: [{destination: {host: login.prod.svc.cluster.local}}]\n';
const TLS_OK = '  - match: [{sniHosts: [shop.example.com]}]\n    route: [{destination: {host: shop, port: {number: 443}}}]\n';
const TCP_NO_PORT = '  tcp:\n  - route: [{destination: {host: db}}]\n';

function kinds(items: readonly KubeObject[]): string[] {
  return items.map((o) => String(o.kind));
}

describe('Istio → Gateway API: a TLSRoute or TCPRoute rule with no writable backend', () => {
  it.each([
    ['a tls rule whose only destination names no port (ingress2gateway 3-virtualservice-tls)', vs(TLS_NO_PORT), ['spec.tls[0]'], ['Gateway']],
    ['the same beside a tls rule that can be written: only that TLSRoute is written', vs(TLS_NO_PORT + TLS_OK), ['spec.tls[0]'], ['Gateway', 'TLSRoute']],
    ['a tcp rule whose only destination names no port', vs(TCP_NO_PORT), ['spec.tcp[0]'], ['Gateway']],
  ])('%s: the route is left out, said at the rule', (_, text, scopes, written) => {
    const { resources, result } = convertText(GATEWAY + text, { to: 'gateway-api', assumeExternal: true });
    expect(kinds(result.items)).toEqual(written);
    const left = result.loss.filter((l) => l.code === 'BackendPortUnknown' && l.path === l.scope);
    expect(left.map((l) => l.path)).toEqual(scopes);
    expect(left[0]?.message).toContain('is left out');
    expect(codes(result)).not.toContain('InvalidInTarget');
    for (const target of [undefined, { ...DEFAULT_TARGET, channel: 'standard' as const }]) expect(writtenProblems(resources, 'gateway-api', target)).toEqual([]);
  });

  it('a mesh tls rule (GAMMA TLSRoute on the Service port) whose destination names no port is left out too', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: tdb, namespace: test}
spec: {ports: [{name: tls, port: 443}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: test}
spec:
  hosts: [tdb.test.svc.cluster.local]
  tls:
  - match: [{sniHosts: [tdb.test.svc.cluster.local]}]
    route: [{destination: {host: gone}}]
`;
    const { resources, result } = convertText(text, { to: 'gateway-api' });
    expect(kinds(result.items)).toEqual(['Service']);
    expect(result.loss.some((l) => l.code === 'BackendPortUnknown' && l.path === 'spec.tls[0]')).toBe(true);
    expect(writtenProblems(resources, 'gateway-api', undefined)).toEqual([]);
  });
});

describe('Gateway API → Istio: Istio Gateway names are RFC 1123 labels (istiod refuses others)', () => {
  const long = 'gateway-with-listenerset-hostname-conflict';
  const design = (name: string, listeners: string[]): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [${listeners.map((l, i) => `{name: ${l}, port: ${80 + i}, protocol: HTTP}`).join(', ')}]
`;
  it.each([
    ['a short name is kept', design('edge', ['http']), ['edge-http']],
    ['a dotted Gateway name', design('edge.example.com', ['http']), ['edge-example-com-http']],
    ['two listeners whose joined names pass 63 characters and share their first 54 (the rest becomes a tag of the whole)', design(long, ['hostname-conflict-with-gateway-listener', 'hostname-conflict-with-gateway-listener2']), ['gateway-with-listenerset-hostname-conflict-hostname-co-TAG', 'gateway-with-listenerset-hostname-conflict-hostname-co-TAG']],
  ])('%s', (_, text, names) => {
    const { resources, result } = convertText(text, { to: 'istio' });
    const written = result.items.filter((o) => o.kind === 'Gateway').map((o) => String((o.metadata as { name: string }).name));
    expect(written).toHaveLength(names.length);
    for (const n of written) expect(n).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(new Set(written).size).toBe(written.length);
    expect(written.map((n) => (n.length === 63 ? n.replace(/-[0-9a-f]{8}$/, '-TAG') : n))).toEqual(names);
    expect(writtenProblems(resources, 'istio', undefined)).toEqual([]);
  });

  it('the VirtualServices bind the names written', () => {
    const text = `${design(`${long}-edge`, ['hostname-conflict-with-gateway-listener'])}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: ${long}-edge}]
  hostnames: [a.example.com]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;
    const { result } = convertText(text, { to: 'istio', assumeExternal: true });
    const gateway = result.items.find((o) => o.kind === 'Gateway');
    const service = result.items.find((o) => o.kind === 'VirtualService');
    expect((service?.spec as { gateways: string[] }).gateways).toEqual([(gateway?.metadata as { name: string }).name]);
  });

  it.each([
    [['edge', 'http'], 'edge-http'],
    [['Edge.Example', 'http'], 'edge-example-http'],
    [['a'.repeat(40), 'b'.repeat(40)], `${'a'.repeat(40)}-${'b'.repeat(13)}-`],
  ])('labelName(%j) → %s…', (parts, start) => {
    const name = labelName(parts);
    expect(name.startsWith(start)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  it('uniqueLabel numbers a taken name and stays within 63 characters', () => {
    const base = labelName(['x'.repeat(70)]);
    const taken = new Set([base]);
    const next = uniqueLabel(base, (n) => taken.has(n));
    expect(next).not.toBe(base);
    expect(next.length).toBeLessThanOrEqual(63);
    expect(uniqueLabel('edge-http', () => false)).toBe('edge-http');
  });
});

describe('the safety net: an object the API server would refuse is left out, and said', () => {
  const source = parse([{ name: 'in.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: shop}\nspec: {hosts: [a.example.com], tls: [{match: [{sniHosts: [a.example.com]}], route: [{destination: {host: a, port: {number: 443}}}]}]}\n' }]).resources;
  const invalid: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'TLSRoute', metadata: { name: 'vs', namespace: 'shop' }, spec: { parentRefs: [{ name: 'edge' }], hostnames: ['a.example.com'], rules: [{ backendRefs: [] }] } };
  const valid: KubeObject = { ...invalid, spec: { parentRefs: [{ name: 'edge' }], hostnames: ['a.example.com'], rules: [{ backendRefs: [{ name: 'a', port: 443 }] }] } };
  const run = (items: KubeObject[], own: ReadonlySet<KubeObject>, target: Target = DEFAULT_TARGET, origin = false) => {
    const report = new Report(undefined);
    const res = source[0];
    if (origin && res) report.origin({ kind: 'TLSRoute', namespace: 'shop', name: 'vs' }, ['spec', 'rules', 0], res, ['spec', 'tls', 0]);
    const out = leaveOutInvalid(items, (o) => (own.has(o) ? undefined : { object: o, source: res }), target.channel, res, report);
    return { out, loss: report.result().loss };
  };

  it.each([
    ['a valid written object is kept', [valid], new Set<KubeObject>(), 1, []],
    ['an invalid written object is left out (InvalidInTarget names the validation code)', [invalid], new Set<KubeObject>(), 0, ['InvalidInTarget:SchemaMinItems:']],
    ["the user's own object, passed through as given, is theirs", [invalid], new Set([invalid]), 1, []],
  ])('%s', (_, items, own, kept, entries) => {
    const { out, loss } = run(items, own);
    expect(out).toHaveLength(kept);
    expect(loss.map((l) => `${l.code}:${/\((\w+) at/.exec(l.message)?.[1] ?? ''}:${l.scope ?? ''}`)).toEqual(entries);
  });

  it('the entry points at the source element the object came from (its origin)', () => {
    const { loss } = run([invalid], new Set(), DEFAULT_TARGET, true);
    expect(loss.map((l) => [l.code, l.path, l.scope])).toEqual([['InvalidInTarget', 'spec.tls[0]', 'spec.tls[0]']]);
  });
});

describe('Istio → Gateway API: a route within its CRD limits (16 rules, 128 matches)', () => {
  const rules = (n: number): string => Array.from({ length: n }, (_, i) => `  - match: [{uri: {exact: /p${i}}}]\n    route: [{destination: {host: web, port: {number: 80}}}]\n`).join('');
  const design = (n: number): string => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [a.example.com]
  gateways: [edge]
  http:
${rules(n)}`;
  it.each([
    [16, 16, []],
    [17, 16, ['spec.http[16]']],
    [18, 16, ['spec.http[16]', 'spec.http[17]']],
  ])('%i http rules → %i HTTPRoute rules; RouteTooLarge on %j', (n, kept, left) => {
    const { resources, result } = convertText(design(n), { to: 'gateway-api', assumeExternal: true });
    const route = result.items.find((o) => o.kind === 'HTTPRoute');
    expect((route?.spec as { rules: unknown[] }).rules).toHaveLength(kept);
    expect(result.loss.filter((l) => l.code === 'RouteTooLarge').map((l) => l.scope)).toEqual(left);
    expect(writtenProblems(resources, 'gateway-api', undefined)).toEqual([]);
  });
});
