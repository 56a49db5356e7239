import { defineRule, reportMixedSectionNames } from './helpers.js';
import { policyTargets } from './backendtlspolicy-helpers.js';

/**
 * Among targetRefs naming the same group/kind/name, either all set `sectionName` or none do (an
 * empty sectionName counts as unset). A ref without sectionName is reported when another ref to
 * its target has one. @see gateway-api.md §11.3 (BackendTLSPolicy `spec.targetRefs`)
 */
export const backendTLSPolicyTargetRefSectionNameRequired = defineRule({
  code: 'BackendTLSPolicyTargetRefSectionNameRequired',
  kinds: ['BackendTLSPolicy'],
  message: 'sectionName must be specified when targetRefs includes 2 or more references to the same target',
  field: 'spec.targetRefs',
  check(obj, report) {
    reportMixedSectionNames(policyTargets(obj), report);
  },
});
