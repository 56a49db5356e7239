import { defineRule, has, record, textOr } from './helpers.js';
import { listeners } from './gateway-helpers.js';

/**
 * A listener `tls` block in Terminate mode (the default mode) names at least one certificateRef or
 * one option. @see gateway-api.md §11.3 (Gateway and ListenerSet `spec.listeners[].tls`)
 */
export const gatewayListenerTLSCertificateRequired = defineRule({
  code: 'GatewayListenerTLSCertificateRequired',
  kinds: ['Gateway', 'ListenerSet'],
  message: 'certificateRefs or options must be specified when mode is Terminate',
  field: 'spec.listeners[].tls',
  check(obj, report) {
    for (const { item, path } of listeners(obj)) {
      const tls = record(item.tls);
      if (!tls || textOr(tls, 'mode', 'Terminate') !== 'Terminate') continue;
      const refs = tls.certificateRefs;
      const options = tls.options;
      // A wrong-typed field is the schema's to report.
      if ((has(tls, 'certificateRefs') && !Array.isArray(refs)) || (has(tls, 'options') && !record(options))) continue;
      const refCount = Array.isArray(refs) ? refs.length : 0;
      const optionCount = Object.keys(record(options) ?? {}).length;
      if (refCount === 0 && optionCount === 0) report([...path, 'tls']);
    }
  },
});
