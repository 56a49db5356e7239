import { corsWildcardAloneRule } from './route-helpers.js';

/**
 * `cors.allowHeaders` holds `*` only on its own. The CRD's message says "methods" (sic); kept verbatim.
 * @see gateway-api.md §11.4 (Inside filters)
 */
export const httpRouteCORSAllowHeadersWildcardNotAlone = corsWildcardAloneRule(
  'HTTPRouteCORSAllowHeadersWildcardNotAlone',
  'allowHeaders',
  "AllowHeaders cannot contain '*' alongside other methods",
);
