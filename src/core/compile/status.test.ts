import { describe, expect, it } from 'vitest';
import { build, cond, gateway, gatewayClass, http, httpRoute, https, namespace, secret, service, statusOf, to } from '../simulate/testing.js';

const GWV = 'gateway.networking.k8s.io/v1';
const listenerConds = (d: ReturnType<typeof build>, i = 0, name = 'gw') => statusOf(d, 'Gateway', name).status.listeners?.[i]?.conditions;

// DESIGN.md "status --format json"; gateway-api.md §9.1–§9.2.
describe('status list shape (DESIGN.md)', () => {
  const d = build([
    { apiVersion: GWV, kind: 'GatewayClass', metadata: { name: 'gc', generation: 3 }, spec: { controllerName: 'example.com/gw' } },
    { ...gateway('gw', [http('http')]), metadata: { name: 'gw', namespace: 'default', generation: 7 } },
    service('a'),
    httpRoute('r', { rules: [{ backendRefs: [to('a')] }] }),
    { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'g' }, spec: { from: [], to: [] } },
  ]);
  it('is a v1 List of the Gateway API objects with a status, in input order', () => {
    expect(d.status.apiVersion).toBe('v1');
    expect(d.status.kind).toBe('List');
    expect(d.status.items.map((i) => `${i.kind}/${i.metadata.name}`)).toEqual(['GatewayClass/gc', 'Gateway/gw', 'HTTPRoute/r']);
  });
  it('observedGeneration is metadata.generation or 1; no lastTransitionTime', () => {
    expect(statusOf(d, 'GatewayClass', 'gc').status.conditions?.[0]?.observedGeneration).toBe(3);
    expect(statusOf(d, 'Gateway', 'gw').status.conditions?.[0]?.observedGeneration).toBe(7);
    expect(statusOf(d, 'HTTPRoute', 'r').status.parents?.[0]?.conditions[0]?.observedGeneration).toBe(1);
    expect(JSON.stringify(d.status)).not.toContain('lastTransitionTime');
  });
  it('route parents carry parentRef (defaults filled), controllerName and conditions', () => {
    expect(statusOf(d, 'HTTPRoute', 'r').status.parents?.[0]).toMatchObject({
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'default', name: 'gw' },
      controllerName: 'example.com/gw',
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted' }, { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs' }],
    });
  });
  it('Programmed is reported as once the data plane is up, and says so', () => {
    const p = statusOf(d, 'Gateway', 'gw').status.conditions?.find((c) => c.type === 'Programmed');
    expect(p?.status).toBe('True');
    expect(p?.message).toMatch(/once the data plane is up/);
  });
  it('a GatewayClass absent from the design is assumed accepted by route-designer/simulated', () => {
    const e = build([gateway('gw', [http('http')]), service('a'), httpRoute('r', { rules: [{ backendRefs: [to('a')] }] })]);
    expect(statusOf(e, 'HTTPRoute', 'r').status.parents?.[0]?.controllerName).toBe('route-designer/simulated');
    expect(e.table.notes.some((n) => n.message.includes('GatewayClass gc is not in this design'))).toBe(true);
  });
});

