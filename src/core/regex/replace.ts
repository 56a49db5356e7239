/**
 * `RE2::GlobalReplace`, which Envoy's `regex_rewrite` (Istio `uriRegexRewrite`) runs on the path
 * (envoy source/common/common/regex.h `replaceAll`; re2/re2.cc `GlobalReplace`, `Rewrite`):
 * - every non-overlapping match, left to right, is replaced by the rewrite; `^` still means the
 *   start of the whole text;
 * - in the rewrite, `\0`…`\9` stand for the match and its groups (an unmatched group is empty) and
 *   `\\` for one backslash; one digit only (`\10` is group 1, then `0`);
 * - a rewrite naming a group the pattern does not have replaces nothing;
 * - an empty match where the previous match ended is not replaced: one character is copied and
 *   the search goes on after it;
 * - any other backslash makes `Rewrite` stop there, keeping what it wrote of that replacement.
 * A pattern RE2 refuses replaces nothing.
 */
import { compileRe2 } from './re2.js';

export function re2GlobalReplace(pattern: string, rewrite: string, text: string): string {
  const c = compileRe2(pattern);
  if (!c.ok || maxSubmatch(rewrite) > c.re.groupCount()) return text;
  const m = c.re.matcher(text);
  let out = '';
  let p = 0;
  let lastEnd = -1;
  let count = 0;
  while (p <= text.length && m.find(p)) {
    const start = m.start();
    const end = m.end();
    out += text.slice(p, start);
    if (start === lastEnd && start === end) {
      const step = charLength(text, p);
      out += text.slice(p, p + step);
      p += Math.max(step, 1);
      continue;
    }
    out += expand(rewrite, (n) => m.group(n) ?? '');
    p = end;
    lastEnd = end;
    count++;
  }
  if (count === 0) return text;
  return out + text.slice(Math.min(p, text.length));
}

/** The highest group a rewrite names (`\3` → 3), -1 when it names none. */
function maxSubmatch(rewrite: string): number {
  let max = -1;
  for (let i = 0; i < rewrite.length; i++) {
    if (rewrite[i] !== '\\') continue;
    const d = rewrite.charCodeAt(i + 1) - 48;
    if (d >= 0 && d <= 9) max = Math.max(max, d);
    i++;
  }
  return max;
}

function expand(rewrite: string, group: (n: number) => string): string {
  let out = '';
  for (let i = 0; i < rewrite.length; i++) {
    const ch = rewrite[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = rewrite[++i];
    if (next !== undefined && next >= '0' && next <= '9') out += group(Number(next));
    else if (next === '\\') out += '\\';
    else return out;
  }
  return out;
}

/** UTF-16 units of the code point at `i` (RE2 skips one rune, not one byte). */
function charLength(s: string, i: number): number {
  if (i >= s.length) return 0;
  const cp = s.codePointAt(i) as number;
  return cp > 0xffff ? 2 : 1;
}
