import { filterNotRepeated } from './route-helpers.js';

/** At most one RequestHeaderModifier filter per filter list; every later one is reported. @see gateway-api.md §11.4 (Filter lists), §11.5 (GRPCRoute) */
export const filterRequestHeaderModifierRepeated = filterNotRepeated('FilterRequestHeaderModifierRepeated', ['HTTPRoute', 'GRPCRoute'], 'RequestHeaderModifier', 'RequestHeaderModifier filter cannot be repeated');
