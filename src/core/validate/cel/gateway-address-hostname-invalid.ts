import { defineRule, has, record, records, text, textOr } from './helpers.js';
import { HOSTNAME_RE } from './gateway-helpers.js';

/**
 * A Hostname-typed `spec.addresses[]` entry with a value must be a valid Hostname (so `foo.com:80`
 * fails). "Empty" in the message means absent: a present `''` does not match and fails too.
 * @see gateway-api.md §11.3 (Gateway)
 */
export const gatewayAddressHostnameInvalid = defineRule({
  code: 'GatewayAddressHostnameInvalid',
  kinds: ['Gateway'],
  message:
    'Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
  field: 'spec.addresses[]',
  check(obj, report) {
    for (const { item, path } of records(record(obj.spec), ['spec'], 'addresses')) {
      if (textOr(item, 'type', 'IPAddress') !== 'Hostname' || !has(item, 'value')) continue;
      const value = text(item.value);
      if (value !== undefined && !HOSTNAME_RE.test(value)) report([...path, 'value']);
    }
  },
});
