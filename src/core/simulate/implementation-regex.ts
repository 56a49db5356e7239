/**
 * Regular expressions read as the target's implementation reads them (implementation-table.ts):
 * the whole value (Envoy's RE2 FullMatch), from the start only (NGINX `location ~ ^…`), or anywhere
 * (Go's MatchString, JavaScript's RegExp.test). Patterns are run by RE2 in every reading, so a
 * match always takes time linear in the request; the syntax RE2 accepts is read alike by PCRE and
 * Go, and where JavaScript reads it otherwise (njs) the trace says so instead of guessing.
 */
import type { Note, RouteMatch, StringMatch } from '../compile/types.js';
import { compileRe2 } from '../regex/re2.js';
import type { ImplementationBehaviour, RegexReading } from './implementation-table.js';

export type RegexTest = (pattern: string, value: string) => boolean;

/** The tests a reading implies: for paths, and for header and query values. */
export interface RegexTests {
  readonly path: RegexTest;
  readonly values: RegexTest;
}

const whole: RegexTest = (p, v) => {
  const c = compileRe2(p);
  return c.ok && c.re.testExact(v);
};
const anywhere: RegexTest = (p, v) => {
  const c = compileRe2(p);
  return c.ok && c.re.test(v);
};
// `^(?:p)` is as RE2-valid as p itself; the group keeps an alternation inside the anchor.
const fromStart: RegexTest = (p, v) => compileRe2(p).ok && anywhere(`^(?:${p})`, v);

const TESTS = { whole, anywhere, 'from-start': fromStart } as const;

export function regexTests(r: RegexReading): RegexTests {
  return { path: TESTS[r.path], values: TESTS[r.values] };
}

/**
 * RE2 syntax that JavaScript's RegExp (no flags, as njs compiles it) rejects or reads otherwise:
 * `(?P<name>`, inline flags `(?i)`, POSIX classes `[[:alpha:]]`, `\pL` classes, `\A`, `\z`, `\Q…\E`.
 */
const NOT_ECMASCRIPT = /\(\?P<|\(\?[imsU-]+[):]|\[\[:|\\[pP][A-Za-z{]|\\[AzQ]/;

/** A header or query regex of `m` whose meaning under njs is not known here (NGINX Gateway Fabric). */
export function ecmaScriptDoubt(m: RouteMatch, impl: ImplementationBehaviour): Note | null {
  if (!impl.regex?.value.valuesEcmaScript) return null;
  const values: StringMatch[] = [...(m.headers ?? []).map((h) => h.match), ...(m.queryParams ?? []).map((q) => q.match)];
  const odd = values.map((s) => (s.type === 'RegularExpression' ? s.value : '')).find((p) => NOT_ECMASCRIPT.test(p));
  if (odd === undefined) return null;
  return { code: 'ImplementationSpecific', message: `regex ${odd}: ${impl.name} compiles header and query regexes with JavaScript's RegExp (njs), which does not read this RE2 syntax the same way; simulated as RE2 reads it, what ${impl.name} does is not known here` };
}

/** Does the match use a RegularExpression anywhere (path, header, query)? */
export function usesRegex(m: RouteMatch): boolean {
  return m.path?.type === 'RegularExpression' || (m.headers ?? []).some((h) => h.match.type === 'RegularExpression') || (m.queryParams ?? []).some((q) => q.match.type === 'RegularExpression');
}
