import { defineRule, has, num, reportDuplicates, text } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * No two listeners share port, protocol and hostname; an absent hostname equals only another absent
 * one (`''` is a present hostname). Listeners without a port are skipped: ListenerSet's rule says
 * so, and for a Gateway the port is required (the schema reports it).
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; ListenerSet)
 */
export const gatewayListenerPortProtocolHostnameUnique = defineRule({
  code: 'GatewayListenerPortProtocolHostnameUnique',
  kinds: ['Gateway', 'ListenerSet'],
  message: 'Combination of port, protocol and hostname must be unique for each listener',
  field: 'spec.listeners',
  check(obj, report) {
    reportDuplicates(
      listeners(obj),
      ({ item }) => {
        const port = num(item.port);
        const protocol = text(item.protocol);
        const hostname = has(item, 'hostname') ? text(item.hostname) : null;
        if (port === undefined || protocol === undefined || hostname === undefined) return undefined;
        return JSON.stringify([port, protocol, hostname]);
      },
      ({ path }) => report(path),
    );
  },
});
