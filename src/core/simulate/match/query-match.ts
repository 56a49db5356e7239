/**
 * Query parameter conditions (gateway-api.md §4.4): names case-sensitive; a parameter sent several
 * times is compared by its first value (the spec's recommendation; noted when it happens).
 */
import type { QueryParamMatch } from '../../compile/types.js';
import type { RegexTest } from '../implementation-regex.js';
import { fullMatch } from './regex.js';
import { describeString, matchString } from './string-match.js';

/** Name → every value, in order, percent-decoded where possible. */
export function parseQuery(pathAndQuery: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const q = pathAndQuery.indexOf('?');
  if (q === -1) return out;
  for (const part of pathAndQuery.slice(q + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function checkQuery(m: QueryParamMatch, query: ReadonlyMap<string, readonly string[]>, regex: RegexTest = fullMatch): string | null {
  const value = query.get(m.name)?.[0];
  if (matchString(m.match, value, regex)) return null;
  return value === undefined ? `query parameter ${m.name} absent` : `query parameter ${m.name} is ${JSON.stringify(value)}, not ${describeString(m.match)}`;
}
