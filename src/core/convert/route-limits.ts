import type { FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import type { Report } from './report.js';

/**
 * What an HTTPRoute or GRPCRoute may hold (gateway-api v1.6.1 CRDs): `spec.rules` maxItems 16,
 * `rules[].matches` maxItems 64, and at most 128 matches over all
 * rules (CEL: "While 16 rules and 64 matches per rule are allowed, the total number of matches
 * across all rules in a route must be less than 128"; the expression allows 128).
 */
export const MAX_RULES = 16;
export const MAX_MATCHES_PER_RULE = 64;
export const MAX_TOTAL_MATCHES = 128;

/**
 * Counts the rules of one route as they are written, and refuses one that would take the route
 * beyond its CRD's limits: that rule is left out with a `RouteTooLarge` loss entry on its source
 * rule (the requests it took go to the route's other rules, or to none).
 */
export class RouteLimits {
  private rules = 0;
  private matches = 0;

  constructor(
    private readonly kind: 'HTTPRoute' | 'GRPCRoute',
    private readonly name: string,
  ) {}

  /**
   * Whether a rule with `written` matches fits; when not, the loss entry is written on
   * `source`/`at`. A rule written without matches counts as one: the HTTPRoute CRD defaults it to
   * `[{path: {type: PathPrefix, value: /}}]` before its rules are checked.
   */
  admit(written: number, source: Resource, at: FieldPath, report: Report): boolean {
    const matches = Math.max(1, written);
    const fits = this.rules < MAX_RULES && matches <= MAX_MATCHES_PER_RULE && this.matches + matches <= MAX_TOTAL_MATCHES;
    if (fits) {
      this.rules++;
      this.matches += matches;
      return true;
    }
    const limit = this.rules >= MAX_RULES ? `${MAX_RULES} rules` : matches > MAX_MATCHES_PER_RULE ? `${MAX_MATCHES_PER_RULE} matches in a rule` : `${MAX_TOTAL_MATCHES} matches over its rules`;
    report.lose('RouteTooLarge', source, at, `the ${this.kind} ${this.name} would hold more than ${limit}, which its CRD refuses: a rule written for this (with ${matches} match${matches === 1 ? '' : 'es'}) is left out, and the requests it took go to the route's other rules or to none`);
    return false;
  }
}
