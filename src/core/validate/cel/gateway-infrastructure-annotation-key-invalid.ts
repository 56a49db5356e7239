import { defineRule } from './helpers.js';
import { infrastructureKeys, METADATA_KEY_RE } from './gateway-helpers.js';

/** Every key of `spec.infrastructure.annotations` is `[dns-subdomain/]name`. @see gateway-api.md §11.3 (Gateway) */
export const gatewayInfrastructureAnnotationKeyInvalid = defineRule({
  code: 'GatewayInfrastructureAnnotationKeyInvalid',
  kinds: ['Gateway'],
  message: 'Annotation keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.',
  field: 'spec.infrastructure.annotations',
  check(obj, report) {
    for (const key of infrastructureKeys(obj, 'annotations')) {
      if (!METADATA_KEY_RE.test(key)) report(['spec', 'infrastructure', 'annotations', key]);
    }
  },
});
