import { defineRule, reportDuplicates, text } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * Listener names are unique; every listener after the first of a name is reported.
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; ListenerSet keeps the word "Gateway")
 */
export const gatewayListenerNameUnique = defineRule({
  code: 'GatewayListenerNameUnique',
  kinds: ['Gateway', 'ListenerSet'],
  message: 'Listener name must be unique within the Gateway',
  field: 'spec.listeners',
  check(obj, report) {
    reportDuplicates(listeners(obj), ({ item }) => text(item.name), ({ path }) => report([...path, 'name']));
  },
});
