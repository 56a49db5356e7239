import { describe, expect, it } from 'vitest';
import readme from '../../../README.md?raw';
import { RELEASES } from './availability.js';
import { ISTIO_BEHAVIOUR_CHANGES, istioBehaviourAt, istioDefaultRetriableCodes } from './istio-behaviour.js';
import { ISTIO_FIELD_INTROS } from './istio-fields.js';
import { ISTIO_RELEASE_FACTS, compareIstioMinors, gatewayApiReleaseOfIstio, istioGatewayApiKindSupport, istioRelease } from './istio-releases.js';
import { ISTIO_RELEASES } from './target.js';
import { ISTIO_RELEASE_CODES } from '../validate/target-istio/codes.js';

describe('Istio releases 1.22 … 1.29', () => {
  it('has facts for exactly the releases a target can name, oldest first', () => {
    expect(ISTIO_RELEASE_FACTS.map((f) => f.minor)).toEqual([...ISTIO_RELEASES]);
    expect(istioRelease('v1.24.3')?.minor).toBe('1.24');
    expect(istioRelease('1.21')).toBeUndefined();
  });

  // sigs.k8s.io/gateway-api in istio/istio go.mod at the newest patch of each line, mapped to the
  // CRD data's releases (which start at v1.2.0).
  it.each([
    ['1.22', 'v1.1.0', 'v1.2.0'],
    ['1.23', 'v1.1.0', 'v1.2.0'],
    ['1.24', 'v1.2.1', 'v1.2.1'],
    ['1.25', 'v1.2.1', 'v1.2.1'],
    ['1.26', 'v1.3.0', 'v1.3.0'],
    ['1.27', 'v1.3.0', 'v1.3.0'],
    ['1.28', 'v1.4.1', 'v1.4.1'],
    ['1.29', 'v1.4.1', 'v1.4.1'],
  ])('Istio %s ships Gateway API %s → target release %s', (minor, module, release) => {
    expect(istioRelease(minor)?.gatewayApi.newestPatch.gatewayApi).toBe(module);
    expect(gatewayApiReleaseOfIstio(minor)).toBe(release);
    expect(RELEASES).toContain(release);
  });

  it('knows no Gateway API release for an unknown Istio minor', () => {
    expect(gatewayApiReleaseOfIstio('1.30')).toBeUndefined();
  });

  it.each([
    ['1.22', 'HTTPRoute', 'stable'],
    ['1.22', 'GRPCRoute', 'stable'],
    ['1.22', 'TLSRoute', 'alpha'],
    ['1.29', 'TCPRoute', 'alpha'],
    ['1.25', 'BackendTLSPolicy', 'none'],
    ['1.26', 'BackendTLSPolicy', 'alpha'],
    ['1.27', 'BackendTLSPolicy', 'alpha'],
    ['1.28', 'BackendTLSPolicy', 'stable'],
    ['1.26', 'XListenerSet', 'none'],
    ['1.27', 'XListenerSet', 'alpha'],
    ['1.29', 'ListenerSet', 'none'],
  ])('Istio %s translates %s: %s', (minor, kind, support) => {
    expect(istioGatewayApiKindSupport(minor, kind)).toBe(support);
  });

  it('serves networking.istio.io v1 in every release, stored as v1 from 1.27', () => {
    for (const f of ISTIO_RELEASE_FACTS) {
      expect(f.networking.served).toContain('v1');
      expect(f.networking.storage).toBe(compareIstioMinors(f.minor, '1.27') >= 0 ? 'v1' : 'v1beta1');
    }
  });

  it('compares minors as numbers', () => {
    expect(compareIstioMinors('1.9', '1.22')).toBeLessThan(0);
    expect(compareIstioMinors('1.29', '1.29')).toBe(0);
  });
});

describe('Istio field and behaviour tables', () => {
  it('dates every field after 1.22, within the known releases, with a source', () => {
    for (const f of ISTIO_FIELD_INTROS) {
      expect(ISTIO_RELEASES).toContain(f.since);
      expect(compareIstioMinors(f.since, '1.22')).toBeGreaterThan(0);
      expect(f.source).not.toBe('');
    }
  });

  it.each([
    ['1.22', [503]],
    ['1.23', [503]],
    ['1.24', []],
    ['1.29', []],
    [null, []],
  ])('retries a 503 by default on Istio %s: %j', (minor, codes) => {
    expect(istioDefaultRetriableCodes(minor)).toEqual(codes);
  });

  it('lists the changes in effect at a release', () => {
    expect(istioBehaviourAt('1.23').map((c) => c.since)).toEqual(['1.22']);
    expect(istioBehaviourAt('1.24').some((c) => c.flag?.startsWith('EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY'))).toBe(true);
    expect(istioBehaviourAt(null)).toHaveLength(ISTIO_BEHAVIOUR_CHANGES.length);
  });

  it('documents its diagnostic codes in the README', () => {
    for (const code of ISTIO_RELEASE_CODES) expect(readme).toContain(`\`${code}\``);
  });
});
