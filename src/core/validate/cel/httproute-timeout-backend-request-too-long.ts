import { defineRule, has, record, text } from './helpers.js';
import { routeRules } from './route-helpers.js';

const UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const GO_DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** CEL `duration(s)` (Go's time.ParseDuration) in nanoseconds; `undefined` when it does not parse. */
export function parseDuration(s: string): number | undefined {
  if (s === '0' || s === '+0' || s === '-0') return 0;
  if (!GO_DURATION.test(s)) return undefined;
  let total = 0;
  for (const [, amount, unit] of s.matchAll(PART)) total += Number(amount) * (UNIT_NS[unit ?? ''] ?? Number.NaN);
  if (Number.isNaN(total)) return undefined;
  return s.startsWith('-') ? -total : total;
}

/**
 * `timeouts.backendRequest` may not exceed a non-zero `timeouts.request` (zero means no timeout).
 * Values that are not durations are left to the schema's Duration pattern.
 * @see gateway-api.md §11.4 (`spec.rules[].timeouts`), §6.3
 */
export const httpRouteTimeoutBackendRequestTooLong = defineRule({
  code: 'HTTPRouteTimeoutBackendRequestTooLong',
  kinds: ['HTTPRoute'],
  message: 'backendRequest timeout cannot be longer than request timeout',
  field: 'spec.rules[].timeouts',
  check(obj, report) {
    for (const rule of routeRules(obj)) {
      const timeouts = record(rule.item.timeouts);
      if (!timeouts || !has(timeouts, 'request') || !has(timeouts, 'backendRequest')) continue;
      const request = parseDuration(text(timeouts.request) ?? '');
      const backend = parseDuration(text(timeouts.backendRequest) ?? '');
      if (request === undefined || backend === undefined) continue;
      if (request !== 0 && backend > request) report([...rule.path, 'timeouts', 'backendRequest']);
    }
  },
});
