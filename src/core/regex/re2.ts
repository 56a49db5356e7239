/**
 * User regular expressions, read and run as Envoy runs them: RE2 syntax, matched in time linear in
 * the input whatever the pattern (no backtracking, so `(a+)+$` cannot hang the simulator, the
 * converter or the editor). The engine is re2js, a JavaScript port of RE2 (Node, browser and
 * Worker alike, no WebAssembly).
 *
 * Envoy matches route, header and query regexes with `RE2::FullMatch` and rewrites paths with
 * `RE2::GlobalReplace` (envoy source/common/common/regex.h, CompiledGoogleReMatcher), so a match
 * here is a full match: the pattern must cover the whole value, `^`/`$` are not needed.
 *
 * Known difference from C++ RE2: re2js refuses `\C` (any byte), which C++ RE2 accepts.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { describeRefusal, type Re2Refusal } from './refusal.js';

export type Re2Compiled = { readonly ok: true; readonly re: RE2JS } | { readonly ok: false; readonly refusal: Re2Refusal };

/**
 * Compiled patterns, oldest evicted first. A compiled pattern holds about 20 KB once it has run,
 * so the cache stays under ~20 MB however many patterns a session meets.
 */
const MAX_CACHED = 1024;
const cache = new Map<string, Re2Compiled>();

export function compileRe2(pattern: string): Re2Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const compiled = compileUncached(pattern);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

function compileUncached(pattern: string): Re2Compiled {
  try {
    return { ok: true, re: RE2JS.compile(pattern) };
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) return { ok: false, refusal: describeRefusal({ description: e.error, piece: e.input }) };
    // Any other engine failure (none is known) still means: Envoy would not get this far either.
    return { ok: false, refusal: { kind: 'Syntax', reason: `RE2 cannot compile it: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** Why RE2 refuses `pattern`, or null when RE2 accepts it. */
export function re2Refusal(pattern: string): Re2Refusal | null {
  const c = compileRe2(pattern);
  return c.ok ? null : c.refusal;
}

/** RE2 FullMatch: does `pattern` match the whole of `value`? A pattern RE2 refuses matches nothing. */
export function re2FullMatch(pattern: string, value: string): boolean {
  const c = compileRe2(pattern);
  return c.ok && c.re.testExact(value);
}
