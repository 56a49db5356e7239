import type { FieldPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import { defineRule, has, record, records, textOr } from './helpers.js';
import { ROUTE_KINDS, routeFilters, routeRules } from './route-helpers.js';

/**
 * A reference to a core Service (group `''` and kind `Service`, both the defaults) sets `port`.
 * Checked on every `spec.rules[].backendRefs[]` and, for HTTPRoute and GRPCRoute, on every
 * `requestMirror.backendRef` (rule and backendRef filters).
 * @see gateway-api.md §11.4 (Backend references), §11.5
 */
export const routeBackendRefPortRequired = defineRule({
  code: 'RouteBackendRefPortRequired',
  kinds: ROUTE_KINDS,
  message: 'Must have port for Service reference',
  field: 'spec.rules[].backendRefs[], spec.rules[].filters[].requestMirror.backendRef',
  check(obj, report) {
    const check = (ref: KubeObject, path: FieldPath): void => {
      const isService = textOr(ref, 'group', '') === '' && textOr(ref, 'kind', 'Service') === 'Service';
      if (isService && !has(ref, 'port')) report(path);
    };
    for (const rule of routeRules(obj)) {
      for (const ref of records(rule.item, rule.path, 'backendRefs')) check(ref.item, ref.path);
    }
    // Only these kinds have filters; elsewhere the API server prunes them unseen.
    if (obj.kind !== 'HTTPRoute' && obj.kind !== 'GRPCRoute') return;
    for (const filter of routeFilters(obj)) {
      const ref = record(record(filter.item.requestMirror)?.backendRef);
      if (ref) check(ref, [...filter.path, 'requestMirror', 'backendRef']);
    }
  },
});
