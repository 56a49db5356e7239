import { describe, expect, it } from 'vitest';
import { diagnose, found, gateway, object, route } from './testing.js';

/**
 * The version table (issue 14 "Proof"), from the CRDs of each release and channel
 * (config/crd/{standard,experimental} at the tags; target/data/crd-availability.js): a kind or
 * field introduced in v1.x is an error for older targets and the standard channel where it is
 * experimental, and not for the targets that have it.
 */
const GW = 'gateway.networking.k8s.io';
const MIRROR = "filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}], backendRefs: [{name: s, port: 80}]";

describe('TargetFieldNotInRelease', () => {
  it.each([
    // HTTPRoute rule retry: experimental channel only (GEP-1731).
    ['retry, standard', route('retry: {attempts: 2}'), 'channel=standard', [['TargetFieldNotInRelease', 'spec.rules[0].retry']]],
    ['retry, experimental v1.2', route('retry: {attempts: 2}'), 'gateway-api=v1.2', []],
    // Session persistence: experimental only.
    ['sessionPersistence, standard', route('sessionPersistence: {sessionName: s}'), 'channel=standard', [['TargetFieldNotInRelease', 'spec.rules[0].sessionPersistence']]],
    ['sessionPersistence, experimental', route('sessionPersistence: {sessionName: s}'), '', []],
    // The CORS filter: experimental from v1.3.0, standard from v1.5.0; one problem for its type and its field.
    ['CORS filter, v1.4 standard', route('filters: [{type: CORS, cors: {allowOrigins: ["https://a.example"]}}]'), 'gateway-api=v1.4,channel=standard', [['TargetFieldNotInRelease', 'spec.rules[0].filters[0].type']]],
    ['CORS filter, v1.2 experimental', route('filters: [{type: CORS, cors: {allowOrigins: ["https://a.example"]}}]'), 'gateway-api=v1.2', [['TargetFieldNotInRelease', 'spec.rules[0].filters[0].type']]],
    ['CORS filter, v1.5 standard', route('filters: [{type: CORS, cors: {allowOrigins: ["https://a.example"]}}]'), 'gateway-api=v1.5,channel=standard', []],
    ['CORS filter, v1.3 experimental', route('filters: [{type: CORS, cors: {allowOrigins: ["https://a.example"]}}]'), 'gateway-api=v1.3', []],
    // Rule names: experimental from v1.2.0, standard from v1.4.0.
    ['rule name, v1.3 standard', route('name: first'), 'gateway-api=v1.3,channel=standard', [['TargetFieldNotInRelease', 'spec.rules[0].name']]],
    ['rule name, v1.4 standard', route('name: first'), 'gateway-api=v1.4,channel=standard', []],
    // Gateway allowedListeners (ListenerSet's): experimental from v1.3.0, standard from v1.5.0.
    ['allowedListeners, v1.4 standard', gateway('allowedListeners: {namespaces: {from: Same}}'), 'gateway-api=v1.4,channel=standard', [['TargetFieldNotInRelease', 'spec.allowedListeners']]],
    ['allowedListeners, v1.5 standard', gateway('allowedListeners: {namespaces: {from: Same}}'), 'gateway-api=v1.5,channel=standard', []],
    // Gateway spec.tls (frontend validation): experimental from v1.4.0, standard from v1.5.0.
    ['Gateway tls, v1.3 experimental', gateway('tls: {frontend: {default: {validation: {caCertificateRefs: [{name: ca, kind: ConfigMap, group: ""}]}}}}'), 'gateway-api=v1.3', [['TargetFieldNotInRelease', 'spec.tls']]],
    ['Gateway tls, v1.5 standard', gateway('tls: {frontend: {default: {validation: {caCertificateRefs: [{name: ca, kind: ConfigMap, group: ""}]}}}}'), 'gateway-api=v1.5,channel=standard', []],
    // Fields every release has: never a problem (timeouts, infrastructure, a mirror).
    ['timeouts, v1.2 standard', route('timeouts: {request: 10s}'), 'gateway-api=v1.2,channel=standard', []],
    ['infrastructure, v1.2 standard', gateway('infrastructure: {labels: {team: a}}'), 'gateway-api=v1.2,channel=standard', []],
    ['mirror, v1.2 standard', route(MIRROR), 'gateway-api=v1.2,channel=standard', []],
  ])('%s', (_, text, target, want) => {
    expect(found(text, target)).toEqual(want);
  });

  it('says since which release, or that a field is experimental only, and names the target', () => {
    expect(diagnose(route('name: first'), 'gateway-api=v1.3,channel=standard').map((d) => [d.severity, d.message])).toEqual([
      ['error', 'HTTPRoute field spec.rules[].name is in the standard channel from v1.4.0 (experimental from v1.2.0); the target is v1.3.0 standard'],
    ]);
    expect(diagnose(route('retry: {attempts: 2}'), 'channel=standard').map((d) => d.message)).toEqual([
      'HTTPRoute field spec.rules[].retry is in the experimental channel only (from v1.2.0); the target is v1.6.1 standard',
    ]);
  });

  it('is located on the field', () => {
    const [d] = diagnose(route('retry: {attempts: 2}'), 'channel=standard');
    expect(d && [d.line, d.column, d.endColumn]).toEqual([8, 6, 11]);
  });
});

