import { defineRule, reportMixedSectionNames } from './helpers.js';
import { parentRefs, ROUTE_KINDS } from './route-helpers.js';

/**
 * Among parentRefs to the same parent (group, kind, name and namespace, defaults applied), either
 * all set `sectionName` or none do. A ref without one is reported when another ref to the same
 * parent has one. @see gateway-api.md §11.4 (`spec.parentRefs`, shared by all route kinds, §11.5)
 */
export const routeParentRefSectionNameRequired = defineRule({
  code: 'RouteParentRefSectionNameRequired',
  kinds: ROUTE_KINDS,
  message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent',
  field: 'spec.parentRefs',
  check(obj, report) {
    reportMixedSectionNames(parentRefs(obj), report);
  },
});
