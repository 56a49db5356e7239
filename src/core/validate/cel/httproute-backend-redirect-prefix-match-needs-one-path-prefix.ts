import { prefixMatchRule } from './route-helpers.js';

/**
 * A backendRef-level RequestRedirect that replaces the prefix needs the enclosing rule to have
 * exactly one match, a PathPrefix one. @see gateway-api.md §11.4 (`spec.rules[]`)
 */
export const httpRouteBackendRedirectPrefixMatchNeedsOnePathPrefix = prefixMatchRule(
  'HTTPRouteBackendRedirectPrefixMatchNeedsOnePathPrefix',
  'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'requestRedirect',
  'backendRefs',
);
