import { describe, expect, it } from 'vitest';
import { firstRelease, hasField, RELEASES, resolveRelease, servedVersions, storageVersion, type Channel } from './availability.js';
import data from './data/crd-availability.js';

const GW = 'gateway.networking.k8s.io';
const X = 'gateway.networking.x-k8s.io';
// Each row was checked against kubernetes-sigs/gateway-api's CRD text at the cited tag:
// config/crd/<channel>/gateway.networking.k8s.io_<file>.yaml (x-k8s.io kinds: gateway.networking.x-k8s.io_<file>.yaml).

describe('crd-availability data', () => {
  it('parses: releases in order, every kind has versions, every value is an interval list', () => {
    expect(RELEASES).toEqual(['v1.2.0', 'v1.2.1', 'v1.3.0', 'v1.4.0', 'v1.4.1', 'v1.5.0', 'v1.5.1', 'v1.6.0', 'v1.6.1']);
    expect(Object.keys(data.source.tags)).toEqual(RELEASES);
    for (const commit of Object.values(data.source.tags)) expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const kinds = Object.keys(data.kinds);
    expect(kinds).toEqual(expect.arrayContaining(['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'ListenerSet']));
    for (const versions of Object.values(data.kinds)) {
      for (const [apiVersion, entries] of Object.entries(versions)) {
        expect(apiVersion).toMatch(/^gateway\.networking\.(x-)?k8s\.io\/v\d+((alpha|beta)\d+)?$/);
        expect(entries['@served']).toBeDefined();
        for (const value of Object.values(entries)) expect(value).toMatch(/^(\d+-\d*(,\d+-\d*)*|(s|e)\d+-\d*(,\d+-\d*)*( e\d+-\d*(,\d+-\d*)*)?)$/);
      }
    }
  });
});

describe('resolveRelease', () => {
  it.each([
    ['v1.5', 'v1.5.1'],
    ['1.5', 'v1.5.1'],
    ['v1.3', 'v1.3.0'],
    ['1.4.0', 'v1.4.0'],
    ['v1.6.1', 'v1.6.1'],
    ['v1.1', undefined],
    ['v1.5.9', undefined],
    ['latest', undefined],
  ])('%s → %s', (release, tag) => {
    expect(resolveRelease(release)).toBe(tag);
  });

  it('an unknown release is a programmer error', () => {
    expect(() => servedVersions('Gateway', 'v1.1', 'standard')).toThrow(RangeError);
  });
});

describe('servedVersions and storageVersion (verified in the CRDs)', () => {
  const rows: readonly [kind: string, release: string, channel: Channel, served: string[], stored: string | undefined][] = [
    // v1.4.1 standard/referencegrants: only v1beta1; v1.5.0 and v1.6.1: v1 served (storage: false) + v1beta1 (storage: true).
    ['ReferenceGrant', 'v1.4', 'standard', [`${GW}/v1beta1`], `${GW}/v1beta1`],
    ['ReferenceGrant', 'v1.5.0', 'standard', [`${GW}/v1`, `${GW}/v1beta1`], `${GW}/v1beta1`],
    ['ReferenceGrant', 'v1.6', 'standard', [`${GW}/v1`, `${GW}/v1beta1`], `${GW}/v1beta1`],
    // tlsroutes: no standard file at v1.4.1; v1.5.0 standard serves v1 only (v1alpha2/3 served: false).
    ['TLSRoute', 'v1.4', 'standard', [], undefined],
    ['TLSRoute', 'v1.5', 'standard', [`${GW}/v1`], `${GW}/v1`],
    ['TLSRoute', 'v1.6', 'standard', [`${GW}/v1`], `${GW}/v1`],
    // experimental: v1.3.0 v1alpha2 only; v1.4.0 v1alpha2 + v1alpha3 (stored); v1.6.1 v1 (stored) + both alphas.
    ['TLSRoute', 'v1.3', 'experimental', [`${GW}/v1alpha2`], `${GW}/v1alpha2`],
    ['TLSRoute', 'v1.4.0', 'experimental', [`${GW}/v1alpha2`, `${GW}/v1alpha3`], `${GW}/v1alpha3`],
    ['TLSRoute', 'v1.6.1', 'experimental', [`${GW}/v1`, `${GW}/v1alpha2`, `${GW}/v1alpha3`], `${GW}/v1`],
    // backendtlspolicies: v1.3.0 experimental v1alpha3 only, none in standard; v1.4.0 standard v1
    // (v1alpha3 served: false), experimental v1 (stored) + v1alpha3.
    ['BackendTLSPolicy', 'v1.3', 'standard', [], undefined],
    ['BackendTLSPolicy', 'v1.3', 'experimental', [`${GW}/v1alpha3`], `${GW}/v1alpha3`],
    ['BackendTLSPolicy', 'v1.4.0', 'standard', [`${GW}/v1`], `${GW}/v1`],
    ['BackendTLSPolicy', 'v1.4.0', 'experimental', [`${GW}/v1`, `${GW}/v1alpha3`], `${GW}/v1`],
    // v1.2.0 standard/grpcroutes: v1 served and stored.
    ['GRPCRoute', 'v1.2.0', 'standard', [`${GW}/v1`], `${GW}/v1`],
    // tcproutes: v1.5.1 experimental v1alpha2 only, no standard file; v1.6.0 standard has v1.
    ['TCPRoute', 'v1.5', 'standard', [], undefined],
    ['TCPRoute', 'v1.5', 'experimental', [`${GW}/v1alpha2`], `${GW}/v1alpha2`],
    ['TCPRoute', 'v1.6.0', 'standard', [`${GW}/v1`], `${GW}/v1`],
    ['TCPRoute', 'v1.6.0', 'experimental', [`${GW}/v1`, `${GW}/v1alpha2`], `${GW}/v1`],
    // listenersets: experimental xlistenersets (x-k8s.io) at v1.3.0–v1.4.1; v1.5.0 listenersets in both channels.
    ['ListenerSet', 'v1.4', 'experimental', [], undefined],
    ['ListenerSet', 'v1.5.0', 'standard', [`${GW}/v1`], `${GW}/v1`],
    ['XListenerSet', 'v1.2', 'experimental', [], undefined],
    ['XListenerSet', 'v1.3', 'experimental', [`${X}/v1alpha1`], `${X}/v1alpha1`],
    ['XListenerSet', 'v1.5', 'experimental', [], undefined],
    // backendlbpolicies: experimental at v1.2.1, gone at v1.3.0.
    ['BackendLBPolicy', 'v1.2', 'experimental', [`${GW}/v1alpha2`], `${GW}/v1alpha2`],
    ['BackendLBPolicy', 'v1.3', 'experimental', [], undefined],
    // gateways: v1 and v1beta1 served throughout.
    ['Gateway', 'v1.6', 'standard', [`${GW}/v1`, `${GW}/v1beta1`], `${GW}/v1`],
    ['NoSuchKind', 'v1.6', 'standard', [], undefined],
  ];
  it.each(rows)('%s at %s %s', (kind, release, channel, served, stored) => {
    expect(servedVersions(kind, release, channel).sort()).toEqual(served);
    expect(storageVersion(kind, release, channel)).toBe(stored);
  });
});

describe('hasField (verified in the CRDs)', () => {
  const rows: readonly [kind: string, path: string, release: string, channel: Channel, has: boolean][] = [
    // httproutes v1.6.1: `retry` only in the experimental file; `timeouts.backendRequest` in both since v1.2.0.
    ['HTTPRoute', 'spec.rules[].retry', 'v1.6', 'standard', false],
    ['HTTPRoute', 'spec.rules[].retry', 'v1.6', 'experimental', true],
    ['HTTPRoute', 'spec.rules[].retry.codes', 'v1.2', 'experimental', true],
    ['HTTPRoute', 'spec.rules[].timeouts.backendRequest', 'v1.2.0', 'standard', true],
    // httproutes v1.3.0 standard: rules items have no `name`; v1.4.0: they do.
    ['HTTPRoute', 'spec.rules[].name', 'v1.3', 'standard', false],
    ['HTTPRoute', 'spec.rules[].name', 'v1.4.0', 'standard', true],
    // httproutes filter type enum: `- CORS` first at v1.3.0 experimental, v1.5.0 standard.
    ['HTTPRoute', 'spec.rules[].filters[].type=CORS', 'v1.4', 'standard', false],
    ['HTTPRoute', 'spec.rules[].filters[].type=CORS', 'v1.5.0', 'standard', true],
    ['HTTPRoute', 'spec.rules[].filters[].type=CORS', 'v1.2', 'experimental', false],
    ['HTTPRoute', 'spec.rules[].filters[].type=CORS', 'v1.3', 'experimental', true],
    ['HTTPRoute', 'spec.rules[].filters[].type=RequestMirror', 'v1.2.0', 'standard', true],
    ['HTTPRoute', 'spec.nonexistent', 'v1.6', 'experimental', false],
    // gateways v1.2.0 standard: `addresses` and `infrastructure` under spec (standard already).
    ['Gateway', 'spec.infrastructure', 'v1.2.0', 'standard', true],
    ['Gateway', 'spec.addresses', 'v1.2.0', 'standard', true],
    // gateways `defaultScope`: not at v1.3.0, experimental from v1.4.0, never standard up to v1.6.1.
    ['Gateway', 'spec.defaultScope', 'v1.3', 'experimental', false],
    ['Gateway', 'spec.defaultScope', 'v1.4.0', 'experimental', true],
    ['Gateway', 'spec.defaultScope', 'v1.6', 'standard', false],
    // gateways experimental: listeners[].tls.frontendValidation at v1.3.0, gone at v1.4.0;
    // spec.tls (frontend validation's new home) in standard from v1.5.0, not at v1.4.1.
    ['Gateway', 'spec.listeners[].tls.frontendValidation', 'v1.3', 'experimental', true],
    ['Gateway', 'spec.listeners[].tls.frontendValidation', 'v1.4', 'experimental', false],
    ['Gateway', 'spec.tls.frontend', 'v1.4', 'standard', false],
    ['Gateway', 'spec.tls.frontend', 'v1.5', 'standard', true],
    // tls.mode enum Terminate/Passthrough throughout.
    ['Gateway', 'spec.listeners[].tls.mode=Passthrough', 'v1.2.0', 'standard', true],
  ];
  it.each(rows)('%s %s at %s %s → %s', (kind, path, release, channel, has) => {
    expect(hasField(kind, `${GW}/v1`, path, release, channel)).toBe(has);
  });

  it('a path of an apiVersion the kind does not serve there is absent', () => {
    // referencegrants v1.4.1: no v1 version at all.
    expect(hasField('ReferenceGrant', `${GW}/v1`, 'spec.from', 'v1.4', 'standard')).toBe(false);
    expect(hasField('ReferenceGrant', `${GW}/v1beta1`, 'spec.from', 'v1.4', 'standard')).toBe(true);
  });
});

describe('firstRelease (verified in the CRDs)', () => {
  const rows: readonly [kind: string, apiVersion: string, path: string, channel: Channel, first: string | undefined][] = [
    ['ListenerSet', `${GW}/v1`, '@served', 'standard', 'v1.5.0'],
    ['ListenerSet', `${GW}/v1`, '@served', 'experimental', 'v1.5.0'],
    ['ReferenceGrant', `${GW}/v1`, '@served', 'standard', 'v1.5.0'],
    ['TLSRoute', `${GW}/v1`, '@served', 'standard', 'v1.5.0'],
    ['TCPRoute', `${GW}/v1`, '@served', 'standard', 'v1.6.0'],
    ['BackendTLSPolicy', `${GW}/v1`, '@served', 'standard', 'v1.4.0'],
    ['HTTPRoute', `${GW}/v1`, 'spec.rules[].timeouts', 'standard', 'v1.2.0'],
    ['HTTPRoute', `${GW}/v1`, 'spec.rules[].retry', 'standard', undefined],
    ['HTTPRoute', `${GW}/v1`, 'spec.rules[].retry', 'experimental', 'v1.2.0'],
    ['HTTPRoute', `${GW}/v1`, 'spec.rules[].name', 'standard', 'v1.4.0'],
    ['Gateway', `${GW}/v1`, 'spec.defaultScope', 'experimental', 'v1.4.0'],
    ['Gateway', `${GW}/v1`, 'spec.defaultScope', 'standard', undefined],
    ['NoSuchKind', `${GW}/v1`, '@served', 'standard', undefined],
  ];
  it.each(rows)('%s %s %s %s → %s', (kind, apiVersion, path, channel, first) => {
    expect(firstRelease(kind, apiVersion, path, channel)).toBe(first);
  });
});
