import { defineRule } from './helpers.js';
import { hostnames, RFC1123_RE } from './route-helpers.js';

/**
 * A TLSRoute hostname with `*` is `*.` followed by an RFC 1123 name: one wildcard, as the whole
 * first label. @see gateway-api.md §11.5 (TLSRoute `spec.hostnames`)
 */
export const tlsRouteHostnameWildcardInvalid = defineRule({
  code: 'TLSRouteHostnameWildcardInvalid',
  kinds: ['TLSRoute'],
  // TLSRoute v1alpha2 (experimental channel) has no hostname rules (generated/channel-rules.js versionRules).
  versions: { TLSRoute: ['v1', 'v1alpha3'] },
  message: 'Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123',
  field: 'spec.hostnames',
  check(obj, report) {
    for (const { hostname, path } of hostnames(obj)) {
      if (hostname.includes('*') && !(hostname.startsWith('*.') && RFC1123_RE.test(hostname.slice(2)))) report(path);
    }
  },
});
