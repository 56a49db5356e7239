/**
 * HTTPRoute match → RouteMatch and the match's part of the precedence key (gateway-api.md §4.1–§4.6).
 * Defaults: path `{type: PathPrefix, value: /}`; header and query match type Exact. Duplicate header
 * names (case-insensitive) or query names in one match: only the first counts (§4.3, §4.4).
 */
import { re2Refusal } from '../regex/re2.js';
import { arr, rec, str } from './read.js';
import type { HeaderMatch, Note, PathMatch, QueryParamMatch, RouteMatch, StringMatch } from './types.js';
import type { RuleProblem } from './http-filters.js';

export interface MatchPrecedence {
  readonly pathRank: number;
  readonly pathChars: number;
  readonly hasMethod: boolean;
  readonly headerCount: number;
  readonly queryCount: number;
}

export interface CompiledMatch {
  readonly match: RouteMatch;
  readonly precedence: MatchPrecedence;
  readonly notes: Note[];
  readonly problem: RuleProblem | null;
  /** The PathPrefix value as written, when the match is a PathPrefix (for ReplacePrefixMatch). */
  readonly prefix: string | null;
}

/** HTTPMethod enum (apis/v1/httproute_types.go). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

export const REGEX_NOTE: Note = {
  code: 'ImplementationSpecific',
  message: 'regular expressions are evaluated as RE2 (as Envoy runs them) matching the whole value, in linear time; the dialect and their precedence are implementation-specific',
};

/** PathPrefix values are stored without a trailing `/` (gateway-api.md §4.2). */
export function normalizePrefix(value: string): string {
  return value.length > 1 && value.endsWith('/') ? value.slice(0, -1) : value;
}

/** null when RE2 accepts `pattern`, else why it refuses it (a rule using it is not programmed). */
export function regexError(pattern: string): string | null {
  return re2Refusal(pattern)?.reason ?? null;
}

export function compileHttpMatch(raw: unknown, where: string): CompiledMatch {
  const m = rec(raw);
  const notes: Note[] = [];
  let problem: RuleProblem | null = null;
  const p = rec(m.path);
  const type = str(p.type) ?? 'PathPrefix';
  const value = str(p.value) ?? '/';
  let path: PathMatch;
  if (type === 'Exact') path = { type: 'Exact', value };
  else if (type === 'PathPrefix') path = { type: 'PathPrefix', value: normalizePrefix(value) };
  else {
    if (type !== 'RegularExpression') problem = { reason: 'UnsupportedValue', message: `${where}.path: type ${type} is not supported` };
    path = { type: 'RegularExpression', value };
  }
  const string = (t: string, v: string, field: string): StringMatch => {
    if (t === 'RegularExpression') {
      notes.push(REGEX_NOTE);
      const err = regexError(v);
      if (err) problem ??= { reason: 'UnsupportedValue', message: `${field}: invalid regular expression: ${err}` };
      return { type: 'RegularExpression', value: v };
    }
    if (t !== 'Exact') problem ??= { reason: 'UnsupportedValue', message: `${field}: match type ${t} is not supported` };
    return { type: 'Exact', value: v };
  };
  if (path.type === 'RegularExpression') {
    notes.push(REGEX_NOTE);
    const err = regexError(value);
    if (err) problem ??= { reason: 'UnsupportedValue', message: `${where}.path: invalid regular expression: ${err}` };
  }
  const headers: HeaderMatch[] = [];
  const rawHeaders = arr(m.headers);
  for (let i = 0; i < rawHeaders.length; i++) {
    const h = rawHeaders[i];
    const name = (str(rec(h).name) ?? '').toLowerCase();
    if (headers.some((x) => x.name === name)) {
      notes.push({ code: 'ImplementationSpecific', message: `${where}.headers[${i}]: header ${name} is matched twice; only the first counts` });
      continue;
    }
    headers.push({ name, match: string(str(rec(h).type) ?? 'Exact', str(rec(h).value) ?? '', `${where}.headers[${i}]`) });
  }
  const queryParams: QueryParamMatch[] = [];
  const rawQuery = arr(m.queryParams);
  for (let i = 0; i < rawQuery.length; i++) {
    const q = rawQuery[i];
    const name = str(rec(q).name) ?? '';
    if (queryParams.some((x) => x.name === name)) continue;
    queryParams.push({ name, match: string(str(rec(q).type) ?? 'Exact', str(rec(q).value) ?? '', `${where}.queryParams[${i}]`) });
  }
  const method = str(m.method);
  if (method !== null && !METHODS.includes(method)) problem ??= { reason: 'UnsupportedValue', message: `${where}.method: ${method} is not a supported method` };
  // Optional keys are set only when present (as spreads of `{}` would, without the copies).
  const match: { -readonly [K in keyof RouteMatch]: RouteMatch[K] } = { path };
  if (method !== null) match.method = { type: 'Exact', value: method };
  if (headers.length > 0) match.headers = headers;
  if (queryParams.length > 0) match.queryParams = queryParams;
  return {
    match,
    precedence: {
      pathRank: path.type === 'Exact' ? 2 : path.type === 'PathPrefix' ? 1 : 0,
      pathChars: path.type === 'RegularExpression' ? 0 : value.length,
      hasMethod: method !== null,
      headerCount: headers.length,
      queryCount: queryParams.length,
    },
    notes: dedupe(notes),
    problem,
    prefix: path.type === 'PathPrefix' ? value : null,
  };
}

export function dedupe(notes: readonly Note[]): Note[] {
  // Most matches carry no note or one: nothing to compare.
  if (notes.length < 2) return notes.slice();
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.message) && (seen.add(n.message), true));
}
