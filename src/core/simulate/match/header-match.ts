/**
 * Header conditions (gateway-api.md §4.3): names case-insensitive, values case-sensitive; a header
 * sent several times is compared comma-joined (RFC 7230; implementation-specific, noted).
 * `invert` (Istio withoutHeaders): holds when the header does NOT match; an absent header counts as
 * the empty string except for a presence check.
 */
import type { HeaderMatch } from '../../compile/types.js';
import type { RegexTest } from '../implementation-regex.js';
import { fullMatch } from './regex.js';
import { describeString, matchString } from './string-match.js';

/** null when it holds, else why not (e.g. `header x-canary absent`). */
export function checkHeader(m: HeaderMatch, headers: ReadonlyMap<string, string>, regex: RegexTest = fullMatch): string | null {
  const value = headers.get(m.name);
  if (m.invert) {
    const probe = value ?? (m.match.type === 'Present' ? undefined : '');
    return matchString(m.match, probe, regex) ? `header ${m.name} matches ${describeString(m.match)} (withoutHeaders)` : null;
  }
  if (matchString(m.match, value, regex)) return null;
  return value === undefined ? `header ${m.name} absent` : `header ${m.name} is ${JSON.stringify(value)}, not ${describeString(m.match)}`;
}
