import { defineRule } from './helpers.js';
import { policyCASources } from './backendtlspolicy-helpers.js';

/** `spec.validation` names CA certificate refs or well-known CAs, not both. @see gateway-api.md §11.3 (BackendTLSPolicy) */
export const backendTLSPolicyValidationCABothSet = defineRule({
  code: 'BackendTLSPolicyValidationCABothSet',
  kinds: ['BackendTLSPolicy'],
  message: 'must not contain both CACertificateRefs and WellKnownCACertificates',
  field: 'spec.validation',
  check(obj, report) {
    const ca = policyCASources(obj);
    if (ca?.refs && ca.wellKnown) report(['spec', 'validation']);
  },
});
