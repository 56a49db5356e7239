import { prefixMatchRule } from './route-helpers.js';

/**
 * A rule-level RequestRedirect that replaces the prefix needs the rule to have exactly one match,
 * a PathPrefix one (a rule without matches has the defaulted PathPrefix `/`).
 * @see gateway-api.md §11.4 (`spec.rules[]`)
 */
export const httpRouteRedirectPrefixMatchNeedsOnePathPrefix = prefixMatchRule(
  'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix',
  'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'requestRedirect',
  'rule',
);
