import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET, describeTarget, formatTarget, parseTarget, parseTargetSpec, NEWEST_RELEASE } from './target.js';

const ok = (text: string) => {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error);
  return r.target;
};

describe('parseTarget', () => {
  it('reads nothing as the default: the newest release, experimental, no implementation', () => {
    expect(ok('')).toEqual(DEFAULT_TARGET);
    expect(DEFAULT_TARGET.release).toBe(NEWEST_RELEASE);
    expect(formatTarget(DEFAULT_TARGET)).toBe('');
  });

  it.each<[string, string, string, string | null, string | null]>([
    // [text, release, channel, project@report version, istio]
    ['gateway-api=v1.5,channel=standard,implementation=cilium@1.20', 'v1.5.1', 'standard', 'cilium@v1.20.0', null],
    ['gateway-api=1.2.0', 'v1.2.0', 'experimental', null, null],
    ['implementation=cilium@v1.20', NEWEST_RELEASE, 'experimental', 'cilium@v1.20.0', null],
    ['implementation=envoy-gateway', NEWEST_RELEASE, 'experimental', 'envoy-gateway@v1.9.0', null],
    // The newest report is the newest release folder's (v1.6: v1.3.1), not the highest version string (v2.2.0-alpha.1 in v1.4.0).
    ['implementation=agentgateway', NEWEST_RELEASE, 'experimental', 'agentgateway@v1.3.1', null],
    // Istio has no 1.29 report: the newest before it (1.28) judges it.
    ['implementation=istio@1.29', NEWEST_RELEASE, 'experimental', 'istio@1.28', null],
    ['implementation=istio@1.24, istio=1.24', NEWEST_RELEASE, 'experimental', 'istio@1.24', '1.24'],
    ['istio=1.27.3', NEWEST_RELEASE, 'experimental', null, '1.27'],
  ])('%s', (text, release, channel, impl, istio) => {
    const t = ok(text);
    expect(t.release).toBe(release);
    expect(t.channel).toBe(channel);
    expect(t.implementation ? `${t.implementation.project}@${t.implementation.report.version}` : null).toBe(impl);
    expect(t.istio).toBe(istio);
  });

  it('picks the report of the asked channel when the release published both', () => {
    expect(ok('channel=standard,implementation=cilium@1.20').implementation?.report.channel).toBe('standard');
    expect(ok('channel=experimental,implementation=cilium@1.20').implementation?.report.channel).toBe('experimental');
    expect(ok('implementation=envoy-gateway@1.9').implementation?.report.mode).toBe('default');
  });

  it.each<[string, RegExp]>([
    ['gateway-api=v0.8', /no Gateway API release v0\.8 is known: v1\.2, .*v1\.6/],
    ['channel=beta', /channel must be standard or experimental, not beta/],
    ['implementation=nosuch', /no conformance report names the implementation "nosuch"; known: .*cilium/],
    ['implementation=cilium@1.2', /cilium has no report for 1\.2 or an earlier release/],
    ['implementation=cilium@', /has no version after @/],
    ["implementation=cilium@1.20'x", /implementation version "1\.20'x" may hold only letters, digits/],
    ['implementation=cilium@v1.20/x', /implementation version "v1\.20\/x" may hold only/],
    ['implementation=cilium@1.20 x', /implementation version "1\.20 x" may hold only/],
    ["implementation=cili'um", /implementation name "cili'um" may hold only letters, digits, spaces/],
    ['implementation=cilium;rm', /implementation name "cilium;rm" may hold only/],
    ['implementation=@1.20', /implementation name "" may hold only/],
    ['istio=1.18', /no Istio release 1\.18 is known: 1\.22, .*1\.29/],
    ['color=red', /unknown target part "color"/],
    ['channel', /has no value/],
    ['channel=standard,channel=experimental', /given twice/],
  ])('refuses %s', (text, error) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it.each([
    ['implementation=Alibaba Cloud Service Mesh', 'Alibaba Cloud Service Mesh'],
    ['implementation=cilium@v1.20', 'cilium'],
    ['implementation=cilium@1.20.0+build.1', 'cilium'],
  ])('accepts the plain words of a project and version: %s', (text, project) => {
    expect(ok(text).implementation?.project).toBe(project);
  });

  it('round-trips through formatTarget', () => {
    for (const text of ['gateway-api=v1.5.1,channel=standard,implementation=cilium@1.20', 'implementation=istio,istio=1.26', 'gateway-api=v1.3.0']) {
      expect(formatTarget(ok(text))).toBe(text);
      expect(parseTargetSpec(formatTarget(ok(text))).ok).toBe(true);
    }
    expect(describeTarget(ok('gateway-api=v1.5,channel=standard,implementation=cilium@1.20'))).toBe('Gateway API v1.5.1 standard · cilium v1.20.0');
  });
});
