import { defineRule, has, list, record } from './helpers.js';
import { routeRules } from './route-helpers.js';

/**
 * A rule that forwards to backends (non-empty `backendRefs`) has no rule-level filter carrying a
 * `requestRedirect`: a redirect answers the request itself. @see gateway-api.md §11.4 (`spec.rules[]`)
 */
export const httpRouteRedirectWithBackends = defineRule({
  code: 'HTTPRouteRedirectWithBackends',
  kinds: ['HTTPRoute'],
  message: 'RequestRedirect filter must not be used together with backendRefs',
  field: 'spec.rules[]',
  check(obj, report) {
    for (const rule of routeRules(obj)) {
      if (list(rule.item.backendRefs).length === 0) continue;
      list(rule.item.filters).forEach((f, i) => {
        const filter = record(f);
        if (filter && has(filter, 'requestRedirect')) report([...rule.path, 'filters', i, 'requestRedirect']);
      });
    }
  },
});
