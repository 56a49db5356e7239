import { filterNotRepeated } from './route-helpers.js';

/** At most one URLRewrite filter per filter list; every later one is reported. @see gateway-api.md §11.4 (Filter lists) */
export const httpRouteFilterURLRewriteRepeated = filterNotRepeated('HTTPRouteFilterURLRewriteRepeated', ['HTTPRoute'], 'URLRewrite', 'URLRewrite filter cannot be repeated');
