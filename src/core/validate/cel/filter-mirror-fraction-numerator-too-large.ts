import { defineRule, has, num, record } from './helpers.js';
import { routeFilters } from './route-helpers.js';

/**
 * A requestMirror fraction is at most 1: numerator ≤ denominator (which defaults to 100).
 * @see gateway-api.md §11.4 (Inside filters), §11.5
 */
export const filterMirrorFractionNumeratorTooLarge = defineRule({
  code: 'FilterMirrorFractionNumeratorTooLarge',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  message: 'numerator must be less than or equal to denominator',
  field: 'spec.rules[].filters[].requestMirror.fraction',
  check(obj, report) {
    for (const filter of routeFilters(obj)) {
      const fraction = record(record(filter.item.requestMirror)?.fraction);
      if (!fraction) continue;
      const numerator = num(fraction.numerator);
      const denominator = has(fraction, 'denominator') ? num(fraction.denominator) : 100;
      if (numerator !== undefined && denominator !== undefined && numerator > denominator) {
        report([...filter.path, 'requestMirror', 'fraction']);
      }
    }
  },
});
