import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { ask, build, gateway, gatewayClass, http, https, httpRoute, namespace, route, service, to } from '../simulate/testing.js';
import type { Decision } from '../simulate/types.js';

const GWV = 'gateway.networking.k8s.io/v1';
const ISTIO = 'networking.istio.io/v1';

/** Broken designs, one problem (or a few) each, and a request that meets the problem. */
const BROKEN: [string, KubeObject[], string][] = [
  ['backend and mirror not in the design', [httpRoute('r', { rules: [{ backendRefs: [to('ghost')], filters: [{ type: 'RequestMirror', requestMirror: { backendRef: to('ghost2') } }] }] })], 'GET http://h/'],
  ['backend port not declared', [service('a'), httpRoute('r', { rules: [{ backendRefs: [to('a', 81)] }] })], 'GET http://h/'],
  ['two unresolved backends with different reasons', [httpRoute('r', { rules: [{ backendRefs: [to('ghost'), { name: 'x', namespace: 'other', port: 80 }, { group: 'example.com', kind: 'Bucket', name: 'b' }] }] })], 'GET http://h/'],
  ['listener of another namespace only', [gateway('same', [{ name: 'http', port: 80, protocol: 'HTTP' }], 'infra'), route('HTTPRoute', 'r', { parentRefs: [{ name: 'same', namespace: 'infra' }], rules: [{ backendRefs: [to('a')] }] })], 'GET http://h/'],
  ['no matching listener hostname', [service('a'), httpRoute('r', { hostnames: ['other.example'], rules: [{ backendRefs: [to('a')] }] }), gateway('gw', [http('http', 'h.example')])], 'GET http://h.example/'],
  ['parent not in the design', [service('a'), route('HTTPRoute', 'r', { parentRefs: [{ name: 'nowhere' }], rules: [{ backendRefs: [to('a')] }] })], 'GET http://h/'],
  ['rule with redirect and rewrite', [service('a'), httpRoute('r', { rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }, { type: 'URLRewrite', urlRewrite: { hostname: 'x' } }] }] })], 'GET http://h/'],
  ['certificate Secret missing, listeners in conflict', [gateway('tls', [https('a', 'x.example'), https('b', 'x.example')])], 'GET https://x.example/'],
  ['unsupported listener protocol', [gateway('odd', [{ name: 'q', port: 90, protocol: 'QUIC' }])], 'GET http://h:90/'],
  ['ListenerSet whose parent does not allow it', [namespace('apps'), { apiVersion: GWV, kind: 'ListenerSet', metadata: { name: 'ls', namespace: 'apps' }, spec: { parentRef: { name: 'gw', namespace: 'default' }, listeners: [{ name: 'x', port: 8080, protocol: 'HTTP' }] } }], 'GET http://h:8080/'],
  [
    'Istio: subset undefined, destination not in the design',
    [
      service('a'),
      { apiVersion: ISTIO, kind: 'DestinationRule', metadata: { name: 'a', namespace: 'default' }, spec: { host: 'a', subsets: [{ name: 'v1', labels: { v: '1' } }] } },
      { apiVersion: ISTIO, kind: 'VirtualService', metadata: { name: 'vs', namespace: 'default' }, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v9' }, weight: 50 }, { destination: { host: 'ghost' }, weight: 50 }] }] } },
    ],
    'GET http://a/',
  ],
];

/** `Reason: Reason:` (or `Reason: Reason ` …) — a message that states its reason twice in a row. */
const TWICE = /(?:^|[\s(;])([A-Z][A-Za-z]+): \1\b/;

function messagesOf(d: Decision): string[] {
  return [...d.outcomes.flatMap((o) => (o.reason === undefined ? [] : [o.reason])), ...d.backends.flatMap((b) => (b.problem === undefined ? [] : [b.problem])), ...d.mirrors.flatMap((m) => (m.problem === undefined ? [] : [m.problem])), ...d.notes.map((n) => `${n.code}: ${n.message}`), ...d.trace.map((t) => t.reason)];
}

describe('every message states its reason once (status, diagnostics, simulate)', () => {
  it.each(BROKEN)('%s', (_, objects, request) => {
    const result = build([gatewayClass(), gateway('gw', [http('http')]), ...objects]);
    const status = result.status.items.flatMap((i) => [
      ...(i.status.conditions ?? []),
      ...(i.status.listeners ?? []).flatMap((l) => l.conditions),
      ...(i.status.parents ?? []).flatMap((p) => p.conditions),
      ...(i.status.ancestors ?? []).flatMap((a) => a.conditions),
    ]);
    // The CLI and the canvas print a condition as `Reason: message`.
    const printed = status.map((c) => `${c.reason}: ${c.message}`);
    const diagnostics = result.diagnostics.map((d) => d.message);
    const mesh = request === 'GET http://a/' ? { mesh: { namespace: 'default', workload: 'w', labels: {} } } : {};
    const simulated = messagesOf(ask(result, request, [], mesh));
    const all = [...printed, ...diagnostics, ...simulated];
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((m) => TWICE.test(m))).toEqual([]);
    expect(printed.filter((m) => /^(\w+): \1:/.test(m))).toEqual([]);
  });
  it('the pattern catches a repeated reason', () => {
    expect(['BackendNotFound: BackendNotFound: x', 'ResolvedRefs=False (BackendNotFound: BackendNotFound: x)', 'a; RefNotPermitted: RefNotPermitted: y'].every((m) => TWICE.test(m))).toBe(true);
    expect(TWICE.test('BackendNotFound: Service a is not here; RefNotPermitted: no grant')).toBe(false);
  });
});
