import { defineRule, reportMixedSectionNames, reportMixedSectionNamesOrPorts } from './helpers.js';
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
  channels: ['standard'],
  check(obj, report) {
    reportMixedSectionNames(parentRefs(obj), report);
  },
});

/**
 * The same rule in the experimental channel: among parentRefs to the same parent, all or none set
 * `sectionName`, and all or none set `port` (0 counts as unset). A ref lacking one that another
 * ref to its parent sets is reported. @see gateway-api.md §11.6
 */
export const routeParentRefSectionNameOrPortRequired = defineRule({
  code: 'RouteParentRefSectionNameRequired',
  kinds: ROUTE_KINDS,
  message: 'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
  field: 'spec.parentRefs',
  channels: ['experimental'],
  check(obj, report) {
    reportMixedSectionNamesOrPorts(parentRefs(obj), report);
  },
});
