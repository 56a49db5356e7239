import { defineRule, has } from './helpers.js';
import { pathModifiers } from './route-helpers.js';

/**
 * A path modifier that sets `replaceFullPath` has type ReplaceFullPath (a missing type is the schema's to report).
 * @see gateway-api.md §11.4 (Inside filters: `requestRedirect.path`, `urlRewrite.path`)
 */
export const httpRoutePathModifierTypeNotReplaceFullPath = defineRule({
  code: 'HTTPRoutePathModifierTypeNotReplaceFullPath',
  kinds: ['HTTPRoute'],
  message: "type must be 'ReplaceFullPath' when replaceFullPath is set",
  field: 'spec.rules[].filters[].requestRedirect.path, spec.rules[].filters[].urlRewrite.path',
  check(obj, report) {
    for (const { item, path, type } of pathModifiers(obj)) {
      if (type !== undefined && type !== 'ReplaceFullPath' && has(item, 'replaceFullPath')) report([...path, 'type']);
    }
  },
});
