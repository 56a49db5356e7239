import { defineRule, has, record, records, reportDuplicates, text, textOr } from './helpers.js';

/**
 * Two `spec.addresses` entries of type IPAddress (the default type) may not carry the same value;
 * entries without a value are not compared. @see gateway-api.md §11.3 (Gateway)
 */
export const gatewayAddressIPUnique = defineRule({
  code: 'GatewayAddressIPUnique',
  kinds: ['Gateway'],
  message: 'IPAddress values must be unique',
  field: 'spec.addresses',
  check(obj, report) {
    reportDuplicates(
      records(record(obj.spec), ['spec'], 'addresses'),
      ({ item }) => (textOr(item, 'type', 'IPAddress') === 'IPAddress' && has(item, 'value') ? text(item.value) : undefined),
      ({ path }) => report([...path, 'value']),
    );
  },
});
