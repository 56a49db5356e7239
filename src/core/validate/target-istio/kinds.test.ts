import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import { SourceLocations } from '../../resources/locations.js';
import { istioReleaseDiagnostics } from './index.js';

/**
 * Which Gateway API kinds each Istio release translates (target/istio-releases.ts, from istio/istio
 * collections.gen.go at each tag): stable kinds say nothing, alpha kinds an info, the others a warning.
 */
const object = (kind: string, apiVersion = 'gateway.networking.k8s.io/v1'): string => `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: x, namespace: shop}
spec: {}
`;

const run = (yaml: string, istio: string | null, implementation: string | null = null): [string, string, number, number][] => {
  const parsed = parse([{ name: 'd.yaml', text: yaml }]);
  const locations = new SourceLocations(parsed.files);
  return istioReleaseDiagnostics({
    resources: parsed.resources,
    target: { istio, implementation: implementation === null ? null : { project: implementation } },
    locate: (r, p, prefer) => locations.range(r, p, prefer),
  }).map((d) => [d.code, d.severity, d.line, d.column]);
};

describe('IstioKindNotSupported / IstioKindAlphaOnly', () => {
  it.each<[string, string, string, [string, string] | null]>([
    // [kind, apiVersion, Istio release, expected]
    ['HTTPRoute', 'gateway.networking.k8s.io/v1', '1.22', null],
    ['GRPCRoute', 'gateway.networking.k8s.io/v1', '1.22', null],
    ['TLSRoute', 'gateway.networking.k8s.io/v1alpha2', '1.22', ['IstioKindAlphaOnly', 'info']],
    ['TCPRoute', 'gateway.networking.k8s.io/v1alpha2', '1.29', ['IstioKindAlphaOnly', 'info']],
    // BackendTLSPolicy: not read before 1.26, alpha in 1.26 and 1.27, stable from 1.28 (v1, gtw-140 release note).
    ['BackendTLSPolicy', 'gateway.networking.k8s.io/v1', '1.25', ['IstioKindNotSupported', 'warning']],
    ['BackendTLSPolicy', 'gateway.networking.k8s.io/v1', '1.26', ['IstioKindAlphaOnly', 'info']],
    ['BackendTLSPolicy', 'gateway.networking.k8s.io/v1', '1.28', null],
    // ListenerSet v1 is first read by Istio 1.30; XListenerSet is alpha from 1.27.
    ['ListenerSet', 'gateway.networking.k8s.io/v1', '1.29', ['IstioKindNotSupported', 'warning']],
    ['XListenerSet', 'gateway.networking.x-k8s.io/v1alpha1', '1.26', ['IstioKindNotSupported', 'warning']],
    ['XListenerSet', 'gateway.networking.x-k8s.io/v1alpha1', '1.27', ['IstioKindAlphaOnly', 'info']],
  ])('%s (%s) on Istio %s', (kind, apiVersion, istio, expected) => {
    const got = run(object(kind, apiVersion), istio).map(([code, severity]) => [code, severity]);
    expect(got).toEqual(expected === null ? [] : [expected]);
  });

  it('is located on the kind, and says nothing without an Istio release or for another implementation', () => {
    expect(run(object('ListenerSet'), '1.29')).toEqual([['IstioKindNotSupported', 'warning', 2, 7]]);
    expect(run(object('ListenerSet'), null)).toEqual([]);
    expect(run(object('ListenerSet'), '1.29', 'cilium')).toEqual([]);
    expect(run(object('ListenerSet'), '1.29', 'istio')).toHaveLength(1);
  });

  it('leaves core objects and Istio kinds alone', () => {
    expect(run(`apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: {ports: [{port: 80}]}\n`, '1.22')).toEqual([]);
    expect(run(`apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: shop}\nspec: {hosts: [a]}\n`, '1.22')).toEqual([]);
  });
});
