/**
 * Istio API fields and values added in 1.23 … 1.29, in the networking kinds Route Designer reads
 * (resources/kinds.ts: VirtualService, DestinationRule, Gateway, ServiceEntry). A design that uses
 * one on an older Istio target meets an API server (or istiod webhook) that does not know it.
 *
 * Written from the difference of istio/api kubernetes/customresourcedefinitions.gen.yaml between
 * consecutive x.y.0 tags (1.22.0 … 1.29.0; every field was added to v1, v1beta1 and v1alpha3 at
 * once, and no patch release changed a schema), and, for values checked by istiod's webhook rather
 * than the CRD, istio/istio pkg/config/validation/validation.go at those tags. The release note
 * that announced each change is named beside it (istio/istio releasenotes/notes/…).
 * Nothing was added to these kinds at 1.22 itself (1.21.0 → 1.22.0 only added the v1 version).
 */
import type { IstioMinor } from './istio-releases.js';

export type IstioFieldKind = 'VirtualService' | 'DestinationRule' | 'Gateway' | 'ServiceEntry';

export interface IstioFieldIntro {
  readonly kind: IstioFieldKind;
  /** Path below the object, `[]` for every item of a list (`spec.http[].retries.backoff`). */
  readonly path: string;
  /** Only this value: the field's whole value (an enum), or one item of a comma-separated list. */
  readonly value?: { readonly text: string; readonly in: 'whole' | 'comma-list' };
  readonly since: IstioMinor;
  /** What the field is, for the message. */
  readonly what: string;
  readonly source: string;
}

const CRD = 'istio/api kubernetes/customresourcedefinitions.gen.yaml';

/** A DestinationRule's traffic policy sits at four places; a policy field is added at each. */
const POLICY_SITES = ['spec.trafficPolicy', 'spec.trafficPolicy.portLevelSettings[]', 'spec.subsets[].trafficPolicy', 'spec.subsets[].trafficPolicy.portLevelSettings[]'];
const TOP_POLICY_SITES = ['spec.trafficPolicy', 'spec.subsets[].trafficPolicy'];

const atPolicies = (sites: readonly string[], rest: string, since: IstioMinor, what: string, source: string): IstioFieldIntro[] =>
  sites.map((site) => ({ kind: 'DestinationRule', path: `${site}.${rest}`, since, what, source }));

export const ISTIO_FIELD_INTROS: readonly IstioFieldIntro[] = [
  // 1.23 — notes 50452.yaml (CORS preflight of a not-allowed origin); CRD 1.22.0 → 1.23.0.
  { kind: 'VirtualService', path: 'spec.http[].corsPolicy.unmatchedPreflights', since: '1.23', what: 'CORS unmatchedPreflights', source: `${CRD} 1.22.0→1.23.0` },
  // 1.23 — notes reset-before-request.yaml ("the new reset-before-request retry policy added in Envoy
  // 1.31"); validation.go supportedRetryOnPolicies gains reset-before-request and http3-post-connect-failure.
  { kind: 'VirtualService', path: 'spec.http[].retries.retryOn', value: { text: 'reset-before-request', in: 'comma-list' }, since: '1.23', what: 'retryOn condition reset-before-request', source: 'istio/istio pkg/config/validation/validation.go 1.22.0→1.23.0' },
  { kind: 'VirtualService', path: 'spec.http[].retries.retryOn', value: { text: 'http3-post-connect-failure', in: 'comma-list' }, since: '1.23', what: 'retryOn condition http3-post-connect-failure', source: 'istio/istio pkg/config/validation/validation.go 1.22.0→1.23.0' },
  // 1.24 — notes 3215.yaml ("warmup configuration in DestinationRule's LB trafficPolicy").
  ...atPolicies(POLICY_SITES, 'loadBalancer.warmup', '1.24', 'load balancer warmup', `${CRD} 1.23.0→1.24.0`),
  // 1.26 — notes retry_backoff.yaml, retry-hosts.yaml.
  { kind: 'VirtualService', path: 'spec.http[].retries.backoff', since: '1.26', what: 'retry backoff', source: `${CRD} 1.25.0→1.26.0` },
  { kind: 'VirtualService', path: 'spec.http[].retries.retryIgnorePreviousHosts', since: '1.26', what: 'retryIgnorePreviousHosts', source: `${CRD} 1.25.0→1.26.0` },
  // The 1.26 CRDs already have these two, but istiod reads them only from 1.27 (pilot/pkg/networking/core
  // listener.go, validation.go first use TlsCertificates / CredentialNames at 1.27.0; notes
  // 36181-gateway-rsa-ecdsa.yaml: "multiple server certificates in gateway"): 1.26 accepts and ignores them.
  { kind: 'Gateway', path: 'spec.servers[].tls.credentialNames', since: '1.27', what: 'TLS credentialNames (several certificates)', source: `${CRD} 1.25.0→1.26.0; istiod reads it from 1.27.0` },
  { kind: 'Gateway', path: 'spec.servers[].tls.tlsCertificates', since: '1.27', what: 'TLS tlsCertificates (several certificates)', source: `${CRD} 1.25.0→1.26.0; istiod reads it from 1.27.0` },
  // 1.27 — notes retry-budget.yaml ("retry budget in the DestinationRule"); not in portLevelSettings.
  ...atPolicies(TOP_POLICY_SITES, 'retryBudget', '1.27', 'retry budget', `${CRD} 1.26.0→1.27.0`),
  // 1.28 — cookie attributes of consistent-hash httpCookie.
  ...atPolicies(POLICY_SITES, 'loadBalancer.consistentHash.httpCookie.attributes', '1.28', 'httpCookie attributes', `${CRD} 1.27.0→1.28.0`),
  { kind: 'Gateway', path: 'spec.servers[].tls.caCertCredentialName', since: '1.28', what: 'TLS caCertCredentialName', source: `${CRD} 1.27.0→1.28.0` },
  // 1.28 — notes se-wildcard-host.yaml ("wildcard hosts in ServiceEntries with DYNAMIC_DNS resolution"); the enum gains DYNAMIC_DNS.
  { kind: 'ServiceEntry', path: 'spec.resolution', value: { text: 'DYNAMIC_DNS', in: 'whole' }, since: '1.28', what: 'resolution DYNAMIC_DNS', source: `${CRD} 1.27.0→1.28.0` },
];
