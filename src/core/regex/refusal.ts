/**
 * Why RE2 refuses a pattern, in words a route author can act on. RE2 leaves out every construct
 * that needs backtracking so that a match always runs in time linear in the input
 * (github.com/google/re2/wiki/Syntax lists them as "NOT SUPPORTED"): backreferences, lookaround,
 * atomic groups, possessive quantifiers. Other refusals are plain syntax errors, told with the
 * engine's own description.
 */
export type Re2RefusalKind =
  | 'Backreference'
  | 'Lookaround'
  | 'AtomicGroup'
  | 'PossessiveQuantifier'
  | 'RepeatCount'
  | 'UnsupportedEscape'
  | 'Syntax';

export interface Re2Refusal {
  readonly kind: Re2RefusalKind;
  /** One sentence: what RE2 does not accept and, where there is one, the RE2 way to write it. */
  readonly reason: string;
}

/** The engine's error (re2js `RE2JSSyntaxException`): its description and the offending piece. */
export interface EngineError {
  readonly description: string;
  readonly piece: string | null;
}

const ESCAPE_HINTS: Readonly<Record<string, string>> = {
  Z: '`\\Z` is not RE2: use `\\z` (end of text) or `$`',
  u: '`\\u` followed by four hex digits is not RE2: write `\\x{...}` with the same digits',
  c: 'control escapes (`\\cX`) are not RE2: write `\\x{..}`',
  G: '`\\G` is not RE2',
  e: '`\\e` is not RE2: write `\\x1b`',
};

export function describeRefusal(e: EngineError): Re2Refusal {
  const piece = e.piece ?? '';
  if (/^\\[1-9]/.test(piece) || piece.startsWith('\\k')) {
    return { kind: 'Backreference', reason: `backreferences (${piece}) are not supported by RE2, which matches in linear time` };
  }
  if (/^\(\?<?[=!]/.test(piece)) {
    return { kind: 'Lookaround', reason: `lookahead and lookbehind (${piece.slice(0, piece.startsWith('(?<') ? 4 : 3)}) are not supported by RE2, which matches in linear time` };
  }
  if (piece.startsWith('(?>')) return { kind: 'AtomicGroup', reason: 'atomic groups (`(?>`) are not supported by RE2' };
  if (e.description === 'invalid nested repetition operator') {
    return { kind: 'PossessiveQuantifier', reason: `a quantifier on a quantifier (${piece}: possessive like \`a++\` or doubled like \`a**\`) is not supported by RE2` };
  }
  if (e.description === 'invalid repeat count') {
    return { kind: 'RepeatCount', reason: `RE2 refuses the repetition ${piece}: counts go up to 1000, minimum before maximum` };
  }
  if (e.description === 'invalid escape sequence') {
    const hint = ESCAPE_HINTS[piece.slice(1, 2)];
    return { kind: 'UnsupportedEscape', reason: hint ?? `the escape ${piece} is not RE2` };
  }
  if (piece === '(?#') return { kind: 'Syntax', reason: 'comments (`(?#...)`) are not RE2' };
  return { kind: 'Syntax', reason: `RE2 cannot parse it: ${e.description}${piece ? ` at ${piece}` : ''}` };
}