describe('TargetKindNotServed', () => {
  it.each([
    ['ListenerSet v1 on v1.4.1', object('ListenerSet', `${GW}/v1`, '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}'), 'gateway-api=v1.4,channel=standard', [['TargetKindNotServed', 'apiVersion']]],
    ['ListenerSet v1 on v1.5.0', object('ListenerSet', `${GW}/v1`, '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}'), 'gateway-api=v1.5.0,channel=standard', []],
    ['TLSRoute v1 on v1.4', object('TLSRoute', `${GW}/v1`, '{parentRefs: [{name: gw}], hostnames: [a.example], rules: [{backendRefs: [{name: s, port: 443}]}]}'), 'gateway-api=v1.4', [['TargetKindNotServed', 'apiVersion']]],
    ['TLSRoute v1 on v1.5', object('TLSRoute', `${GW}/v1`, '{parentRefs: [{name: gw}], hostnames: [a.example], rules: [{backendRefs: [{name: s, port: 443}]}]}'), 'gateway-api=v1.5', []],
    ['TLSRoute v1alpha2 on standard', object('TLSRoute', `${GW}/v1alpha2`, '{parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 443}]}]}'), 'channel=standard', [['TargetKindNotServed', 'apiVersion']]],
    ['TCPRoute v1 on v1.5', object('TCPRoute', `${GW}/v1`, '{parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 5432}]}]}'), 'gateway-api=v1.5', [['TargetKindNotServed', 'apiVersion']]],
    ['BackendTLSPolicy v1 on v1.3', object('BackendTLSPolicy', `${GW}/v1`, '{targetRefs: [{group: "", kind: Service, name: s}], validation: {hostname: s.example, wellKnownCACertificates: System}}'), 'gateway-api=v1.3', [['TargetKindNotServed', 'apiVersion']]],
    ['BackendTLSPolicy v1 on v1.4 standard', object('BackendTLSPolicy', `${GW}/v1`, '{targetRefs: [{group: "", kind: Service, name: s}], validation: {hostname: s.example, caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}'), 'gateway-api=v1.4,channel=standard', []],
    ['ReferenceGrant v1 on v1.4', object('ReferenceGrant', `${GW}/v1`, '{from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}]}'), 'gateway-api=v1.4', [['TargetKindNotServed', 'apiVersion']]],
    ['ReferenceGrant v1beta1 on v1.6', object('ReferenceGrant', `${GW}/v1beta1`, '{from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}]}'), '', []],
    ['HTTPRoute v1beta1 on v1.6 standard', route('backendRefs: [{name: s, port: 80}]', '{name: gw}', `${GW}/v1beta1`), 'channel=standard', []],
    // Removed kinds: BackendLBPolicy (experimental v1.2), XListenerSet (experimental v1.3–v1.4).
    ['BackendLBPolicy on v1.2', object('BackendLBPolicy', `${GW}/v1alpha2`, '{targetRefs: [{group: "", kind: Service, name: s}]}'), 'gateway-api=v1.2', []],
    ['BackendLBPolicy on v1.3', object('BackendLBPolicy', `${GW}/v1alpha2`, '{targetRefs: [{group: "", kind: Service, name: s}]}'), 'gateway-api=v1.3', [['TargetKindNotServed', 'apiVersion']]],
    ['XListenerSet on v1.4', object('XListenerSet', 'gateway.networking.x-k8s.io/v1alpha1', '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}'), 'gateway-api=v1.4', []],
    ['XListenerSet on v1.6', object('XListenerSet', 'gateway.networking.x-k8s.io/v1alpha1', '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}'), '', [['TargetKindNotServed', 'apiVersion']]],
  ])('%s', (_, text, target, want) => {
    expect(found(text, target)).toEqual(want);
  });

  it('says which releases serve it and what the target serves instead', () => {
    const listenerSet = object('ListenerSet', `${GW}/v1`, '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}');
    expect(diagnose(listenerSet, 'gateway-api=v1.4.1,channel=standard').map((d) => d.message)).toEqual([
      'ListenerSet gateway.networking.k8s.io/v1 is served in releases from v1.5.0; the target is v1.4.1 standard (it serves no ListenerSet)',
    ]);
    expect(diagnose(listenerSet, 'gateway-api=v1.4.1').map((d) => d.message)).toEqual([
      'ListenerSet gateway.networking.k8s.io/v1 is served in releases from v1.5.0; the target is v1.4.1 experimental (it serves XListenerSet gateway.networking.x-k8s.io/v1alpha1 instead)',
    ]);
    const grant = object('ReferenceGrant', `${GW}/v1`, '{from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}]}');
    expect(diagnose(grant, 'gateway-api=v1.4').map((d) => d.message)).toEqual([
      'ReferenceGrant gateway.networking.k8s.io/v1 is served in releases from v1.5.0; the target is v1.4.1 experimental (it serves ReferenceGrant as gateway.networking.k8s.io/v1beta1)',
    ]);
  });
});
