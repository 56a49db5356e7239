import { defineRule } from './helpers.js';
import { codePoints, infrastructureKeys } from './gateway-helpers.js';

/**
 * The part of a `spec.infrastructure.annotations` key before the first `/` (the whole key when it has
 * none) is shorter than 253 characters. @see gateway-api.md §11.3 (Gateway)
 */
export const gatewayInfrastructureAnnotationKeyPrefixTooLong = defineRule({
  code: 'GatewayInfrastructureAnnotationKeyPrefixTooLong',
  kinds: ['Gateway'],
  message: "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.",
  field: 'spec.infrastructure.annotations',
  check(obj, report) {
    for (const key of infrastructureKeys(obj, 'annotations')) {
      if (codePoints(key.split('/')[0] ?? '') >= 253) report(['spec', 'infrastructure', 'annotations', key]);
    }
  },
});
