import { gatewayAddressHostnameInvalid } from './gateway-address-hostname-invalid.js';
import { gatewayAddressHostnameUnique } from './gateway-address-hostname-unique.js';
import { gatewayAddressIPUnique } from './gateway-address-ip-unique.js';
import { gatewayInfrastructureAnnotationKeyInvalid } from './gateway-infrastructure-annotation-key-invalid.js';
import { gatewayInfrastructureAnnotationKeyPrefixTooLong } from './gateway-infrastructure-annotation-key-prefix-too-long.js';
import { gatewayInfrastructureLabelKeyInvalid } from './gateway-infrastructure-label-key-invalid.js';
import { gatewayInfrastructureLabelKeyPrefixTooLong } from './gateway-infrastructure-label-key-prefix-too-long.js';
import { gatewayListenerHostnameForbidden } from './gateway-listener-hostname-forbidden.js';
import { gatewayListenerHTTPSModeNotTerminate } from './gateway-listener-https-mode-not-terminate.js';
import { gatewayListenerNameUnique } from './gateway-listener-name-unique.js';
import { gatewayListenerPortProtocolHostnameUnique } from './gateway-listener-port-protocol-hostname-unique.js';
import { gatewayListenerTLSCertificateRequired } from './gateway-listener-tls-certificate-required.js';
import { gatewayListenerTLSForbidden } from './gateway-listener-tls-forbidden.js';
import { gatewayListenerTLSModeRequired } from './gateway-listener-tls-mode-required.js';
import { gatewayStatusAddressHostnameInvalid } from './gateway-status-address-hostname-invalid.js';
import { gatewayTLSPerPortUnique } from './gateway-tls-per-port-unique.js';
import { backendTLSPolicySubjectAltNameHostnameForbidden } from './backendtlspolicy-subject-alt-name-hostname-forbidden.js';
import { backendTLSPolicySubjectAltNameHostnameMissing } from './backendtlspolicy-subject-alt-name-hostname-missing.js';
import { backendTLSPolicySubjectAltNameURIForbidden } from './backendtlspolicy-subject-alt-name-uri-forbidden.js';
import { backendTLSPolicySubjectAltNameURIMissing } from './backendtlspolicy-subject-alt-name-uri-missing.js';
import { backendTLSPolicyTargetRefSectionNameRequired } from './backendtlspolicy-target-ref-section-name-required.js';
import { backendTLSPolicyTargetRefSectionNameUnique } from './backendtlspolicy-target-ref-section-name-unique.js';
import { backendTLSPolicyValidationCABothSet } from './backendtlspolicy-validation-ca-both-set.js';
import { backendTLSPolicyValidationCAMissing } from './backendtlspolicy-validation-ca-missing.js';
import { routeBackendRefPortRequired } from './route-backend-ref-port-required.js';
import { routeMatchesTotalTooMany } from './route-matches-total-too-many.js';
import { routeParentRefSectionNameOrPortRequired, routeParentRefSectionNameRequired } from './route-parent-ref-section-name-required.js';
import { routeParentRefSectionNameOrPortUnique, routeParentRefSectionNameUnique } from './route-parent-ref-section-name-unique.js';
import { routeRuleNameUnique } from './route-rule-name-unique.js';
import { routeSessionPersistenceAbsoluteTimeoutRequired } from './route-session-persistence-absolute-timeout-required.js';
import { routeSessionPersistenceCookieConfigNotCookie } from './route-session-persistence-cookie-config-not-cookie.js';
import { httpRouteExternalAuthBackendRefPortRequired } from './httproute-external-auth-backend-ref-port-required.js';
import { httpRouteExternalAuthGRPCMissing, httpRouteExternalAuthHTTPMissing, httpRouteExternalAuthProtocolNotGRPC, httpRouteExternalAuthProtocolNotHTTP } from './httproute-external-auth-protocol.js';
import { httpRouteBackendRedirectPrefixMatchNeedsOnePathPrefix } from './httproute-backend-redirect-prefix-match-needs-one-path-prefix.js';
import { httpRouteBackendRewritePrefixMatchNeedsOnePathPrefix } from './httproute-backend-rewrite-prefix-match-needs-one-path-prefix.js';
import { httpRouteCORSAllowHeadersWildcardNotAlone } from './httproute-cors-allow-headers-wildcard-not-alone.js';
import { httpRouteCORSAllowMethodsWildcardNotAlone } from './httproute-cors-allow-methods-wildcard-not-alone.js';
import { httpRouteCORSAllowOriginsWildcardNotAlone } from './httproute-cors-allow-origins-wildcard-not-alone.js';
import { httpRouteFilterCORSRepeated } from './httproute-filter-cors-repeated.js';
import { httpRouteFilterRedirectAndRewrite } from './httproute-filter-redirect-and-rewrite.js';
import { httpRouteFilterRequestRedirectRepeated } from './httproute-filter-request-redirect-repeated.js';
import { httpRouteFilterURLRewriteRepeated } from './httproute-filter-url-rewrite-repeated.js';
import { httpRoutePathModifierReplaceFullPathMissing } from './httproute-path-modifier-replace-full-path-missing.js';
import { httpRoutePathModifierReplacePrefixMatchMissing } from './httproute-path-modifier-replace-prefix-match-missing.js';
import { httpRoutePathModifierTypeNotReplaceFullPath } from './httproute-path-modifier-type-not-replace-full-path.js';
import { httpRoutePathModifierTypeNotReplacePrefixMatch } from './httproute-path-modifier-type-not-replace-prefix-match.js';
import { httpRouteRedirectPrefixMatchNeedsOnePathPrefix } from './httproute-redirect-prefix-match-needs-one-path-prefix.js';
import { httpRouteRedirectWithBackends } from './httproute-redirect-with-backends.js';
import { httpRouteRewritePrefixMatchNeedsOnePathPrefix } from './httproute-rewrite-prefix-match-needs-one-path-prefix.js';
import { httpRouteTimeoutBackendRequestTooLong } from './httproute-timeout-backend-request-too-long.js';
import { filterCORSForbidden, filterCORSMissing, filterRequestHeaderModifierForbidden, filterRequestHeaderModifierMissing, filterResponseHeaderModifierForbidden, filterResponseHeaderModifierMissing, filterRequestMirrorForbidden, filterRequestMirrorMissing, filterRequestRedirectForbidden, filterRequestRedirectMissing, filterURLRewriteForbidden, filterURLRewriteMissing, filterExtensionRefForbidden, filterExtensionRefMissing, filterExternalAuthForbidden, filterExternalAuthMissing } from './filter-discriminators.js';
import { filterMirrorFractionNumeratorTooLarge } from './filter-mirror-fraction-numerator-too-large.js';
import { filterMirrorPercentAndFraction } from './filter-mirror-percent-and-fraction.js';
import { filterRequestHeaderModifierRepeated } from './filter-request-header-modifier-repeated.js';
import { filterResponseHeaderModifierRepeated } from './filter-response-header-modifier-repeated.js';
import { pathMatchDotDotSegment } from './path-match-dot-dot-segment.js';
import { pathMatchDotSegment } from './path-match-dot-segment.js';
import { pathMatchDoubleSlash } from './path-match-double-slash.js';
import { pathMatchEncodedSlashLower } from './path-match-encoded-slash-lower.js';
import { pathMatchEncodedSlashUpper } from './path-match-encoded-slash-upper.js';
import { pathMatchEndsWithDotDot } from './path-match-ends-with-dot-dot.js';
import { pathMatchEndsWithDot } from './path-match-ends-with-dot.js';
import { pathMatchFragment } from './path-match-fragment.js';
import { pathMatchInvalidCharacters } from './path-match-invalid-characters.js';
import { pathMatchMustStartWithSlash } from './path-match-must-start-with-slash.js';
import { pathMatchTypeInvalid } from './path-match-type-invalid.js';
import { grpcRouteMethodNameInvalid } from './grpcroute-method-name-invalid.js';
import { grpcRouteMethodServiceInvalid } from './grpcroute-method-service-invalid.js';
import { grpcRouteMethodServiceOrMethodRequired } from './grpcroute-method-service-or-method-required.js';
import { tlsRouteHostnameInvalid } from './tlsroute-hostname-invalid.js';
import { tlsRouteHostnameIP } from './tlsroute-hostname-ip.js';
import { tlsRouteHostnameWildcardInvalid } from './tlsroute-hostname-wildcard-invalid.js';
import type { Channel } from '../../target/availability-format.js';
import type { CelRule } from './rule.js';

