import { defineRule } from './helpers.js';
import { infrastructureKeys, METADATA_KEY_RE } from './gateway-helpers.js';

/** Every key of `spec.infrastructure.labels` is `[dns-subdomain/]name`. @see gateway-api.md §11.3 (Gateway) */
export const gatewayInfrastructureLabelKeyInvalid = defineRule({
  code: 'GatewayInfrastructureLabelKeyInvalid',
  kinds: ['Gateway'],
  message: 'Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.',
  field: 'spec.infrastructure.labels',
  check(obj, report) {
    for (const key of infrastructureKeys(obj, 'labels')) {
      if (!METADATA_KEY_RE.test(key)) report(['spec', 'infrastructure', 'labels', key]);
    }
  },
});
