import { defineRule } from './helpers.js';
import { hostnames } from './route-helpers.js';
import { isIP } from './ip-address.js';

/** TLSRoute hostnames are names, never IP literals. @see gateway-api.md §11.5 (TLSRoute `spec.hostnames`) */
export const tlsRouteHostnameIP = defineRule({
  code: 'TLSRouteHostnameIP',
  kinds: ['TLSRoute'],
  // TLSRoute v1alpha2 (experimental channel) has no hostname rules (generated/channel-rules.js versionRules).
  versions: { TLSRoute: ['v1', 'v1alpha3'] },
  message: 'Hostnames cannot contain an IP',
  field: 'spec.hostnames',
  check(obj, report) {
    for (const { hostname, path } of hostnames(obj)) if (isIP(hostname)) report(path);
  },
});
