import { prefixMatchRule } from './route-helpers.js';

/**
 * A backendRef-level URLRewrite that replaces the prefix needs the enclosing rule to have exactly
 * one match, a PathPrefix one. The CRD's message capitalises "When" after the comma; kept verbatim.
 * @see gateway-api.md §11.4 (`spec.rules[]`)
 */
export const httpRouteBackendRewritePrefixMatchNeedsOnePathPrefix = prefixMatchRule(
  'HTTPRouteBackendRewritePrefixMatchNeedsOnePathPrefix',
  'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'urlRewrite',
  'backendRefs',
);
