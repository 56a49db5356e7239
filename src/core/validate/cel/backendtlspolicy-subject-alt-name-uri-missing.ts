import { defineRule } from './helpers.js';
import { nonEmpty, subjectAltNames } from './backendtlspolicy-helpers.js';

/** A subjectAltName of type URI carries a non-empty `uri`. @see gateway-api.md §11.3 (BackendTLSPolicy) */
export const backendTLSPolicySubjectAltNameURIMissing = defineRule({
  code: 'BackendTLSPolicySubjectAltNameURIMissing',
  kinds: ['BackendTLSPolicy'],
  message: 'SubjectAltName element must contain URI, if Type is set to URI',
  field: 'spec.validation.subjectAltNames[]',
  check(obj, report) {
    for (const { item, path, type } of subjectAltNames(obj)) {
      if (type === 'URI' && !nonEmpty(item, 'uri')) report(path);
    }
  },
});
