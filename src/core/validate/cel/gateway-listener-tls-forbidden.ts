import { defineRule, has, text } from './helpers.js';
import { listeners } from './gateway-helpers.js';

const PLAIN = new Set(['HTTP', 'TCP', 'UDP']);

/**
 * HTTP, TCP and UDP listeners take no `tls` block (not even an empty one).
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; ListenerSet uses the same rule and message)
 */
export const gatewayListenerTLSForbidden = defineRule({
  code: 'GatewayListenerTLSForbidden',
  kinds: ['Gateway', 'ListenerSet'],
  message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
  field: 'spec.listeners',
  check(obj, report) {
    for (const { item, path } of listeners(obj)) {
      const protocol = text(item.protocol);
      if (protocol !== undefined && PLAIN.has(protocol) && has(item, 'tls')) report([...path, 'tls']);
    }
  },
});
