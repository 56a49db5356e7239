import { defineRule, record, text } from './helpers.js';
import { filterLists } from './route-helpers.js';

/**
 * One filter list holds a RequestRedirect or a URLRewrite filter, not both. The first filter of
 * whichever type comes second is reported. @see gateway-api.md §11.4 (Filter lists)
 */
export const httpRouteFilterRedirectAndRewrite = defineRule({
  code: 'HTTPRouteFilterRedirectAndRewrite',
  kinds: ['HTTPRoute'],
  message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
  field: 'spec.rules[].filters, spec.rules[].backendRefs[].filters',
  check(obj, report) {
    for (const { filters, path } of filterLists(obj)) {
      const types = filters.map((f) => text(record(f)?.type));
      const redirect = types.indexOf('RequestRedirect');
      const rewrite = types.indexOf('URLRewrite');
      if (redirect >= 0 && rewrite >= 0) report([...path, Math.max(redirect, rewrite), 'type']);
    }
  },
});
