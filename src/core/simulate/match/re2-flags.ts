/**
 * RE2 inline flags that JavaScript RegExp does not accept. Istio documents `(?i)` for
 * case-insensitive regex matches (istio/api virtual_service.proto StringMatch: "`(?i)^aaa$` can
 * be used to case-insensitive match a string"; RegexRewrite example 2). A leading group of flags
 * (`(?i)`, `(?s)`, `(?is)`…) becomes JS flags; `m`, `U` and flags further inside stay as written
 * (such patterns do not compile and never match, as before).
 */
const LEADING = /^\(\?([is]+)\)/;

export function re2ToJs(pattern: string): { source: string; flags: string } {
  const m = LEADING.exec(pattern);
  if (!m) return { source: pattern, flags: '' };
  return { source: pattern.slice(m[0].length), flags: [...new Set(m[1] ?? '')].join('') };
}
