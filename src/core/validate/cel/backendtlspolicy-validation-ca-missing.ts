import { defineRule } from './helpers.js';
import { policyCASources } from './backendtlspolicy-helpers.js';

/**
 * `spec.validation` names CA certificate refs or well-known CAs (an empty list or string does not
 * count). @see gateway-api.md §11.3 (BackendTLSPolicy)
 */
export const backendTLSPolicyValidationCAMissing = defineRule({
  code: 'BackendTLSPolicyValidationCAMissing',
  kinds: ['BackendTLSPolicy'],
  message: 'must specify either CACertificateRefs or WellKnownCACertificates',
  field: 'spec.validation',
  check(obj, report) {
    const ca = policyCASources(obj);
    if (ca && !ca.refs && !ca.wellKnown) report(['spec', 'validation']);
  },
});
