import { filterNotRepeated } from './route-helpers.js';

/** At most one ResponseHeaderModifier filter per filter list; every later one is reported. @see gateway-api.md §11.4 (Filter lists), §11.5 (GRPCRoute) */
export const filterResponseHeaderModifierRepeated = filterNotRepeated('FilterResponseHeaderModifierRepeated', ['HTTPRoute', 'GRPCRoute'], 'ResponseHeaderModifier', 'ResponseHeaderModifier filter cannot be repeated');
