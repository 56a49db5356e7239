import { defineRule, has, record } from './helpers.js';

const MAX_TOTAL_MATCHES = 128;
/** The CRD's expression adds up `self[0]` … `self[15]` only (the schema allows 16 rules). */
const COUNTED_RULES = 16;

/**
 * At most 128 matches over all rules (the message says "less than"; the expression allows 128).
 * An HTTPRoute rule without `matches` has one (the defaulted PathPrefix `/` match), as has an
 * HTTPRoute without `rules`; a GRPCRoute rule without `matches` has none.
 * @see gateway-api.md §11.4 (HTTPRoute `spec.rules`), §11.5 (GRPCRoute)
 */
export const routeMatchesTotalTooMany = defineRule({
  code: 'RouteMatchesTotalTooMany',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  message: 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128',
  field: 'spec.rules',
  check(obj, report) {
    const rules = record(obj.spec)?.rules;
    if (!Array.isArray(rules)) return;
    const defaulted = obj.kind === 'HTTPRoute' ? 1 : 0;
    let total = 0;
    for (const rule of rules.slice(0, COUNTED_RULES)) {
      const r = record(rule);
      if (!r) continue;
      if (!has(r, 'matches')) total += defaulted;
      else if (Array.isArray(r.matches)) total += r.matches.length;
    }
    if (total > MAX_TOTAL_MATCHES) report(['spec', 'rules']);
  },
});
