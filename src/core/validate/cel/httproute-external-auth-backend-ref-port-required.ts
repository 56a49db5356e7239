import { defineRule, has, record, textOr } from './helpers.js';
import { routeFilters } from './route-helpers.js';

/**
 * Experimental channel only: an ExternalAuth filter's `backendRef` to a core Service (group `''`
 * and kind `Service`, the defaults) sets `port` (CEL `(size(self.group) == 0 && self.kind ==
 * 'Service') ? has(self.port) : true` on `…filters[].externalAuth.backendRef`). The same message
 * as RouteBackendRefPortRequired, on another field and in one channel only.
 * @see gateway-api.md §11.6
 */
export const httpRouteExternalAuthBackendRefPortRequired = defineRule({
  code: 'HTTPRouteExternalAuthBackendRefPortRequired',
  kinds: ['HTTPRoute'],
  message: 'Must have port for Service reference',
  field: 'spec.rules[].filters[].externalAuth.backendRef, spec.rules[].backendRefs[].filters[].externalAuth.backendRef',
  channels: ['experimental'],
  check(obj, report) {
    for (const filter of routeFilters(obj)) {
      const ref = record(record(filter.item.externalAuth)?.backendRef);
      if (ref && textOr(ref, 'group', '') === '' && textOr(ref, 'kind', 'Service') === 'Service' && !has(ref, 'port')) report([...filter.path, 'externalAuth', 'backendRef']);
    }
  },
});
