import { re2FullMatch } from '../regex/re2.js';

/**
 * Path sets both dialects can express, with exact intersection. Istio's plain-string prefix
 * (`/foo` also matches `/foobar`, istio.md §1.3) is the union of a Gateway API PathPrefix (whole
 * segments, gateway-api.md §4.2) and a `rest` regex for the part a segment prefix misses.
 *
 * - `exact`   : the path equals `value`                         → Gateway API `Exact`
 * - `segment` : `value` or `value/…` (`/` = every path)          → `PathPrefix`
 * - `rest`    : `prefix` followed by a char other than `/`, then anything → `RegularExpression prefix[^/].*`
 * - `under`   : `prefix/` then anything                          → `RegularExpression prefix/.*`
 * - `regex`   : an opaque whole-path regular expression           → `RegularExpression`
 */
export type PathAtom =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'segment'; readonly value: string }
  | { readonly kind: 'rest'; readonly prefix: string }
  | { readonly kind: 'under'; readonly prefix: string }
  | { readonly kind: 'regex'; readonly value: string };

export const ANY_PATH: PathAtom = { kind: 'segment', value: '/' };

/** `'empty'` — no path is in both; `'unknown'` — not computable (an opaque regex). */
export type Intersection<T> = T | 'empty' | 'unknown';

export function escapeRegex(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A regex matching `s` with ASCII letters in either case (`/Api` → `/[aA][pP][iI]`), RE2 and JS alike. */
export function caseless(s: string): string {
  let out = '';
  for (const ch of s) out += /[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escapeRegex(ch);
  return out;
}

export function atomRegex(a: PathAtom): string | undefined {
  switch (a.kind) {
    case 'rest':
      return `${escapeRegex(a.prefix)}[^/].*`;
    case 'under':
      return `${escapeRegex(a.prefix)}/.*`;
    case 'regex':
      return a.value;
    default:
      return undefined;
  }
}

/** The Gateway API path match of an atom. */
export function toGatewayPath(a: PathAtom): { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string } {
  if (a.kind === 'exact') return { type: 'Exact', value: a.value };
  if (a.kind === 'segment') return { type: 'PathPrefix', value: a.value };
  return { type: 'RegularExpression', value: atomRegex(a) as string };
}

function underSegment(p: string, path: string): boolean {
  return p === '/' || path === p || path.startsWith(`${p}/`);
}

/** Does the path belong to the atom? Regexes are RE2 full matches. */
export function atomHas(a: PathAtom, path: string): boolean {
  switch (a.kind) {
    case 'exact':
      return path === a.value;
    case 'segment':
      return underSegment(a.value, path);
    case 'rest':
      return path.length > a.prefix.length && path.startsWith(a.prefix) && path[a.prefix.length] !== '/';
    case 'under':
      return path.startsWith(`${a.prefix}/`);
    case 'regex':
      return re2FullMatch(a.value, path);
  }
}

/** RE2 full match in linear time, as Envoy matches (a pattern RE2 refuses matches nothing). */
export { re2FullMatch as fullMatch };

export function sameAtom(a: PathAtom, b: PathAtom): boolean {
  return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
}

/** The paths in both atoms, exactly. */
export function intersectAtoms(a: PathAtom, b: PathAtom): Intersection<PathAtom> {
  if (sameAtom(a, b)) return a;
  if (sameAtom(a, ANY_PATH)) return b;
  if (sameAtom(b, ANY_PATH)) return a;
  if (a.kind === 'exact') return atomHas(b, a.value) ? a : 'empty';
  if (b.kind === 'exact') return atomHas(a, b.value) ? b : 'empty';
  if (a.kind === 'regex' || b.kind === 'regex') return 'unknown';
  // Order the pair so that the switch below only sees kinds in a fixed order.
  const rank = { segment: 0, rest: 1, under: 2 } as const;
  const [x, y] = rank[a.kind] <= rank[b.kind] ? [a, b] : [b, a];
  if (x.kind === 'segment' && y.kind === 'segment') {
    if (underSegment(x.value, y.value)) return y;
    if (underSegment(y.value, x.value)) return x;
    return 'empty';
  }
  if (x.kind === 'segment' && y.kind === 'rest') {
    const p = x.value;
    const P = y.prefix;
    if (p === '/' || P.startsWith(`${p}/`)) return y;
    if (p.startsWith(P) && p.length > P.length && p[P.length] !== '/') return x;
    return 'empty';
  }
  if (x.kind === 'segment' && y.kind === 'under') {
    const p = x.value;
    const Q = y.prefix;
    if (p === '/' || Q === p || Q.startsWith(`${p}/`)) return y;
    if (p.startsWith(`${Q}/`)) return x;
    return 'empty';
  }
  if (x.kind === 'rest' && y.kind === 'rest') {
    const [s, l] = x.prefix.length <= y.prefix.length ? [x, y] : [y, x];
    if (!l.prefix.startsWith(s.prefix)) return 'empty';
    if (l.prefix.length === s.prefix.length) return s;
    return l.prefix[s.prefix.length] !== '/' ? l : 'empty';
  }
  if (x.kind === 'rest' && y.kind === 'under') {
    const P = x.prefix;
    const Qs = `${y.prefix}/`;
    if (Qs.startsWith(P)) return Qs.length > P.length && Qs[P.length] !== '/' ? y : 'empty';
    if (P.startsWith(Qs)) return x;
    return 'empty';
  }
  if (x.kind === 'under' && y.kind === 'under') {
    const A = `${x.prefix}/`;
    const B = `${y.prefix}/`;
    if (B.startsWith(A)) return y;
    if (A.startsWith(B)) return x;
    return 'empty';
  }
  return 'unknown';
}

/**
 * The Gateway API precedence of a path (gateway-api.md §4.6 step 2): Exact, then the longest
 * PathPrefix, then regular expressions (implementation-specific; ranked last here, as the
 * compiler does).
 */
/** `pathRank(a)[0] - pathRank(b)[0] || pathRank(a)[1] - pathRank(b)[1]`, without arrays (precedence is compared pair by pair). */
export function comparePathRanks(a: PathAtom, b: PathAtom): number {
  const ka = a.kind === 'exact' ? 2 : a.kind === 'segment' ? 1 : 0;
  const kb = b.kind === 'exact' ? 2 : b.kind === 'segment' ? 1 : 0;
  if (ka !== kb) return ka - kb;
  return (a.kind === 'exact' || a.kind === 'segment' ? a.value.length : 0) - (b.kind === 'exact' || b.kind === 'segment' ? b.value.length : 0);
}

export function pathRank(a: PathAtom): [number, number] {
  if (a.kind === 'exact') return [2, a.value.length];
  if (a.kind === 'segment') return [1, a.value.length];
  return [0, 0];
}
