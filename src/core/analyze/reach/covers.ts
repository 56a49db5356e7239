/**
 * Entry A covers entry B when every request B's match holds for, A's holds for too (so, A coming
 * first, B never takes a request in that vhost). Proven condition by condition — path, gRPC
 * method, HTTP method, headers (incl. Istio `withoutHeaders`), query, scheme, authority, port,
 * source; `false` means "not proven", never "reachable" (a witness request proves that).
 */
import type { HeaderMatch, PathMatch, RouteEntry, RouteMatch } from '../../compile/types.js';
import { fullMatch } from '../../simulate/match/regex.js';
import { matchPath, segmentPrefixMatches } from '../../simulate/match/path-match.js';
import { matchString } from '../../simulate/match/string-match.js';
import { hasCase, stringCovers, stringExcludes } from './string-cover.js';

export function entryCovers(a: RouteEntry, b: RouteEntry): boolean {
  if (a.routeKind === 'GRPCRoute' && b.routeKind !== 'GRPCRoute') return false;
  return matchCovers(a.match, b.match);
}

export function matchCovers(a: RouteMatch, b: RouteMatch): boolean {
  if (a.path && !(b.grpc ? false : pathCovers(a.path, b.path))) return false;
  if (a.grpc && !grpcCovers(a.grpc, b.grpc)) return false;
  if (!optCovers(a.method, b.method) || !optCovers(a.scheme, b.scheme) || !optCovers(a.authority, b.authority)) return false;
  if (a.port !== undefined && a.port !== b.port) return false;
  if (!sourceCovers(a, b)) return false;
  for (const h of a.headers ?? []) if (!headerImplied(h, b.headers ?? [])) return false;
  for (const q of a.queryParams ?? []) {
    if (!(b.queryParams ?? []).some((x) => x.name === q.name && stringCovers(q.match, x.match))) return false;
  }
  return true;
}

function optCovers<T extends Parameters<typeof stringCovers>[0]>(a: T | undefined, b: T | undefined): boolean {
  return a === undefined || (b !== undefined && stringCovers(a, b));
}

/** Every path `b` admits (undefined: all), `a` admits. Paths always start with `/`. */
export function pathCovers(a: PathMatch, b: PathMatch | undefined): boolean {
  if (matchesAll(a)) return true;
  if (!b) return false;
  if (b.type === 'RegularExpression') return a.type === 'RegularExpression' && a.value === b.value;
  const bFolds = b.ignoreCase === true && hasCase(b.value);
  if (a.type === 'RegularExpression') return b.type === 'Exact' && !bFolds && fullMatch(a.value, b.value);
  const fold = a.ignoreCase === true;
  if (bFolds && !fold) return false;
  const bv = fold ? b.value.toLowerCase() : b.value;
  const av = fold ? a.value.toLowerCase() : a.value;
  if (b.type === 'Exact') return matchPath({ ...a, value: av, ignoreCase: false }, bv);
  if (a.type === 'Exact') return false;
  if (b.type === 'PathPrefix') return a.type === 'PathPrefix' ? segmentPrefixMatches(av, bv) : bv.startsWith(av);
  // b is a string prefix: every path starting with bv.
  return a.type === 'Prefix' ? bv.startsWith(av) : bv.startsWith(`${av}/`);
}

function matchesAll(a: PathMatch): boolean {
  if (a.type === 'PathPrefix') return a.value === '/' || a.value === '';
  if (a.type === 'Prefix') return a.value === '/' || a.value === '';
  return a.type === 'RegularExpression' && (a.value === '.*' || a.value === '/.*');
}

function grpcCovers(a: NonNullable<RouteMatch['grpc']>, b: RouteMatch['grpc']): boolean {
  if (!b) return false;
  const part = (x: string | null, y: string | null): boolean => {
    if (x === null) return true;
    if (y === null) return false;
    if (a.type === b.type) return x === y;
    return a.type === 'RegularExpression' && b.type === 'Exact' && fullMatch(x, y);
  };
  return part(a.service, b.service) && part(a.method, b.method);
}

function sourceCovers(a: RouteMatch, b: RouteMatch): boolean {
  if (!a.source) return true;
  if (!b.source) return false;
  if (a.source.namespace !== undefined && a.source.namespace !== b.source.namespace) return false;
  return Object.entries(a.source.labels ?? {}).every(([k, v]) => b.source?.labels?.[k] === v);
}

/** A's header condition holds whenever B's header conditions hold. */
function headerImplied(h: HeaderMatch, bs: readonly HeaderMatch[]): boolean {
  const same = bs.filter((x) => x.name === h.name);
  if (!h.invert) return same.some((x) => !x.invert && stringCovers(h.match, x.match));
  // withoutHeaders: A needs the header NOT to match h.match (absent counts as '' unless a presence check).
  return same.some((x) => {
    if (!x.invert) return stringExcludes(h.match, x.match);
    const bothPresence = (h.match.type === 'Present') === (x.match.type === 'Present');
    return bothPresence && stringCovers(x.match, h.match);
  });
}

/** Does a withoutHeaders condition let an absent header through? */
export function absentPasses(h: HeaderMatch): boolean {
  return h.match.type !== 'Present' && !matchString(h.match, '');
}
