import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { gatewayClass, gateway, http, httpRoute, route, service, to, yamlOf } from '../simulate/testing.js';
import { BASE, vs } from '../compile/istio/test-kit.js';
import { diffTables } from './behaviour.js';
import { classes, diffText, showsChange, tableOf } from './testing.js';

const base = (): KubeObject[] => [gatewayClass(), gateway('gw', [http('http')]), service('a'), service('b')];
const design = (...objects: KubeObject[]): string => yamlOf([...base(), ...objects]);
const prefix = (value: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({ path: { type: 'PathPrefix', value }, ...more });
const rule = (matches: unknown[] | undefined, backends: unknown[] = [to('a')], extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...(matches ? { matches } : {}), backendRefs: backends, ...extra });
const meshVs = (backend: string): string => `${BASE}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a, namespace: shop}
spec:
  hosts: [a]
  http:
  - route: [{destination: {host: ${backend}}}]
`;
const tls = (backend: string): string => yamlOf([gatewayClass(), gateway('gw', [{ name: 'tls', port: 443, protocol: 'TLS', hostname: '*.example.com', tls: { mode: 'Passthrough' } }]), service('a', 'default', [443]), service('b', 'default', [443]),
  route('TLSRoute', 't', { hostnames: ['db.example.com'], rules: [{ backendRefs: [to(backend, 443)] }] })]);
const tcp = (withRoute: boolean): string => yamlOf([gatewayClass(), gateway('gw', [{ name: 'tcp', port: 5432, protocol: 'TCP' }]), service('a', 'default', [5432]),
  ...(withRoute ? [{ ...route('TCPRoute', 't', { rules: [{ backendRefs: [to('a', 5432)] }] }), apiVersion: 'gateway.networking.k8s.io/v1alpha2' }] : [])]);
const mesh = (name: string, backend: string): KubeObject => route('HTTPRoute', name, { parentRefs: [{ group: '', kind: 'Service', name: 'a', port: 80 }], rules: [rule(undefined, [to(backend)])] });

describe('diff: each kind of behaviour change (classes of requests, before ⇒ after)', () => {
  const cases: [string, string, string, string[]][] = [
    ['precedence: the tie by name now goes to the other route', design(
      httpRoute('r1', { rules: [rule([prefix('/a')])] }),
      httpRoute('r2', { rules: [rule([prefix('/a')], [to('b')])] }),
    ), design(
      httpRoute('r3', { rules: [rule([prefix('/a')])] }),
      httpRoute('r2', { rules: [rule([prefix('/a')], [to('b')])] }),
    ), ['200 → default/a ⇒ 200 → default/b']],
    ['hostnames: a route moves from one host to another', design(
      httpRoute('r', { hostnames: ['a.example.com'], rules: [rule(undefined)] }),
    ), design(
      httpRoute('r', { hostnames: ['b.example.com'], rules: [rule(undefined)] }),
    ), ['200 → default/a ⇒ 404', '404 ⇒ 200 → default/a']],
    ['listeners: the listener narrows to one hostname', design(
      httpRoute('r', { rules: [rule(undefined)] }),
    ), yamlOf([gatewayClass(), gateway('gw', [http('http', 'a.example.com')]), service('a'), service('b'),
      httpRoute('r', { rules: [rule(undefined)] })]), ['200 → default/a ⇒ 404']],
    ['weights: 50/50 becomes 90/10', design(
      httpRoute('r', { rules: [rule(undefined, [to('a', 80, { weight: 1 }), to('b', 80, { weight: 1 })])] }),
    ), design(
      httpRoute('r', { rules: [rule(undefined, [to('a', 80, { weight: 9 }), to('b', 80, { weight: 1 })])] }),
    ), ['200 → default/a 50%, default/b 50% ⇒ 200 → default/a 90%, default/b 10%']],
    ['grants: a ReferenceGrant lets the route reach a Service in another namespace', yamlOf([...base(), service('c', 'other'),
      httpRoute('r', { rules: [rule(undefined, [to('c', 80, { namespace: 'other' })])] }),
    ]), yamlOf([...base(), service('c', 'other'),
      httpRoute('r', { rules: [rule(undefined, [to('c', 80, { namespace: 'other' })])] }),
      { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'other' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] } },
    ]), ['500 → other/c ⇒ 200 → other/c']],
    ['filters: a header set on the request and a path rewritten', design(
      httpRoute('r', { rules: [rule([prefix('/a')])] }),
    ), design(
      httpRoute('r', { rules: [rule([prefix('/a')], [to('a')], { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-a', value: '1' }] } }, { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } } }] })] }),
    ), ['200 → default/a ⇒ 200 → default/a (path /a… → /b…, x-a: 1)']],
    ['a redirect replaces the backend', design(
      httpRoute('r', { rules: [rule([prefix('/a')])] }),
    ), design(
      httpRoute('r', { rules: [{ matches: [prefix('/a')], filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'new.example.com', statusCode: 301 } }] }] }),
    ), ['200 → default/a ⇒ 301 → //new.example.com (same path)']],
    ['mesh routes: a GAMMA route sends the Service\'s traffic to another backend', design(mesh('m', 'a')), design(mesh('m', 'b')), ['200 → default/a ⇒ 200 → default/b']],
    ['Istio order: swapping two rules sends the longer prefix elsewhere', vs(`  - match: [{uri: {prefix: /a}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /a/b}}]\n    route: [{destination: {host: b}}]\n`),
      vs(`  - match: [{uri: {prefix: /a/b}}]\n    route: [{destination: {host: b}}]\n  - match: [{uri: {prefix: /a}}]\n    route: [{destination: {host: a}}]\n`), ['200 → shop/a ⇒ 200 → shop/b']],
    ['Istio mesh: a VirtualService for a Service inside the mesh sends its traffic to another Service', meshVs('a'), meshVs('b'), ['200 → shop/a ⇒ 200 → shop/b']],
    ['TLS passthrough: a TLSRoute moves to another backend', tls('a'), tls('b'), ['CONNECTED → default/a ⇒ CONNECTED → default/b']],
    ['TCP: a TCPRoute is removed', tcp(true), tcp(false), ['CONNECTED → default/a ⇒ REJECTED']],
  ];

  it.each(cases)('%s', (_name, before, after, expected) => {
    const d = diffText(before, after);
    expect(d.compared).toBe(true);
    expect(classes(d)).toEqual(expected);
    const [ta, tb] = [tableOf(before), tableOf(after)];
    for (const c of d.changes) expect(showsChange(ta, tb, c.witness), `${c.class}: ${c.witness.request}`).toBe(true);
  });
});

