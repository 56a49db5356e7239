import { defineRule, has, record, text } from './helpers.js';
import { routeFilters } from './route-helpers.js';
import type { CelRule } from './rule.js';

/**
 * Experimental channel only: an ExternalAuth filter's `protocol` and its sub-object agree, four
 * rules on `spec.rules[].filters[].externalAuth` and `spec.rules[].backendRefs[].filters[].externalAuth`
 * of the v1.6.1 experimental HTTPRoute CRD (`self.protocol == 'GRPC' ? has(self.grpc) : true`,
 * `has(self.grpc) ? self.protocol == 'GRPC' : true`, and the same for HTTP). One factory, one
 * code and verbatim message per rule. @see gateway-api.md §11.6
 */
function protocolRule<const C extends string>(code: C, message: string, protocol: 'GRPC' | 'HTTP', direction: 'needs-object' | 'needs-protocol'): CelRule & { readonly code: C } {
  const field = protocol === 'GRPC' ? 'grpc' : 'http';
  return defineRule({
    code,
    kinds: ['HTTPRoute'],
    message,
    field: 'spec.rules[].filters[].externalAuth, spec.rules[].backendRefs[].filters[].externalAuth',
    channels: ['experimental'],
    check(obj, report) {
      for (const filter of routeFilters(obj)) {
        const auth = record(filter.item.externalAuth);
        if (!auth) continue;
        const path = [...filter.path, 'externalAuth'];
        // `protocol` is required: without it (or of the wrong type) the schema speaks.
        const set = text(auth.protocol);
        if (set === undefined) continue;
        if (direction === 'needs-object' && set === protocol && !has(auth, field)) report([...path, 'protocol']);
        if (direction === 'needs-protocol' && has(auth, field) && set !== protocol) report([...path, field]);
      }
    },
  });
}

export const httpRouteExternalAuthGRPCMissing = protocolRule('HTTPRouteExternalAuthGRPCMissing', "grpc must be specified when protocol is set to 'GRPC'", 'GRPC', 'needs-object');
export const httpRouteExternalAuthProtocolNotGRPC = protocolRule('HTTPRouteExternalAuthProtocolNotGRPC', "protocol must be 'GRPC' when grpc is set", 'GRPC', 'needs-protocol');
export const httpRouteExternalAuthHTTPMissing = protocolRule('HTTPRouteExternalAuthHTTPMissing', "http must be specified when protocol is set to 'HTTP'", 'HTTP', 'needs-object');
export const httpRouteExternalAuthProtocolNotHTTP = protocolRule('HTTPRouteExternalAuthProtocolNotHTTP', "protocol must be 'HTTP' when http is set", 'HTTP', 'needs-protocol');
