/**
 * Does one string condition hold for every value another holds for? Proven only; `false` means
 * "not proven" (the witness search then decides). Regexes are RE2, full match
 * (compile/match-types.ts): a regex covers an exact value by matching it, and another regex only
 * when they are the same pattern — anything more is undecidable here.
 */
import type { StringMatch } from '../../compile/types.js';
import { fullMatch } from '../../simulate/match/regex.js';
import { matchString } from '../../simulate/match/string-match.js';

/** True when the text changes under case folding (then an ignore-case condition holds for more values). */
export function hasCase(text: string): boolean {
  return text.toLowerCase() !== text.toUpperCase();
}

/** Every value `b` holds for, `a` holds for too (values present). */
export function stringCovers(a: StringMatch, b: StringMatch): boolean {
  if (a.type === 'Present') return true;
  if (b.type === 'Present') return false;
  if (b.type === 'RegularExpression') return a.type === 'RegularExpression' && a.value === b.value;
  const bFolds = b.ignoreCase === true && hasCase(b.value);
  if (a.type === 'RegularExpression') return !bFolds && b.type === 'Exact' && fullMatch(a.value, b.value);
  const fold = a.ignoreCase === true;
  if (bFolds && !fold) return false;
  const av = fold ? a.value.toLowerCase() : a.value;
  const bv = fold ? b.value.toLowerCase() : b.value;
  if (b.type === 'Exact') return a.type === 'Exact' ? av === bv : bv.startsWith(av);
  return a.type === 'Prefix' && bv.startsWith(av);
}

/** `a` holds for no value `b` holds for (values present), proven only for exact `b`. */
export function stringExcludes(a: StringMatch, b: StringMatch): boolean {
  if (b.type !== 'Exact' || (b.ignoreCase === true && hasCase(b.value))) return false;
  return !matchString(a, b.value);
}
