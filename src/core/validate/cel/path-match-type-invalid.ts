import { defineRule, textOr } from './helpers.js';
import { httpPathMatches } from './route-helpers.js';

/**
 * A path match's type (PathPrefix when absent) is Exact, PathPrefix or RegularExpression. Unlike
 * the other path rules, this one holds for every type. @see gateway-api.md §11.4 (Path match)
 */
export const pathMatchTypeInvalid = defineRule({
  code: 'PathMatchTypeInvalid',
  kinds: ['HTTPRoute'],
  message: "type must be one of ['Exact', 'PathPrefix', 'RegularExpression']",
  field: 'spec.rules[].matches[].path',
  check(obj, report) {
    for (const { item, path } of httpPathMatches(obj)) {
      const type = textOr(item, 'type', 'PathPrefix');
      if (type !== undefined && type !== 'Exact' && type !== 'PathPrefix' && type !== 'RegularExpression') report([...path, 'type']);
    }
  },
});
