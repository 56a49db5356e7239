import { defineRule, has, record, textOr } from './helpers.js';
import { routeRules } from './route-helpers.js';

/**
 * Experimental channel only (the field is experimental): a Permanent cookie needs an absolute
 * timeout (CEL `!has(self.cookieConfig) || !has(self.cookieConfig.lifetimeType) ||
 * self.cookieConfig.lifetimeType != 'Permanent' || has(self.absoluteTimeout)` on
 * `spec.rules[].sessionPersistence`; lifetimeType defaults to Session). Reported on lifetimeType.
 * @see gateway-api.md §11.6
 */
export const routeSessionPersistenceAbsoluteTimeoutRequired = defineRule({
  code: 'RouteSessionPersistenceAbsoluteTimeoutRequired',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  message: 'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent',
  field: 'spec.rules[].sessionPersistence',
  channels: ['experimental'],
  check(obj, report) {
    for (const rule of routeRules(obj)) {
      const persistence = record(rule.item.sessionPersistence);
      const cookie = record(persistence?.cookieConfig);
      if (!persistence || !cookie || textOr(cookie, 'lifetimeType', 'Session') !== 'Permanent' || has(persistence, 'absoluteTimeout')) continue;
      report([...rule.path, 'sessionPersistence', 'cookieConfig', 'lifetimeType']);
    }
  },
});
