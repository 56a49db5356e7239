import { filterNotRepeated } from './route-helpers.js';

/** At most one CORS filter per filter list; every later one is reported. @see gateway-api.md §11.4 (Filter lists) */
export const httpRouteFilterCORSRepeated = filterNotRepeated('HTTPRouteFilterCORSRepeated', ['HTTPRoute'], 'CORS', 'CORS filter cannot be repeated');
