import { defineRule } from './helpers.js';
import { hostnames, RFC1123_RE } from './route-helpers.js';

/**
 * A TLSRoute hostname without `*` is an RFC 1123 name (so `1.2.3.4` passes here and is caught by
 * TLSRouteHostnameIP). @see gateway-api.md §11.5 (TLSRoute `spec.hostnames`)
 */
export const tlsRouteHostnameInvalid = defineRule({
  code: 'TLSRouteHostnameInvalid',
  kinds: ['TLSRoute'],
  // TLSRoute v1alpha2 (experimental channel) has no hostname rules (generated/channel-rules.js versionRules).
  versions: { TLSRoute: ['v1', 'v1alpha3'] },
  message: 'Hostnames must be valid based on RFC-1123',
  field: 'spec.hostnames',
  check(obj, report) {
    for (const { hostname, path } of hostnames(obj)) {
      if (!hostname.includes('*') && !RFC1123_RE.test(hostname)) report(path);
    }
  },
});
