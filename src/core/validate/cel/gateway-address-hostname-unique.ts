import { defineRule, has, record, records, reportDuplicates, text, textOr } from './helpers.js';

/**
 * Two `spec.addresses` entries of type Hostname may not carry the same value; entries without a
 * value are not compared. @see gateway-api.md §11.3 (Gateway)
 */
export const gatewayAddressHostnameUnique = defineRule({
  code: 'GatewayAddressHostnameUnique',
  kinds: ['Gateway'],
  message: 'Hostname values must be unique',
  field: 'spec.addresses',
  check(obj, report) {
    reportDuplicates(
      records(record(obj.spec), ['spec'], 'addresses'),
      ({ item }) => (textOr(item, 'type', 'IPAddress') === 'Hostname' && has(item, 'value') ? text(item.value) : undefined),
      ({ path }) => report([...path, 'value']),
    );
  },
});
