import { defineRule, has } from './helpers.js';
import { pathModifiers } from './route-helpers.js';

/**
 * A path modifier of type ReplaceFullPath sets `replaceFullPath`.
 * @see gateway-api.md §11.4 (Inside filters: `requestRedirect.path`, `urlRewrite.path`)
 */
export const httpRoutePathModifierReplaceFullPathMissing = defineRule({
  code: 'HTTPRoutePathModifierReplaceFullPathMissing',
  kinds: ['HTTPRoute'],
  message: "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
  field: 'spec.rules[].filters[].requestRedirect.path, spec.rules[].filters[].urlRewrite.path',
  check(obj, report) {
    for (const { item, path, type } of pathModifiers(obj)) {
      if (type === 'ReplaceFullPath' && !has(item, 'replaceFullPath')) report([...path, 'type']);
    }
  },
});
