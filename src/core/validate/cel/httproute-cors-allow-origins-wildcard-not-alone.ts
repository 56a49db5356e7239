import { corsWildcardAloneRule } from './route-helpers.js';

/**
 * `cors.allowOrigins` holds `*` only on its own.
 * @see gateway-api.md §11.4 (Inside filters)
 */
export const httpRouteCORSAllowOriginsWildcardNotAlone = corsWildcardAloneRule(
  'HTTPRouteCORSAllowOriginsWildcardNotAlone',
  'allowOrigins',
  "AllowOrigins cannot contain '*' alongside other origins",
);
