import { defineRule, reportRepeatedSectionNames } from './helpers.js';
import { policyTargets } from './backendtlspolicy-helpers.js';

/**
 * Two targetRefs to the same target may not name the same sectionName, and two without a
 * sectionName collide too. @see gateway-api.md §11.3 (BackendTLSPolicy `spec.targetRefs`)
 */
export const backendTLSPolicyTargetRefSectionNameUnique = defineRule({
  code: 'BackendTLSPolicyTargetRefSectionNameUnique',
  kinds: ['BackendTLSPolicy'],
  message: 'sectionName must be unique when targetRefs includes 2 or more references to the same target',
  field: 'spec.targetRefs',
  check(obj, report) {
    reportRepeatedSectionNames(policyTargets(obj), report);
  },
});
