import { defineRule, has } from './helpers.js';
import { grpcMethodMatches } from './route-helpers.js';

/**
 * A method match names a service, a method or both. The rule applies "when type is set", and the
 * API server defaults the type to Exact, so it applies to every method match.
 * @see gateway-api.md §11.5 (GRPCRoute `spec.rules[].matches[].method`)
 */
export const grpcRouteMethodServiceOrMethodRequired = defineRule({
  code: 'GRPCRouteMethodServiceOrMethodRequired',
  kinds: ['GRPCRoute'],
  message: "One or both of 'service' or 'method' must be specified",
  field: 'spec.rules[].matches[].method',
  check(obj, report) {
    for (const { item, path } of grpcMethodMatches(obj)) {
      if (!has(item, 'service') && !has(item, 'method')) report(path);
    }
  },
});
