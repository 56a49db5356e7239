import { defineRule } from './helpers.js';
import { nonEmpty, subjectAltNames } from './backendtlspolicy-helpers.js';

/** A subjectAltName of type Hostname carries a non-empty `hostname`. @see gateway-api.md §11.3 (BackendTLSPolicy) */
export const backendTLSPolicySubjectAltNameHostnameMissing = defineRule({
  code: 'BackendTLSPolicySubjectAltNameHostnameMissing',
  kinds: ['BackendTLSPolicy'],
  message: 'SubjectAltName element must contain Hostname, if Type is set to Hostname',
  field: 'spec.validation.subjectAltNames[]',
  check(obj, report) {
    for (const { item, path, type } of subjectAltNames(obj)) {
      if (type === 'Hostname' && !nonEmpty(item, 'hostname')) report(path);
    }
  },
});
