import { defineRule, has, text } from './helpers.js';
import { grpcMethodMatches } from './route-helpers.js';

const METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/**
 * For an Exact (the default type) method match, `method` is a valid protobuf method name.
 * @see gateway-api.md §11.5 (GRPCRoute `spec.rules[].matches[].method`)
 */
export const grpcRouteMethodNameInvalid = defineRule({
  code: 'GRPCRouteMethodNameInvalid',
  kinds: ['GRPCRoute'],
  message: 'method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)',
  field: 'spec.rules[].matches[].method',
  check(obj, report) {
    for (const { item, path, type } of grpcMethodMatches(obj)) {
      const method = text(item.method);
      if (type === 'Exact' && has(item, 'method') && method !== undefined && !METHOD.test(method)) report([...path, 'method']);
    }
  },
});
