import { defineRule, reportRepeatedSectionNames, reportRepeatedSectionNamesAndPorts } from './helpers.js';
import { parentRefs, ROUTE_KINDS } from './route-helpers.js';

/**
 * parentRefs to the same parent name pairwise different sectionNames; two refs without one collide.
 * In the standard channel `port` does not tell refs apart (the experimental rule below compares it).
 * @see gateway-api.md §11.4 (`spec.parentRefs`, shared by all route kinds, §11.5)
 */
export const routeParentRefSectionNameUnique = defineRule({
  code: 'RouteParentRefSectionNameUnique',
  kinds: ROUTE_KINDS,
  message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
  field: 'spec.parentRefs',
  channels: ['standard'],
  check(obj, report) {
    reportRepeatedSectionNames(parentRefs(obj), report);
  },
});

/**
 * The same rule in the experimental channel: refs to the same parent differ in sectionName or in
 * port (unset and 0 alike), so one Service named twice, on ports 80 and 8080, is valid.
 * @see gateway-api.md §11.6; v1.6.1 config/crd/experimental/*routes.yaml `spec.parentRefs`
 */
export const routeParentRefSectionNameOrPortUnique = defineRule({
  code: 'RouteParentRefSectionNameUnique',
  kinds: ROUTE_KINDS,
  message: 'sectionName or port must be unique when parentRefs includes 2 or more references to the same parent',
  field: 'spec.parentRefs',
  channels: ['experimental'],
  check(obj, report) {
    reportRepeatedSectionNamesAndPorts(parentRefs(obj), report);
  },
});
