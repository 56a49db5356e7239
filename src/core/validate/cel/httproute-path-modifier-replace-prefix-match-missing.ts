import { defineRule, has } from './helpers.js';
import { pathModifiers } from './route-helpers.js';

/**
 * A path modifier of type ReplacePrefixMatch sets `replacePrefixMatch`.
 * @see gateway-api.md §11.4 (Inside filters: `requestRedirect.path`, `urlRewrite.path`)
 */
export const httpRoutePathModifierReplacePrefixMatchMissing = defineRule({
  code: 'HTTPRoutePathModifierReplacePrefixMatchMissing',
  kinds: ['HTTPRoute'],
  message: "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
  field: 'spec.rules[].filters[].requestRedirect.path, spec.rules[].filters[].urlRewrite.path',
  check(obj, report) {
    for (const { item, path, type } of pathModifiers(obj)) {
      if (type === 'ReplacePrefixMatch' && !has(item, 'replacePrefixMatch')) report([...path, 'type']);
    }
  },
});
