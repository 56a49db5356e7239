import { describe, expect, it } from 'vitest';
import { CONFORMANCE, featureInfo, featureStatus, implementations, profileCoreFeatures, reportFor, reportsFor, type FeatureStatus } from './reports.js';

describe('the committed conformance data', () => {
  it('records its source and has the expected shape', () => {
    expect(CONFORMANCE.source.repo).toBe('kubernetes-sigs/gateway-api');
    expect(CONFORMANCE.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Number.isNaN(Date.parse(CONFORMANCE.source.date))).toBe(false);
    expect(CONFORMANCE.catalogue.length).toBeGreaterThan(50);
    expect(CONFORMANCE.names.length).toBeGreaterThanOrEqual(CONFORMANCE.catalogue.length);
    expect(new Set(CONFORMANCE.names).size).toBe(CONFORMANCE.names.length);
    expect(CONFORMANCE.reports.length).toBeGreaterThan(150);
    for (const r of CONFORMANCE.reports) {
      expect(r.folder, r.file).toMatch(/^v\d+\.\d+(\.\d+)?$/);
      expect(r.project, r.file).not.toBe('');
      expect(r.profiles.length, r.file).toBeGreaterThan(0);
      for (const p of r.profiles) {
        for (const i of [...p.supported, ...p.unsupported]) expect(CONFORMANCE.names[i], `${r.file} ${p.name}`).toBeDefined();
      }
    }
    for (const ids of Object.values(CONFORMANCE.profileCore)) for (const i of ids) expect(i).toBeLessThan(CONFORMANCE.catalogue.length);
    for (const s of CONFORMANCE.skipped) expect(s.why).not.toBe('');
  });

  it('knows the implementations of the published reports', () => {
    const projects = implementations().map((i) => i.project);
    for (const p of ['istio', 'envoy-gateway', 'cilium', 'nginx-gateway-fabric', 'gke-gateway', 'kgateway', 'traefik', 'kong-operator', 'microgateway', 'agentgateway', 'aws-load-balancer-controller', 'higress', 'gravitee-kubernetes-operator']) {
      expect(projects).toContain(p);
    }
  });
});

describe('featureStatus: facts of the published reports', () => {
  it.each<[string, string, string, FeatureStatus]>([
    // conformance/reports/v1.6/envoy-gateway/experimental-v1.9.0-default-report.yaml
    ['envoy-gateway', 'v1.9.0', 'HTTPRouteRetryConnectionError', 'supported'],
    ['envoy-gateway', 'v1.9.0', 'GatewayHTTPSListenerDetectMisdirectedRequests', 'unsupported'],
    // v1.6/nginx-nginx-gateway-fabric
    ['nginx-gateway-fabric', 'v2.7.0-pre-release', 'HTTPRouteRequestMirror', 'supported'],
    ['nginx-gateway-fabric', 'v2.7.0-pre-release', 'HTTPRouteBackendTimeout', 'unsupported'],
    // v1.5/istio-istio
    ['istio', '1.30.1', 'MeshHTTPRouteQueryParamMatching', 'supported'],
    ['istio', '1.30.1', 'MeshClusterIPMatching', 'unsupported'],
    // v1.6/cilium
    ['cilium', 'v1.20.0', 'MeshClusterIPMatching', 'supported'],
    ['cilium', 'v1.20.0', 'HTTPRouteParentRefPort', 'unsupported'],
    // v1.6/gke-gateway
    ['gke-gateway', '1.36.2-gke.2154000', 'HTTPRouteRequestPercentageMirror', 'supported'],
    ['gke-gateway', '1.36.2-gke.2154000', 'HTTPRouteRequestMultipleMirrors', 'unsupported'],
    // v1.4.0/kgateway (GatewayPort8080 unsupported in every profile)
    ['kgateway', 'v2.1.0', 'HTTPRouteQueryParamMatching', 'supported'],
    ['kgateway', 'v2.1.0', 'GatewayPort8080', 'unsupported'],
    // v1.6/traefik-traefik
    ['traefik', 'v3.7.10', 'HTTPRouteQueryParamMatching', 'supported'],
    ['traefik', 'v3.7.10', 'HTTPRouteRequestMirror', 'unsupported'],
    // v1.6/kong-operator
    ['kong-operator', 'v2.3.0-rc.3', 'HTTPRouteBackendTimeout', 'supported'],
    ['kong-operator', 'v2.3.0-rc.3', 'HTTPRouteCORS', 'unsupported'],
    // v1.6/aws-load-balancer-controller: core tests partial, so its core features are not claimed
    ['aws-load-balancer-controller', 'v3.5.0', 'HTTPRouteParentRefPort', 'supported'],
    ['aws-load-balancer-controller', 'v3.5.0', 'GatewayPort8080', 'unsupported'],
    ['aws-load-balancer-controller', 'v3.5.0', 'HTTPRoute', 'unreported'],
    // v1.6/higress-group-higress: a core-only run; its core features follow from the profile
    ['higress', 'v2.2.4', 'HTTPRoute', 'supported'],
    ['higress', 'v2.2.4', 'ReferenceGrant', 'supported'],
    ['higress', 'v2.2.4', 'HTTPRouteQueryParamMatching', 'unreported'],
    // v1.6/agentgateway-agentgateway
    ['agentgateway', 'v1.3.1', 'HTTPRouteRetry', 'supported'],
    // v0.7.1/cilium: the pre-v1.1 profile names HTTP and TLS (core passed: their core features
    // follow), no MESH profile, and a feature name pkg/features no longer has
    ['cilium', 'v1.14.0', 'HTTPRoute', 'supported'],
    ['cilium', 'v1.14.0', 'TLSRoute', 'supported'],
    ['cilium', 'v1.14.0', 'Mesh', 'unreported'],
    ['cilium', 'v1.14.0', 'HTTPResponseHeaderModification', 'supported'],
  ])('%s %s: %s is %s', (project, version, feature, status) => {
    const report = reportFor(project, version);
    expect(report, `${project} ${version}`).toBeDefined();
    if (report) expect(featureStatus(report, feature)).toBe(status);
  });

  it('orders reports newest gateway-api version first and picks the newest', () => {
    const folders = reportsFor('envoy-gateway').map((r) => r.folder);
    expect(folders[0]).toBe('v1.6');
    expect(folders.at(-1)).toMatch(/^v0\./);
    expect(reportFor('envoy-gateway')?.version).toBe('v1.9.0');
    expect(reportFor('no-such-implementation')).toBeUndefined();
  });
});

describe('catalogue lookups', () => {
  it.each([
    ['HTTPRouteQueryParamMatching', { level: 'extended', channel: 'standard' }],
    ['HTTPRouteRetry', { level: 'extended', channel: 'experimental' }],
    ['Gateway', { level: 'core', channel: 'standard' }],
  ])('%s', (name, expected) => {
    expect(featureInfo(name)).toMatchObject(expected);
  });

  it('has no entry for a name only old reports use', () => {
    expect(featureInfo('HTTPResponseHeaderModification')).toBeUndefined();
  });

  it.each([
    ['GATEWAY-HTTP', ['Gateway', 'ReferenceGrant', 'HTTPRoute']],
    ['MESH-HTTP', ['Mesh', 'HTTPRoute']],
    ['HTTP', ['Gateway', 'ReferenceGrant', 'HTTPRoute']],
    ['MESH', ['Mesh']],
    ['NO-SUCH-PROFILE', []],
  ])('profile %s requires %j', (profile, core) => {
    expect([...profileCoreFeatures(profile)].sort()).toEqual([...core].sort());
  });
});
