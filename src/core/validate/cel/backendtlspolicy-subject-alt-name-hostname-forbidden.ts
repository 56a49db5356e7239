import { defineRule } from './helpers.js';
import { nonEmpty, subjectAltNames } from './backendtlspolicy-helpers.js';

/** Only a subjectAltName of type Hostname may carry a (non-empty) `hostname`. @see gateway-api.md §11.3 (BackendTLSPolicy) */
export const backendTLSPolicySubjectAltNameHostnameForbidden = defineRule({
  code: 'BackendTLSPolicySubjectAltNameHostnameForbidden',
  kinds: ['BackendTLSPolicy'],
  message: 'SubjectAltName element must not contain Hostname, if Type is not set to Hostname',
  field: 'spec.validation.subjectAltNames[]',
  check(obj, report) {
    for (const { item, path, type } of subjectAltNames(obj)) {
      if (type !== 'Hostname' && nonEmpty(item, 'hostname')) report([...path, 'hostname']);
    }
  },
});