// gateway-api.md §2.4, §9.3; apis/v1/gateway_types.go (ListenerConditionType).
describe('listener conditions (§2.4, §9.3)', () => {
  it.each([
    ['same port, protocol and hostname', [http('a', 'x.io'), http('b', 'x.io')], 'True/HostnameConflict'],
    ['HTTP and TCP on one port', [http('a'), { name: 'b', port: 80, protocol: 'TCP' }], 'True/ProtocolConflict'],
    ['HTTP and HTTPS on one port', [http('a'), { ...https('b'), port: 80 }], 'True/ProtocolConflict'],
    ['different hostnames', [http('a', 'x.io'), http('b', 'y.io')], 'False/NoConflicts'],
    ['HTTPS and TLS with different hostnames', [https('a', 'x.io'), { name: 'b', port: 443, protocol: 'TLS', hostname: 'y.io', tls: { mode: 'Passthrough' } }], 'False/NoConflicts'],
  ])('%s → Conflicted %s on both', (_what, listeners, expected) => {
    const d = build([gatewayClass(), secret('cert'), gateway('gw', listeners)]);
    expect(cond(listenerConds(d, 0), 'Conflicted')).toBe(expected);
    expect(cond(listenerConds(d, 1), 'Conflicted')).toBe(expected);
  });
  it('conflicted listeners are not accepted and the Gateway reports ListenersNotValid', () => {
    const d = build([gatewayClass(), gateway('gw', [http('a', 'x.io'), http('b', 'x.io'), http('c', 'z.io')])]);
    expect(cond(listenerConds(d, 0), 'Accepted')).toBe('False/HostnameConflict');
    expect(cond(listenerConds(d, 2), 'Accepted')).toBe('True/Accepted');
    expect(cond(statusOf(d, 'Gateway', 'gw').status.conditions, 'Accepted')).toBe('True/ListenersNotValid');
  });
  it('an unsupported protocol → Accepted False UnsupportedProtocol; no valid listener → Gateway Accepted False', () => {
    const d = build([gatewayClass(), gateway('gw', [{ name: 'x', port: 9, protocol: 'example.com/Foo' }])]);
    expect(cond(listenerConds(d), 'Accepted')).toBe('False/UnsupportedProtocol');
    expect(cond(statusOf(d, 'Gateway', 'gw').status.conditions, 'Accepted')).toBe('False/ListenersNotValid');
  });
  it.each([
    ['present', [secret('cert')], {}, 'True/ResolvedRefs'],
    ['missing', [], {}, 'False/InvalidCertificateRef'],
    ['missing, --assume-external', [], { assume: true }, 'True/ResolvedRefs'],
    ['wrong kind', [secret('cert')], { ref: { kind: 'ConfigMap', name: 'cert' } }, 'False/InvalidCertificateRef'],
    ['cross-namespace without grant', [secret('cert', 'certs'), namespace('certs')], { ref: { name: 'cert', namespace: 'certs' } }, 'False/RefNotPermitted'],
  ])('certificateRef %s → ResolvedRefs %s', (_what, extra, opts, expected) => {
    const o = opts as { assume?: boolean; ref?: Record<string, unknown> };
    const l = https('l', undefined, o.ref ? { tls: { certificateRefs: [o.ref] } } : {});
    const d = build([gatewayClass(), gateway('gw', [l]), ...extra], o.assume === true);
    expect(cond(listenerConds(d), 'ResolvedRefs')).toBe(expected);
    expect(cond(listenerConds(d), 'Programmed')).toBe(expected.startsWith('True') ? 'True/Programmed' : 'False/Invalid');
  });
  it('invalid allowedRoutes kinds → ResolvedRefs False InvalidRouteKinds and only valid supportedKinds', () => {
    const d = build([gatewayClass(), gateway('gw', [http('a', undefined, { allowedRoutes: { kinds: [{ kind: 'HTTPRoute' }, { kind: 'FooRoute' }] } })])]);
    const l = statusOf(d, 'Gateway', 'gw').status.listeners?.[0];
    expect(l?.supportedKinds).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }]);
    expect(cond(l?.conditions, 'ResolvedRefs')).toBe('False/InvalidRouteKinds');
  });
  it('overlapping TLS hostnames on one port → OverlappingTLSConfig', () => {
    const d = build([gatewayClass(), secret('cert'), gateway('gw', [https('a', 'foo.example.com'), https('b', '*.example.com')])]);
    expect(cond(listenerConds(d, 0), 'OverlappingTLSConfig')).toBe('True/OverlappingHostnames');
  });
  it('attachedRoutes counts Accepted routes per listener', () => {
    const d = build([gatewayClass(), gateway('gw', [http('a'), http('b', 'b.io')]), service('s'), httpRoute('r1', { rules: [{ backendRefs: [to('s')] }] }), httpRoute('r2', { parentRefs: [{ name: 'gw', sectionName: 'b' }], rules: [{ backendRefs: [to('s')] }] })]);
    expect(statusOf(d, 'Gateway', 'gw').status.listeners?.map((l) => l.attachedRoutes)).toEqual([1, 2]);
  });
});

