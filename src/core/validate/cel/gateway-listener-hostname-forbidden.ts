import { defineRule, has, text } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * TCP and UDP listeners carry no hostname (an empty one is allowed).
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; also ListenerSet)
 */
export const gatewayListenerHostnameForbidden = defineRule({
  code: 'GatewayListenerHostnameForbidden',
  kinds: ['Gateway', 'ListenerSet'],
  message: "hostname must not be specified for protocols ['TCP', 'UDP']",
  field: 'spec.listeners',
  check(obj, report) {
    for (const { item, path } of listeners(obj)) {
      const protocol = text(item.protocol);
      if ((protocol === 'TCP' || protocol === 'UDP') && has(item, 'hostname') && item.hostname !== '') report([...path, 'hostname']);
    }
  },
});
