/**
 * Istio defaults that flipped between 1.22 and 1.29 and touch what the simulator models (routing,
 * retries, mirroring, DestinationRule/ServiceEntry/Sidecar resolution). Recorded for the simulator
 * to cite; nothing here changes it. Each change names the istiod environment variable that reverts
 * it (istio/istio pilot/pkg/features at the tag; manifests/helm-profiles/compatibility-version-1.x.yaml
 * lists the same flags as "1.x behavioral changes") and the release note that announced it.
 */
import { compareIstioMinors, type IstioMinor } from './istio-releases.js';

export interface IstioBehaviourChange {
  readonly since: IstioMinor;
  /** The istiod variable that restores the old behaviour (null: none; `removed in 1.x` when the flag is gone). */
  readonly flag: string | null;
  readonly topic: 'retries' | 'mirror' | 'destination-rule' | 'service-entry' | 'sidecar-scope' | 'virtual-host' | 'gateway-api';
  readonly before: string;
  readonly after: string;
  readonly source: string;
}

export const ISTIO_BEHAVIOUR_CHANGES: readonly IstioBehaviourChange[] = [
  {
    since: '1.22',
    flag: 'ENABLE_RESOLUTION_NONE_TARGET_PORT=false (flag removed in 1.25)',
    topic: 'service-entry',
    before: 'a ServiceEntry with resolution NONE ignores targetPort',
    after: 'resolution NONE sends to targetPort when set (e.g. port 80 → targetPort 443 for TLS origination)',
    source: 'releasenotes/notes/targetPort-service-entry.yaml (1.22.0); compatibility-version-1.21.yaml',
  },
  {
    since: '1.24',
    flag: 'EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY=false (flag removed in 1.27: 503 is never in the default)',
    topic: 'retries',
    before: 'default retry policy (no retries set): 2 retries on connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes with retriable status 503',
    after: 'same conditions but no retriable status code: a 503 answer is not retried by default; a policy without retryOn keeps that empty list',
    source: 'releasenotes/notes/50506.yaml (1.24.0); pilot/pkg/networking/core/route/retry/retry.go defaultPolicy at 1.23.0, 1.24.0, 1.29.0',
  },
  {
    since: '1.24',
    flag: 'ENABLE_INBOUND_RETRY_POLICY=false (flag removed in 1.27)',
    topic: 'retries',
    before: 'inbound (server-side sidecar) routes have no retry policy',
    after: 'inbound routes retry requests reset before the application saw them (reset-before-request)',
    source: 'releasenotes/notes/52055.yaml (1.24.0); compatibility-version-1.23.yaml',
  },
  {
    since: '1.24',
    flag: 'ENABLE_ENHANCED_DESTINATIONRULE_MERGE=false',
    topic: 'destination-rule',
    before: 'DestinationRules for the same host are merged whatever their exportTo',
    after: 'DestinationRules for the same host whose exportTo differ entirely are not merged',
    source: 'releasenotes/notes/52519.yaml (1.24.0)',
  },
  {
    since: '1.24',
    flag: 'PILOT_UNIFIED_SIDECAR_SCOPE=false',
    topic: 'sidecar-scope',
    before: 'conflicts between services with the same hostname resolved differently with and without a Sidecar resource',
    after: 'one conflict resolution whether or not a Sidecar exists',
    source: 'releasenotes/notes/sidecar-scope-unit.yaml (1.24.0, upgrade note "Sidecar scoping changes")',
  },
  {
    since: '1.24',
    flag: 'PREFER_DESTINATIONRULE_TLS_FOR_EXTERNAL_SERVICES=false',
    topic: 'destination-rule',
    before: 'MESH_EXTERNAL services use workload-metadata certificates',
    after: 'MESH_EXTERNAL services use the DestinationRule TLS certificates',
    source: 'releasenotes/notes/52597.yaml (1.24.0)',
  },
  {
    since: '1.25',
    flag: 'PILOT_ENABLE_IP_AUTOALLOCATE=false',
    topic: 'service-entry',
    before: 'ServiceEntries without addresses get no allocated VIP from istiod',
    after: 'istiod allocates a VIP (status.addresses, 240.240.0.0/16) to ServiceEntries without spec.addresses',
    source: 'releasenotes/notes/ip-allocation-v2-default.yaml (1.25.0); compatibility-version-1.24.yaml',
  },
  {
    since: '1.27',
    flag: 'PILOT_ENABLE_ABSOLUTE_FQDN_VHOST_DOMAIN=false',
    topic: 'virtual-host',
    before: 'virtual hosts list the host names without a trailing dot',
    after: 'virtual hosts also match the absolute name with a trailing dot (`reviews.default.svc.cluster.local.`)',
    source: 'pilot/pkg/features at 1.27.0 (new, default true)',
  },
  {
    since: '1.28',
    flag: 'DISABLE_SHADOW_HOST_SUFFIX=false',
    topic: 'mirror',
    before: 'a mirrored request carries Host/:authority with the `-shadow` suffix (Envoy default)',
    after: 'the mirrored request keeps the original Host',
    source: 'releasenotes/notes/57530.yaml (1.28.0); pilot/pkg/networking/core/route/route.go DisableShadowHostSuffixAppend; compatibility-version-1.27.yaml',
  },
  {
    since: '1.28',
    flag: null,
    topic: 'gateway-api',
    before: 'BackendTLSPolicy (v1alpha3) read only with PILOT_ENABLE_ALPHA_GATEWAY_API=true',
    after: 'BackendTLSPolicy v1 read by default; v1alpha3 no longer read; sectionName and ServiceEntry targets supported',
    source: 'releasenotes/notes/gtw-140.yaml, backend-tls-policy-section-name.yaml, backend-tls-policy-serviceentry-support.yaml (1.28.0)',
  },
];

/** The changes in effect at an Istio minor (null = the newest: all of them). */
export function istioBehaviourAt(minor: string | null): IstioBehaviourChange[] {
  return ISTIO_BEHAVIOUR_CHANGES.filter((c) => minor === null || compareIstioMinors(c.since, minor) <= 0);
}

/** Istio's default retriable status codes at a minor (null = newest): [503] before 1.24, none from 1.24. */
export function istioDefaultRetriableCodes(minor: string | null): number[] {
  return minor !== null && compareIstioMinors(minor, '1.24') < 0 ? [503] : [];
}