// gateway-api.md §2.1, §3.1, §9.4; apis/v1/listenerset_types.go; conformance listenerset-*.
describe('ListenerSet (§9.4)', () => {
  const ls = (name: string, listeners: unknown[], ns = 'default', created?: string) => ({
    apiVersion: GWV,
    kind: 'ListenerSet',
    metadata: { name, namespace: ns, ...(created ? { creationTimestamp: created } : {}) },
    spec: { parentRef: { name: 'gw' }, listeners },
  });
  const gw = (from?: string) => gateway('gw', [http('main', 'main.io')], 'default', from ? { allowedListeners: { namespaces: { from } } } : {});
  it.each([
    [undefined, 'False/NotAllowed'],
    ['Same', 'True/Accepted'],
    ['All', 'True/Accepted'],
  ])('allowedListeners %s → %s', (from, expected) => {
    const d = build([gatewayClass(), gw(from), ls('set', [http('extra', 'extra.io')])]);
    expect(cond(statusOf(d, 'ListenerSet', 'set').status.conditions, 'Accepted')).toBe(expected);
    expect(statusOf(d, 'Gateway', 'gw').status.attachedListenerSets).toBe(expected.startsWith('True') ? 1 : 0);
  });
  it('a ListenerSet entry conflicting with the Gateway loses; the Gateway listener stays valid', () => {
    const d = build([gatewayClass(), gw('All'), ls('set', [http('dup', 'main.io')])]);
    expect(cond(statusOf(d, 'ListenerSet', 'set').status.listeners?.[0]?.conditions, 'Conflicted')).toBe('True/HostnameConflict');
    expect(cond(statusOf(d, 'ListenerSet', 'set').status.conditions, 'Accepted')).toBe('False/ListenersNotValid');
    expect(cond(listenerConds(d), 'Conflicted')).toBe('False/NoConflicts');
  });
  it('parentRef scopes are disjoint: a Gateway parent does not serve ListenerSet hostnames and vice versa', () => {
    const d = build([
      gatewayClass(),
      gw('All'),
      ls('set', [http('extra', 'extra.io')]),
      service('a'),
      service('b'),
      httpRoute('via-gw', { rules: [{ backendRefs: [to('a')] }] }),
      httpRoute('via-set', { parentRefs: [{ kind: 'ListenerSet', name: 'set' }], rules: [{ backendRefs: [to('b')] }] }),
      httpRoute('bad', { parentRefs: [{ name: 'gw', sectionName: 'extra' }], rules: [{ backendRefs: [to('b')] }] }),
    ]);
    expect(cond(statusOf(d, 'HTTPRoute', 'bad').status.parents?.[0]?.conditions, 'Accepted')).toBe('False/NoMatchingParent');
    expect(statusOf(d, 'ListenerSet', 'set').status.listeners?.[0]?.attachedRoutes).toBe(1);
    expect(statusOf(d, 'Gateway', 'gw').status.listeners?.[0]?.attachedRoutes).toBe(1);
  });
});

// gateway-api.md §6.6, §9.6; apis/v1/backendtlspolicy_types.go.
describe('BackendTLSPolicy ancestors (§9.6)', () => {
  const policy = (name: string, target: string, created?: string, validation: Record<string, unknown> = { hostname: 's.example.com', wellKnownCACertificates: 'System' }) => ({
    apiVersion: GWV,
    kind: 'BackendTLSPolicy',
    metadata: { name, namespace: 'default', ...(created ? { creationTimestamp: created } : {}) },
    spec: { targetRefs: [{ group: '', kind: 'Service', name: target }], validation },
  });
  const design = (...extra: Record<string, unknown>[]) => build([gatewayClass(), gateway('gw', [http('http')]), service('s'), httpRoute('r', { rules: [{ backendRefs: [to('s')] }] }), ...extra]);
  it('one ancestor per Gateway routing to the Service, Accepted and ResolvedRefs', () => {
    const a = statusOf(design(policy('p', 's')), 'BackendTLSPolicy', 'p').status.ancestors;
    expect(a?.map((x) => [x.ancestorRef.name, cond(x.conditions, 'Accepted'), cond(x.conditions, 'ResolvedRefs')])).toEqual([['gw', 'True/Accepted', 'True/ResolvedRefs']]);
  });
  it('the newer of two policies on the same Service is Conflicted', () => {
    const d = design(policy('old', 's', '2020-01-01T00:00:00Z'), policy('new', 's', '2021-01-01T00:00:00Z'));
    expect(cond(statusOf(d, 'BackendTLSPolicy', 'new').status.ancestors?.[0]?.conditions, 'Accepted')).toBe('False/Conflicted');
    expect(cond(statusOf(d, 'BackendTLSPolicy', 'old').status.ancestors?.[0]?.conditions, 'Accepted')).toBe('True/Accepted');
  });
  it('a missing CA ConfigMap → ResolvedRefs False InvalidCACertificateRef', () => {
    const d = design(policy('p', 's', undefined, { hostname: 's.example.com', caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] }));
    expect(cond(statusOf(d, 'BackendTLSPolicy', 'p').status.ancestors?.[0]?.conditions, 'ResolvedRefs')).toBe('False/InvalidCACertificateRef');
  });
  it('no Gateway routes to the target → no ancestors', () => {
    expect(statusOf(design(policy('p', 'other')), 'BackendTLSPolicy', 'p').status.ancestors).toEqual([]);
  });
});