describe('diff: no change of behaviour is no change', () => {
  const r = (...rules: Record<string, unknown>[]): KubeObject => httpRoute('r', { rules });
  const cases: [string, string, string][] = [
    ['the same design', design(r(rule([prefix('/a')]))), design(r(rule([prefix('/a')])))],
    ['documents reordered', design(r(rule([prefix('/a')])), httpRoute('s', { rules: [rule([prefix('/b')], [to('b')])] })), yamlOf([httpRoute('s', { rules: [rule([prefix('/b')], [to('b')])] }), r(rule([prefix('/a')])), ...base().reverse()])],
    ['defaults written out (weight 1, group, kind, namespace, path /)', design(r(rule(undefined))), design(httpRoute('r', { parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace: 'default' }], rules: [rule([prefix('/')], [to('a', 80, { weight: 1, group: '', kind: 'Service', namespace: 'default' })])] }))],
    ['weights 1:1 written as 50:50', design(r(rule(undefined, [to('a', 80, { weight: 1 }), to('b', 80, { weight: 1 })]))), design(r(rule(undefined, [to('a', 80, { weight: 50 }), to('b', 80, { weight: 50 })])))],
    ['Istio rules that do not overlap swapped', vs(`  - match: [{uri: {prefix: /a}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /b}}]\n    route: [{destination: {host: b}}]\n`),
      vs(`  - match: [{uri: {prefix: /b}}]\n    route: [{destination: {host: b}}]\n  - match: [{uri: {prefix: /a}}]\n    route: [{destination: {host: a}}]\n`)],
  ];

  it.each(cases)('%s', (_name, before, after) => {
    const d = diffText(before, after);
    expect(d.compared).toBe(true);
    expect(d.changes).toEqual([]);
    expect(d.status).toEqual([]);
    expect(d.problems).toEqual({ added: [], fixed: [] });
    // Every site's candidates, sent to both: none answers differently.
    const every = diffTables(tableOf(before), tableOf(after), { everySite: true });
    expect(every.candidates).toBeGreaterThan(0);
    expect(every.changes).toEqual([]);
  });

  // Found on the Gateway API's examples/standard (v1.5.1 → v1.6.1): a TCPRoute to a Service not in
  // the design, attached where no route was, rejects as before — its backend receives nothing.
  it.each<[string, string, string]>([
    ['a TCP route to a missing Service where there was none', tcp(false), yamlOf([gatewayClass(), gateway('gw', [{ name: 'tcp', port: 5432, protocol: 'TCP' }]),
      { ...route('TCPRoute', 't', { rules: [{ backendRefs: [to('z', 5432)] }] }), apiVersion: 'gateway.networking.k8s.io/v1alpha2' }])],
    ['an HTTP rule from one missing Service to another, with a header filter', design(r(rule(undefined, [to('y')]))), design(r(rule(undefined, [to('z')], { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-a', value: '1' }] } }] })))],
    ['a mirror to a missing Service added', design(r(rule(undefined))), design(r(rule(undefined, [to('a')], { filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'z', port: 80 } } }] })))],
  ])('%s: a backend that receives nothing is no behaviour', (_name, before, after) => {
    const every = diffTables(tableOf(before), tableOf(after), { everySite: true });
    expect(every.candidates).toBeGreaterThan(0);
    expect(every.changes).toEqual([]);
    expect(diffText(before, after).changes).toEqual([]);
  });

  it('a rule moved to another route, routing alike: no request changes (the new route has a status of its own)', () => {
    const before = design(r(rule([prefix('/a')]), rule([prefix('/b')], [to('b')])));
    const after = design(r(rule([prefix('/a')])), httpRoute('s', { rules: [rule([prefix('/b')], [to('b')])] }));
    expect(diffText(before, after).changes).toEqual([]);
    const every = diffTables(tableOf(before), tableOf(after), { everySite: true });
    expect(every.candidates).toBeGreaterThan(0);
    expect(every.changes).toEqual([]);
  });
});