/**
 * Every CEL rule (`x-kubernetes-validations`) of the Gateway API v1.6.1 CRDs of both channels, one
 * per file (gateway-api.md §11.3–§11.6). A rule that only one channel has says so (`channels`); a
 * rule whose text differs between them is two entries of one code, one per channel (the parentRef
 * rules); generated/channel-rules.js lists the differences and channel-rules.test.ts checks them.
 * Not here: GatewayClass `spec.controllerName` "Value is immutable", a transition rule the API
 * server evaluates only on update (a design has no old object), and the rules of the
 * experimental-only x-k8s.io kinds (XBackend, XBackendTrafficPolicy, XMesh), which parse does not read.
 */
const RULES = [
  gatewayAddressHostnameInvalid,
  gatewayAddressHostnameUnique,
  gatewayAddressIPUnique,
  gatewayInfrastructureAnnotationKeyInvalid,
  gatewayInfrastructureAnnotationKeyPrefixTooLong,
  gatewayInfrastructureLabelKeyInvalid,
  gatewayInfrastructureLabelKeyPrefixTooLong,
  gatewayListenerHostnameForbidden,
  gatewayListenerHTTPSModeNotTerminate,
  gatewayListenerNameUnique,
  gatewayListenerPortProtocolHostnameUnique,
  gatewayListenerTLSCertificateRequired,
  gatewayListenerTLSForbidden,
  gatewayListenerTLSModeRequired,
  gatewayStatusAddressHostnameInvalid,
  gatewayTLSPerPortUnique,
  backendTLSPolicySubjectAltNameHostnameForbidden,
  backendTLSPolicySubjectAltNameHostnameMissing,
  backendTLSPolicySubjectAltNameURIForbidden,
  backendTLSPolicySubjectAltNameURIMissing,
  backendTLSPolicyTargetRefSectionNameRequired,
  backendTLSPolicyTargetRefSectionNameUnique,
  backendTLSPolicyValidationCABothSet,
  backendTLSPolicyValidationCAMissing,
  routeBackendRefPortRequired,
  routeMatchesTotalTooMany,
  routeParentRefSectionNameRequired,
  routeParentRefSectionNameOrPortRequired,
  routeParentRefSectionNameUnique,
  routeParentRefSectionNameOrPortUnique,
  routeRuleNameUnique,
  routeSessionPersistenceAbsoluteTimeoutRequired,
  routeSessionPersistenceCookieConfigNotCookie,
  httpRouteExternalAuthBackendRefPortRequired,
  httpRouteExternalAuthGRPCMissing,
  httpRouteExternalAuthHTTPMissing,
  httpRouteExternalAuthProtocolNotGRPC,
  httpRouteExternalAuthProtocolNotHTTP,
  httpRouteBackendRedirectPrefixMatchNeedsOnePathPrefix,
  httpRouteBackendRewritePrefixMatchNeedsOnePathPrefix,
  httpRouteCORSAllowHeadersWildcardNotAlone,
  httpRouteCORSAllowMethodsWildcardNotAlone,
  httpRouteCORSAllowOriginsWildcardNotAlone,
  httpRouteFilterCORSRepeated,
  httpRouteFilterRedirectAndRewrite,
  httpRouteFilterRequestRedirectRepeated,
  httpRouteFilterURLRewriteRepeated,
  httpRoutePathModifierReplaceFullPathMissing,
  httpRoutePathModifierReplacePrefixMatchMissing,
  httpRoutePathModifierTypeNotReplaceFullPath,
  httpRoutePathModifierTypeNotReplacePrefixMatch,
  httpRouteRedirectPrefixMatchNeedsOnePathPrefix,
  httpRouteRedirectWithBackends,
  httpRouteRewritePrefixMatchNeedsOnePathPrefix,
  httpRouteTimeoutBackendRequestTooLong,
  filterCORSForbidden,
  filterCORSMissing,
  filterRequestHeaderModifierForbidden,
  filterRequestHeaderModifierMissing,
  filterResponseHeaderModifierForbidden,
  filterResponseHeaderModifierMissing,
  filterRequestMirrorForbidden,
  filterRequestMirrorMissing,
  filterRequestRedirectForbidden,
  filterRequestRedirectMissing,
  filterURLRewriteForbidden,
  filterURLRewriteMissing,
  filterExtensionRefForbidden,
  filterExtensionRefMissing,
  filterExternalAuthForbidden,
  filterExternalAuthMissing,
  filterMirrorFractionNumeratorTooLarge,
  filterMirrorPercentAndFraction,
  filterRequestHeaderModifierRepeated,
  filterResponseHeaderModifierRepeated,
  pathMatchDotDotSegment,
  pathMatchDotSegment,
  pathMatchDoubleSlash,
  pathMatchEncodedSlashLower,
  pathMatchEncodedSlashUpper,
  pathMatchEndsWithDotDot,
  pathMatchEndsWithDot,
  pathMatchFragment,
  pathMatchInvalidCharacters,
  pathMatchMustStartWithSlash,
  pathMatchTypeInvalid,
  grpcRouteMethodNameInvalid,
  grpcRouteMethodServiceInvalid,
  grpcRouteMethodServiceOrMethodRequired,
  tlsRouteHostnameInvalid,
  tlsRouteHostnameIP,
  tlsRouteHostnameWildcardInvalid,
] as const;

/** The closed union of CEL diagnostic codes. */
export type CelCode = (typeof RULES)[number]['code'];

export const CEL_RULES: readonly CelRule[] = RULES;

/** Whether the CRD of `kind` at `version` (`v1`) in `channel` has the rule. */
export function ruleApplies(rule: CelRule, kind: string, version: string, channel: Channel): boolean {
  if (!rule.kinds.includes(kind)) return false;
  if (rule.channels && !rule.channels.includes(channel)) return false;
  const versions = rule.versions?.[kind];
  return versions === undefined || versions.includes(version);
}

const BY_TARGET = new Map<string, readonly CelRule[]>();

/** The rules of one kind, version and channel, in CEL_RULES order (kept once asked). */
export function celRulesFor(kind: string, version: string, channel: Channel): readonly CelRule[] {
  const key = `${channel}/${version}/${kind}`;
  let rules = BY_TARGET.get(key);
  if (rules === undefined) {
    rules = CEL_RULES.filter((r) => ruleApplies(r, kind, version, channel));
    if (BY_TARGET.size > 256) BY_TARGET.clear(); // keys come from the objects' text: keep the cache bounded
    BY_TARGET.set(key, rules);
  }
  return rules;
}
