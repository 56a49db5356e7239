import { defineRule, has, text } from './helpers.js';
import { grpcMethodMatches } from './route-helpers.js';

/** A dotted protobuf service name, any case, optionally with a leading dot (the CRD's `(?i)`). */
const SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;

/**
 * For an Exact (the default type) method match, `service` is a valid protobuf service name.
 * @see gateway-api.md §11.5 (GRPCRoute `spec.rules[].matches[].method`)
 */
export const grpcRouteMethodServiceInvalid = defineRule({
  code: 'GRPCRouteMethodServiceInvalid',
  kinds: ['GRPCRoute'],
  message: 'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
  field: 'spec.rules[].matches[].method',
  check(obj, report) {
    for (const { item, path, type } of grpcMethodMatches(obj)) {
      const service = text(item.service);
      if (type === 'Exact' && has(item, 'service') && service !== undefined && !SERVICE.test(service)) report([...path, 'service']);
    }
  },
});
