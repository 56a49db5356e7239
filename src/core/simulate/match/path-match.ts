/**
 * Path conditions (gateway-api.md §4.2): Exact is byte-for-byte; PathPrefix matches whole path
 * elements (`/foo` matches `/foo`, `/foo/`, `/foo/bar`, never `/foobar`; the stored value has no
 * trailing `/`); Prefix is a plain string prefix (Istio); RegularExpression matches the whole path.
 * The path compared excludes the query.
 */
import type { PathMatch } from '../../compile/types.js';
import type { RegexTest } from '../implementation-regex.js';
import { fullMatch } from './regex.js';

/** `regex`: how a RegularExpression is read (the target's implementation); RE2 full match by default. */
export function matchPath(m: PathMatch, path: string, regex: RegexTest = fullMatch): boolean {
  const value = m.ignoreCase ? m.value.toLowerCase() : m.value;
  const p = m.ignoreCase && m.type !== 'RegularExpression' ? path.toLowerCase() : path;
  switch (m.type) {
    case 'Exact':
      return p === value;
    case 'PathPrefix':
      return segmentPrefixMatches(value, p);
    case 'Prefix':
      return p.startsWith(value);
    case 'RegularExpression':
      return regex(m.value, path);
  }
}

/** Element-wise prefix; `prefix` without trailing `/` (except `/` itself). */
export function segmentPrefixMatches(prefix: string, path: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function describePath(m: PathMatch): string {
  const ci = m.ignoreCase ? ' (ignoring case)' : '';
  switch (m.type) {
    case 'Exact':
      return `exact path ${m.value}${ci}`;
    case 'PathPrefix':
      return `path prefix ${m.value}${ci}`;
    case 'Prefix':
      return `string prefix ${m.value}${ci}`;
    case 'RegularExpression':
      return `path regex ${m.value}`;
  }
}
