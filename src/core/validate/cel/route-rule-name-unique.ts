import { defineRule, has, reportDuplicates, text } from './helpers.js';
import { ROUTE_KINDS, routeRules } from './route-helpers.js';

/**
 * Experimental channel only: set rule names are unique within a route (CEL `self.all(l1,
 * !has(l1.name) || self.exists_one(l2, has(l2.name) && l1.name == l2.name))`); each later rule
 * repeating a name is reported on its `name`. The v1.6.1 experimental CRDs have it on HTTPRoute
 * (v1, v1beta1), GRPCRoute v1, and the v1alpha2 versions of TLSRoute, TCPRoute and UDPRoute (not
 * their v1). The standard channel documents the names as unique but does not check them.
 * @see gateway-api.md §11.6; generated/channel-rules.js
 */
export const routeRuleNameUnique = defineRule({
  code: 'RouteRuleNameUnique',
  kinds: ROUTE_KINDS,
  message: 'Rule name must be unique within the route',
  field: 'spec.rules',
  channels: ['experimental'],
  versions: { TLSRoute: ['v1alpha2'], TCPRoute: ['v1alpha2'], UDPRoute: ['v1alpha2'] },
  check(obj, report) {
    const named = routeRules(obj).filter((r) => has(r.item, 'name'));
    reportDuplicates(named, (r) => text(r.item.name), (r) => report([...r.path, 'name']));
  },
});
