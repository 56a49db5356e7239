import { defineRule, has, record, textOr } from './helpers.js';
import { routeRules } from './route-helpers.js';

/**
 * Experimental channel only (the field is experimental): `cookieConfig` goes with a Cookie
 * session (CEL `!has(self.cookieConfig) || self.type == 'Cookie'` on
 * `spec.rules[].sessionPersistence`; type defaults to Cookie). Reported on cookieConfig.
 * @see gateway-api.md §11.6
 */
export const routeSessionPersistenceCookieConfigNotCookie = defineRule({
  code: 'RouteSessionPersistenceCookieConfigNotCookie',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  message: 'cookieConfig can only be set with type Cookie',
  field: 'spec.rules[].sessionPersistence',
  channels: ['experimental'],
  check(obj, report) {
    for (const rule of routeRules(obj)) {
      const persistence = record(rule.item.sessionPersistence);
      if (!persistence || !has(persistence, 'cookieConfig')) continue;
      const type = textOr(persistence, 'type', 'Cookie');
      if (type !== undefined && type !== 'Cookie') report([...rule.path, 'sessionPersistence', 'cookieConfig']);
    }
  },
});
