import { defineRule, has } from './helpers.js';
import { pathModifiers } from './route-helpers.js';

/**
 * A path modifier that sets `replacePrefixMatch` has type ReplacePrefixMatch (a missing type is the schema's to report).
 * @see gateway-api.md §11.4 (Inside filters: `requestRedirect.path`, `urlRewrite.path`)
 */
export const httpRoutePathModifierTypeNotReplacePrefixMatch = defineRule({
  code: 'HTTPRoutePathModifierTypeNotReplacePrefixMatch',
  kinds: ['HTTPRoute'],
  message: "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set",
  field: 'spec.rules[].filters[].requestRedirect.path, spec.rules[].filters[].urlRewrite.path',
  check(obj, report) {
    for (const { item, path, type } of pathModifiers(obj)) {
      if (type !== undefined && type !== 'ReplacePrefixMatch' && has(item, 'replacePrefixMatch')) report([...path, 'type']);
    }
  },
});
