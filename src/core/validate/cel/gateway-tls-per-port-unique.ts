import { defineRule, num, record, records, reportDuplicates } from './helpers.js';

/** Each port appears once in `spec.tls.frontend.perPort`. @see gateway-api.md §11.3 (Gateway) */
export const gatewayTLSPerPortUnique = defineRule({
  code: 'GatewayTLSPerPortUnique',
  kinds: ['Gateway'],
  message: 'Port for TLS configuration must be unique within the Gateway',
  field: 'spec.tls.frontend.perPort',
  check(obj, report) {
    const frontend = record(record(record(obj.spec)?.tls)?.frontend);
    reportDuplicates(
      records(frontend, ['spec', 'tls', 'frontend'], 'perPort'),
      ({ item }) => num(item.port)?.toString(),
      ({ path }) => report([...path, 'port']),
    );
  },
});
