import { describe, expect, it } from 'vitest';
import { FEATURE_USES } from './feature-uses.js';
import { CONFORMANCE } from './reports.js';

const catalogue = CONFORMANCE.names.slice(0, CONFORMANCE.catalogue.length);
const KINDS = ['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'ListenerSet', 'Service'];

describe('FEATURE_USES', () => {
  it('has one entry for every feature of the catalogue, and names no other', () => {
    expect(Object.keys(FEATURE_USES).sort()).toEqual([...catalogue].sort());
  });

  it.each(Object.entries(FEATURE_USES))('%s: fields of known kinds, or a behaviour note when none', (_, use) => {
    if (use.fields.length === 0) expect(use.behaviour?.length ?? 0).toBeGreaterThan(10);
    else expect(use.behaviour).toBeUndefined();
    for (const f of use.fields) {
      expect(KINDS).toContain(f.kind);
      expect(f.path === '' || /^spec\.[\w[\].]+$/.test(f.path), f.path).toBe(true);
    }
  });

  it.each([
    ['HTTPRouteQueryParamMatching', { kind: 'HTTPRoute', path: 'spec.rules[].matches[].queryParams' }],
    ['HTTPRouteRequestMirror', { kind: 'HTTPRoute', path: 'spec.rules[].filters[].type', value: 'RequestMirror' }],
    ['GatewayPort8080', { kind: 'Gateway', path: 'spec.listeners[].port', value: 8080 }],
    ['HTTPRouteBackendTimeout', { kind: 'HTTPRoute', path: 'spec.rules[].timeouts.backendRequest' }],
  ])('%s is used by %j', (feature, field) => {
    expect(FEATURE_USES[feature]?.fields).toContainEqual(field);
  });

  it('marks behaviour-only features as such', () => {
    expect(FEATURE_USES.MeshClusterIPMatching?.fields).toEqual([]);
    expect(FEATURE_USES.GatewayHTTPListenerIsolation?.fields).toEqual([]);
  });
});
