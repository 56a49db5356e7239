/** StringMatch against a value (undefined = absent). */
import type { StringMatch } from '../../compile/types.js';
import type { RegexTest } from '../implementation-regex.js';
import { fullMatch } from './regex.js';

/** `regex`: how a RegularExpression is read (the target's implementation); RE2 full match by default. */
export function matchString(m: StringMatch, value: string | undefined, regex: RegexTest = fullMatch): boolean {
  if (value === undefined) return false;
  switch (m.type) {
    case 'Present':
      return true;
    case 'Exact':
      return m.ignoreCase ? value.toLowerCase() === m.value.toLowerCase() : value === m.value;
    case 'Prefix':
      return m.ignoreCase ? value.toLowerCase().startsWith(m.value.toLowerCase()) : value.startsWith(m.value);
    case 'RegularExpression':
      return regex(m.value, value);
  }
}

/** `1`, `~ ^v[0-9]$`, `prefix /a`, `present` — how a condition is shown in the trace. */
export function describeString(m: StringMatch): string {
  switch (m.type) {
    case 'Present':
      return 'present';
    case 'Exact':
      return m.value;
    case 'Prefix':
      return `prefix ${m.value}`;
    case 'RegularExpression':
      return `~ ${m.value}`;
  }
}
