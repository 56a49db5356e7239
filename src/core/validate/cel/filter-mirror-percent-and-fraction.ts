import { defineRule, has, record } from './helpers.js';
import { routeFilters } from './route-helpers.js';

/** A requestMirror sets `percent` or `fraction`, not both. @see gateway-api.md §11.4 (Inside filters), §11.5 */
export const filterMirrorPercentAndFraction = defineRule({
  code: 'FilterMirrorPercentAndFraction',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  message: 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
  field: 'spec.rules[].filters[].requestMirror',
  check(obj, report) {
    for (const filter of routeFilters(obj)) {
      const mirror = record(filter.item.requestMirror);
      if (mirror && has(mirror, 'percent') && has(mirror, 'fraction')) report([...filter.path, 'requestMirror']);
    }
  },
});
