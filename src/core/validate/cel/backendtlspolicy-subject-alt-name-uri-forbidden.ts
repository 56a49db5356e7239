import { defineRule } from './helpers.js';
import { nonEmpty, subjectAltNames } from './backendtlspolicy-helpers.js';

/** Only a subjectAltName of type URI may carry a (non-empty) `uri`. @see gateway-api.md §11.3 (BackendTLSPolicy) */
export const backendTLSPolicySubjectAltNameURIForbidden = defineRule({
  code: 'BackendTLSPolicySubjectAltNameURIForbidden',
  kinds: ['BackendTLSPolicy'],
  message: 'SubjectAltName element must not contain URI, if Type is not set to URI',
  field: 'spec.validation.subjectAltNames[]',
  check(obj, report) {
    for (const { item, path, type } of subjectAltNames(obj)) {
      if (type !== 'URI' && nonEmpty(item, 'uri')) report([...path, 'uri']);
    }
  },
});
