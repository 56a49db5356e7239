import { defineRule, record, text, textOr } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * An HTTPS listener's `tls.mode` is Terminate (its default) or empty; Passthrough needs protocol TLS.
 * @see gateway-api.md §11.3 (Gateway `spec.listeners`; also ListenerSet)
 */
export const gatewayListenerHTTPSModeNotTerminate = defineRule({
  code: 'GatewayListenerHTTPSModeNotTerminate',
  kinds: ['Gateway', 'ListenerSet'],
  message: 'tls mode must be Terminate for protocol HTTPS',
  field: 'spec.listeners',
  check(obj, report) {
    for (const { item, path } of listeners(obj)) {
      const tls = record(item.tls);
      if (text(item.protocol) !== 'HTTPS' || !tls) continue;
      const mode = textOr(tls, 'mode', 'Terminate');
      if (mode !== undefined && mode !== '' && mode !== 'Terminate') report([...path, 'tls', 'mode']);
    }
  },
});
