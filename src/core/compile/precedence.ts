/**
 * Gateway API precedence (gateway-api.md §4.6 for HTTPRoute, §7 for GRPCRoute), resolved at compile
 * time into the order of a vhost's entries. First difference decides:
 *   1. hostname: characters in a non-wildcard matching hostname, then characters in the matching hostname;
 *   2. HTTPRoute: Exact path over PathPrefix (regex last), then the longest prefix;
 *      GRPCRoute: characters in the matching service, then in the method;
 *   3. a method match beats none (HTTPRoute);
 *   4. more header matches; 5. more query param matches (HTTPRoute);
 *   6. the oldest route (creationTimestamp; unknown ages are equal, DESIGN.md);
 *   7. `namespace/name` alphabetically;
 *   8. rule order, then match order within the route.
 * @see apis/v1/httproute_types.go (HTTPRouteRule doc), apis/v1/grpcroute_types.go (GRPCRouteRule doc)
 */
import type { Resource } from '../resources/types.js';
import { creationOf } from './read.js';
import type { PrecedenceKey, RouteEntry } from './types.js';

/** Oldest first, unknown ages equal; then namespace/name (gateway-api.md §2.1, §4.6 items 6–7). */
export function compareAge(a: Resource, b: Resource): number {
  return compareTimes(creationOf(a.object), creationOf(b.object)) || compareNames(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);
}

/**
 * Oldest first. A missing timestamp (usual in git) makes objects equally old among themselves
 * (DESIGN.md); next to known timestamps it counts as newest — the object would be created when
 * applied — which keeps the order transitive.
 */
export function compareTimes(a: string | null, b: string | null): number {
  const x = a === null ? Infinity : Date.parse(a);
  const y = b === null ? Infinity : Date.parse(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Code-unit order, independent of locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` takes precedence over `b`. */
export function comparePrecedence(a: PrecedenceKey, b: PrecedenceKey, sameKind: boolean): number {
  const host = b.exactHostnameChars - a.exactHostnameChars || b.hostnameChars - a.hostnameChars;
  if (host !== 0) return host;
  if (sameKind) {
    const specific =
      b.pathRank - a.pathRank ||
      b.pathChars - a.pathChars ||
      b.grpcServiceChars - a.grpcServiceChars ||
      b.grpcMethodChars - a.grpcMethodChars ||
      Number(b.hasMethod) - Number(a.hasMethod) ||
      b.headerCount - a.headerCount ||
      b.queryCount - a.queryCount;
    if (specific !== 0) return specific;
  }
  return (
    compareTimes(a.creationTimestamp, b.creationTimestamp) ||
    compareNames(a.namespacedName, b.namespacedName) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex
  );
}

/** Sorts entries in place into precedence order (stable for equal keys). */
export function sortEntries(entries: RouteEntry[]): RouteEntry[] {
  return entries.sort((x, y) => {
    if (x.precedence === null || y.precedence === null) return 0;
    return comparePrecedence(x.precedence, y.precedence, x.routeKind === y.routeKind);
  });
}

/** The first key on which `winner` beats `loser`, in words (for the trace). */
export function precedenceReason(winner: PrecedenceKey, loser: PrecedenceKey): string {
  if (winner.exactHostnameChars !== loser.exactHostnameChars || winner.hostnameChars !== loser.hostnameChars) return 'more specific hostname';
  if (winner.pathRank !== loser.pathRank) return winner.pathRank === 2 ? 'Exact path beats prefix' : 'PathPrefix beats regular expression';
  if (winner.pathChars !== loser.pathChars) return 'longer path prefix';
  if (winner.grpcServiceChars !== loser.grpcServiceChars) return 'longer service match';
  if (winner.grpcMethodChars !== loser.grpcMethodChars) return 'longer method match';
  if (winner.hasMethod !== loser.hasMethod) return 'method match';
  if (winner.headerCount !== loser.headerCount) return 'more header matches';
  if (winner.queryCount !== loser.queryCount) return 'more query param matches';
  if (compareTimes(winner.creationTimestamp, loser.creationTimestamp) !== 0) return 'older route';
  if (winner.namespacedName !== loser.namespacedName) return 'namespace/name order';
  return 'earlier rule or match';
}
