/** StringMatch against a value (undefined = absent). */
import type { StringMatch } from '../../compile/types.js';
import { fullMatch } from './regex.js';

export function matchString(m: StringMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  switch (m.type) {
    case 'Present':
      return true;
    case 'Exact':
      return m.ignoreCase ? value.toLowerCase() === m.value.toLowerCase() : value === m.value;
    case 'Prefix':
      return m.ignoreCase ? value.toLowerCase().startsWith(m.value.toLowerCase()) : value.startsWith(m.value);
    case 'RegularExpression':
      return fullMatch(m.value, value);
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