describe('diff: controller status and problems', () => {
  it('a route that stops attaching: its parent condition, the listener count, and the problem added', () => {
    const d = diffText(design(httpRoute('r', { rules: [rule(undefined)] })), design(httpRoute('r', { parentRefs: [{ name: 'gw', sectionName: 'nope' }], rules: [rule(undefined)] })));
    expect(d.status.map((s) => `${s.object.kind} ${s.object.name} ${s.field}: ${s.before} → ${s.after}`)).toEqual(expect.arrayContaining([
      'Gateway gw listeners.http.attachedRoutes: 1 → 0',
    ]));
    expect(d.status.some((s) => s.object.name === 'r' && s.field.endsWith('.conditions.Accepted') && s.after?.startsWith('False') === true)).toBe(true);
    expect(d.changes.map((c) => c.class)).toContain('200 → default/a ⇒ 404');
  });

  it('a listener that becomes conflicted', () => {
    const d = diffText(design(), yamlOf([gatewayClass(), gateway('gw', [http('http'), http('again')]), service('a'), service('b')]));
    expect(d.status.some((s) => s.object.name === 'gw' && s.field.endsWith('conditions.Conflicted') && s.after?.startsWith('True') === true)).toBe(true);
  });

  it('problems added and fixed are matched by code, object and path, not by line', () => {
    const missing = httpRoute('r', { rules: [rule(undefined, [to('z')])] });
    const d = diffText(design(missing), design(httpRoute('r', { rules: [rule(undefined, [to('a')])] })));
    expect(d.problems.added).toEqual([]);
    expect(d.problems.fixed.map((p) => p.code)).toContain('RefsNotResolved');
    const moved = diffText(design(missing), yamlOf([missing, ...base()]));
    expect(moved.problems).toEqual({ added: [], fixed: [] });
  });

  // Found on Istio's bookinfo sample, diffed from two directories: every Deployment's UnknownKind
  // note (no object to key it by) was added and fixed, because the files' names differ.
  it('a problem with no object is matched by its message, not by its file (two versions are read from two places)', () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: {} };
    const d = diffText(yamlOf([...base(), deployment]), yamlOf([...base(), deployment]));
    expect(d.problems).toEqual({ added: [], fixed: [] });
    const more = diffText(yamlOf([...base(), deployment]), yamlOf([...base(), deployment, { ...deployment, metadata: { name: 'e', namespace: 'default' } }]));
    expect(more.problems.added.map((p) => p.code)).toEqual(['UnknownKind']);
  });

  it('an input that does not read is not compared, and says why in its problems', () => {
    const d = diffText(design(), `${design()}\n---\nkind: [unclosed\n`);
    expect(d.compared).toBe(false);
    expect(d.changes).toEqual([]);
    expect(d.problems.added.length).toBeGreaterThan(0);
  });
});
