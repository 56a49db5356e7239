import { describe, expect, it } from 'vitest';
import { featureConstants, parseFeatures, parseProfileCores, parseReport } from './gen-conformance-parse.js';

// Tiny reports in each format the published reports use (conformance/reports/<version>/…).
const V071 = `apiVersion: gateway.networking.k8s.io/v1alpha1
date: "2023-08-06T12:21:32+10:00"
gatewayAPIVersion: v0.7.1
implementation: {organization: acme, project: acme-gw, version: v1.0.0}
kind: ConformanceReport
profiles:
  - name: HTTP
    core: {result: success, summary: ""}
    extended: {result: success, supportedFeatures: [HTTPResponseHeaderModification, HTTPRouteQueryParamMatching]}
`;
const V11_STATUS = `apiVersion: gateway.networking.k8s.io/v1alpha1
date: 2024-05-01T10:00:00Z
gatewayAPIChannel: standard
gatewayAPIVersion: v1.1.0
implementation: {organization: acme, project: acme-gw, version: 2}
kind: ConformanceReport
mode: default
profiles:
  - name: GATEWAY-HTTP
    core: {result: partial, failedTests: [X]}
    extended: {status: success, supportedFeatures: [GatewayPort8080], unsupportedFeatures: [HTTPRouteRequestMirror]}
`;
const V16 = `apiVersion: gateway.networking.k8s.io/v1
date: "2026-08-18T14:04:23+02:00"
gatewayAPIChannel: experimental
gatewayAPIVersion: v1.6.1
implementation: {organization: acme, project: acme-gw, version: v3.0.0}
kind: ConformanceReport
mode: gateway-namespace-mode
profiles:
- name: GATEWAY-HTTP
  core: {result: success}
  extended: {result: success, supportedFeatures: [HTTPRouteRetry], unsupportedFeatures: [HTTPRouteCORS]}
- name: MESH-GRPC
  core: {result: success}
succeededProvisionalTests: [Y]
`;

describe('parseReport', () => {
  it.each([
    ['v0.7.1 (v1alpha1, no channel or mode, supportedFeatures only)', V071, {
      apiVersion: 'gateway.networking.k8s.io/v1alpha1', version: 'v1.0.0', date: '2023-08-06T12:21:32+10:00', mode: null, gatewayAPIChannel: null, gatewayAPIVersion: 'v0.7.1',
      profiles: [{ name: 'HTTP', core: 'success', extended: 'success', supported: ['HTTPResponseHeaderModification', 'HTTPRouteQueryParamMatching'], unsupported: [] }],
    }],
    ['v1.1.0 (extended.status instead of result, unquoted date, numeric version)', V11_STATUS, {
      apiVersion: 'gateway.networking.k8s.io/v1alpha1', version: '2', date: '2024-05-01T10:00:00.000Z', mode: 'default', gatewayAPIChannel: 'standard', gatewayAPIVersion: 'v1.1.0',
      profiles: [{ name: 'GATEWAY-HTTP', core: 'partial', extended: 'success', supported: ['GatewayPort8080'], unsupported: ['HTTPRouteRequestMirror'] }],
    }],
    ['v1.6 (v1, a core-only profile without extended)', V16, {
      apiVersion: 'gateway.networking.k8s.io/v1', version: 'v3.0.0', date: '2026-08-18T14:04:23+02:00', mode: 'gateway-namespace-mode', gatewayAPIChannel: 'experimental', gatewayAPIVersion: 'v1.6.1',
      profiles: [
        { name: 'GATEWAY-HTTP', core: 'success', extended: 'success', supported: ['HTTPRouteRetry'], unsupported: ['HTTPRouteCORS'] },
        { name: 'MESH-GRPC', core: 'success', extended: null, supported: [], unsupported: [] },
      ],
    }],
  ])('%s', (_, text, expected) => {
    const parsed = parseReport('v9', 'acme/r.yaml', text);
    expect(parsed).toEqual({ ok: true, report: { folder: 'v9', file: 'acme/r.yaml', organization: 'acme', project: 'acme-gw', ...expected } });
  });

  it.each([
    ['the v0.7.1 draft with profileReports', 'kind: ConformanceReport\nimplementation: {project: p}\nprofileReports: []\n', 'draft format (profileReports), no profiles[]'],
    ['another kind', 'kind: Gateway\n', 'kind is "Gateway", not ConformanceReport'],
    ['a list', '- a\n', 'not a YAML mapping'],
    ['no project', 'kind: ConformanceReport\nprofiles: []\n', 'no implementation.project'],
    ['a nameless profile', 'kind: ConformanceReport\nimplementation: {project: p}\nprofiles: [{core: {result: success}}]\n', 'a profile without a name'],
  ])('skips %s, saying why', (_, text, why) => {
    expect(parseReport('v1', 'x/y.yaml', text)).toEqual({ ok: false, why });
  });

  it('skips broken YAML with the parser’s first line', () => {
    const parsed = parseReport('v1', 'x/y.yaml', 'kind: [\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.why.startsWith('YAML error: ')).toBe(true);
  });
});

const GO = `package features
const (
	// This option indicates support for A.
	SupportA FeatureName = "A"
	// SupportB option indicates
	// support for B.
	SupportB = "B"
)
var AFeature = Feature{
	Name:    SupportA,
	Channel: FeatureChannelStandard,
}
var (
	BFeature = Feature{
		Name:    SupportB,
		Channel: FeatureChannelExperimental,
	}
)
var ACoreFeatures = sets.New(
	AFeature,
)
var AExtendedFeatures = sets.New(BFeature)
`;

describe('parseFeatures and parseProfileCores', () => {
  it('reads each feature’s name, level (from its set), channel and doc comment', () => {
    expect(parseFeatures([{ file: 'a.go', text: GO }])).toEqual([
      { name: 'A', level: 'core', channel: 'standard', set: 'ACoreFeatures', doc: 'This option indicates support for A.' },
      { name: 'B', level: 'extended', channel: 'experimental', set: 'AExtendedFeatures', doc: 'SupportB option indicates support for B.' },
    ]);
  });

  it('refuses a constant without a Feature{} value (the format changed: the generator must be updated)', () => {
    expect(() => parseFeatures([{ file: 'a.go', text: `${GO}\nconst (\n\tSupportC FeatureName = "C"\n)\n` }])).toThrow(/SupportC/);
  });

  it('reads each profile’s core features by their constants', () => {
    const profiles = `const (
	PHTTPConformanceProfileName ConformanceProfileName = "P-HTTP"
)
	P = ConformanceProfile{
		Name: PHTTPConformanceProfileName,
		CoreFeatures: sets.New[features.FeatureName](
			features.SupportA,
			features.SupportB,
		),
	}`;
    expect(parseProfileCores(profiles, featureConstants([{ file: 'a.go', text: GO }]))).toEqual({ 'P-HTTP': ['A', 'B'] });
  });
});
