import { prefixMatchRule } from './route-helpers.js';

/**
 * A rule-level URLRewrite that replaces the prefix needs the rule to have exactly one match, a
 * PathPrefix one (a rule without matches has the defaulted PathPrefix `/`).
 * @see gateway-api.md §11.4 (`spec.rules[]`)
 */
export const httpRouteRewritePrefixMatchNeedsOnePathPrefix = prefixMatchRule(
  'HTTPRouteRewritePrefixMatchNeedsOnePathPrefix',
  'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'urlRewrite',
  'rule',
);
