import { defineRule, has, record, text, textOr } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * A TLS listener needs a `tls` block with a non-empty mode. A block without `mode` passes: the API
 * server defaults the mode to Terminate before evaluating the rule.
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; also ListenerSet)
 */
export const gatewayListenerTLSModeRequired = defineRule({
  code: 'GatewayListenerTLSModeRequired',
  kinds: ['Gateway', 'ListenerSet'],
  message: 'tls mode must be set for protocol TLS',
  field: 'spec.listeners',
  check(obj, report) {
    for (const { item, path } of listeners(obj)) {
      if (text(item.protocol) !== 'TLS') continue;
      if (!has(item, 'tls')) {
        report(path);
        continue;
      }
      const tls = record(item.tls);
      if (tls && textOr(tls, 'mode', 'Terminate') === '') report([...path, 'tls', 'mode']);
    }
  },
});
