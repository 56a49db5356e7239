import { defineRule, record, records, text, textOr } from './helpers.js';
import { HOSTNAME_RE } from './gateway-helpers.js';

/**
 * A Hostname-typed `status.addresses[]` entry must hold a valid Hostname (`value` is required
 * there, unlike in spec). @see gateway-api.md §11.3 (Gateway)
 */
export const gatewayStatusAddressHostnameInvalid = defineRule({
  code: 'GatewayStatusAddressHostnameInvalid',
  kinds: ['Gateway'],
  message:
    'Hostname value must only contain valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
  field: 'status.addresses[]',
  check(obj, report) {
    for (const { item, path } of records(record(obj.status), ['status'], 'addresses')) {
      if (textOr(item, 'type', 'IPAddress') !== 'Hostname') continue;
      const value = text(item.value);
      if (value !== undefined && !HOSTNAME_RE.test(value)) report([...path, 'value']);
    }
  },
});
