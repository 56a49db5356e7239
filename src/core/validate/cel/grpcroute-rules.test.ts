import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const method = (m: KubeObject) => gatewayApiObject('GRPCRoute', { rules: [{ matches: [{ method: m }], backendRefs: [{ name: 'api', port: 9000 }] }] });
const AT = 'spec.rules[0].matches[0].method';

const cases: CelCase[] = [
  { code: 'GRPCRouteMethodServiceOrMethodRequired', name: 'an empty method match (type defaults to Exact)', obj: method({}), want: [AT] },
  { code: 'GRPCRouteMethodServiceOrMethodRequired', name: 'type only', obj: method({ type: 'RegularExpression' }), want: [AT] },
  { code: 'GRPCRouteMethodServiceOrMethodRequired', name: 'service only', obj: method({ service: 'shop.Cart' }), want: [] },
  { code: 'GRPCRouteMethodServiceOrMethodRequired', name: 'method only', obj: method({ method: 'Get' }), want: [] },
  { code: 'GRPCRouteMethodServiceOrMethodRequired', name: 'a match without method', obj: gatewayApiObject('GRPCRoute', { rules: [{ matches: [{ headers: [{ name: 'a', value: 'b' }] }] }] }), want: [] },
  { code: 'GRPCRouteMethodServiceInvalid', name: 'a double dot', obj: method({ service: 'shop..Cart' }), want: [`${AT}.service`] },
  { code: 'GRPCRouteMethodServiceInvalid', name: 'a leading digit', obj: method({ type: 'Exact', service: '1shop' }), want: [`${AT}.service`] },
  { code: 'GRPCRouteMethodServiceInvalid', name: 'a slash', obj: method({ service: 'shop/Cart' }), want: [`${AT}.service`] },
  { code: 'GRPCRouteMethodServiceInvalid', name: 'upper case and a leading dot (case-insensitive pattern)', obj: method({ service: '.Shop.V1.CART_service' }), want: [] },
  { code: 'GRPCRouteMethodServiceInvalid', name: 'a regular expression is not checked', obj: method({ type: 'RegularExpression', service: 'shop\\..*' }), want: [] },
  { code: 'GRPCRouteMethodNameInvalid', name: 'a dash', obj: method({ service: 's', method: 'Get-Cart' }), want: [`${AT}.method`] },
  { code: 'GRPCRouteMethodNameInvalid', name: 'a dot', obj: method({ method: 'Cart.Get' }), want: [`${AT}.method`] },
  { code: 'GRPCRouteMethodNameInvalid', name: 'underscore and digits', obj: method({ method: '_Get2' }), want: [] },
  { code: 'GRPCRouteMethodNameInvalid', name: 'a regular expression is not checked', obj: method({ type: 'RegularExpression', method: 'Get.*' }), want: [] },
];

describe('gateway-api.md §11.5 / grpcroutes CRD spec.rules[].matches[].method', () => {
  it.each(cases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every GRPCRoute rule with a passing and a failing case', () => {
    expect(uncovered(cases, 'GRPCRoute')).toEqual([]);
  });
});
