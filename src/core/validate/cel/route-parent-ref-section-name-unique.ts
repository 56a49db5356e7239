import { defineRule, reportRepeatedSectionNames } from './helpers.js';
import { parentRefs, ROUTE_KINDS } from './route-helpers.js';

/**
 * parentRefs to the same parent name pairwise different sectionNames; two refs without one collide.
 * In the standard channel `port` does not tell refs apart (the experimental rule compares it).
 * @see gateway-api.md §11.4 (`spec.parentRefs`, shared by all route kinds, §11.5)
 */
export const routeParentRefSectionNameUnique = defineRule({
  code: 'RouteParentRefSectionNameUnique',
  kinds: ROUTE_KINDS,
  message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
  field: 'spec.parentRefs',
  check(obj, report) {
    reportRepeatedSectionNames(parentRefs(obj), report);
  },
});
