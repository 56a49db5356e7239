import { filterNotRepeated } from './route-helpers.js';

/** At most one RequestRedirect filter per filter list; every later one is reported. @see gateway-api.md §11.4 (Filter lists) */
export const httpRouteFilterRequestRedirectRepeated = filterNotRepeated('HTTPRouteFilterRequestRedirectRepeated', ['HTTPRoute'], 'RequestRedirect', 'RequestRedirect filter cannot be repeated');
