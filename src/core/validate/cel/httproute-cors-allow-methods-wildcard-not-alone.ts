import { corsWildcardAloneRule } from './route-helpers.js';

/**
 * `cors.allowMethods` holds `*` only on its own.
 * @see gateway-api.md §11.4 (Inside filters)
 */
export const httpRouteCORSAllowMethodsWildcardNotAlone = corsWildcardAloneRule(
  'HTTPRouteCORSAllowMethodsWildcardNotAlone',
  'allowMethods',
  "AllowMethods cannot contain '*' alongside other methods",
);
