import { compareMatches, describeMatch, intersectMatches, matchId, toRequestMatch, type GwMatch } from './gw-match.js';
import type { RequestMatch } from './types.js';

/**
 * Istio first-match order → Gateway API precedence (istio.md §9.1).
 *
 * Istio takes the first entry (in list order) whose match holds; the Gateway API takes the most
 * specific match (gateway-api.md §4.6). Where a later Istio entry j is more specific than an earlier
 * entry i and both can hold for one request, the Gateway API would send that request to j. We add
 * to i the intersection i∧j: it only accepts requests i already accepted, and it is at least as
 * specific as j (longer or equal path, the union of headers and query parameters, the method), so it
 * wins — ties fall to rule order inside one route. New matches are checked again against earlier
 * entries until nothing changes. When the intersection cannot be computed (opaque regexes) or the
 * tie falls to another route's name, the pair is reported.
 */
export interface OrderEntry {
  /** The Gateway API route this entry lands in (`namespace/name`) and its rule order there. */
  readonly route: string;
  readonly rule: number;
  /** Mutable: added intersections are appended. Shared by every vhost the rule serves. */
  readonly matches: GwMatch[];
  /** For messages: `VirtualService shop/cart spec.http[2]`. */
  readonly label: string;
}

export interface OrderProblem {
  readonly earlier: OrderEntry;
  readonly later: OrderEntry;
  readonly message: string;
  /** The requests that change rule: those satisfying every one of these matches. */
  readonly allOf: readonly RequestMatch[];
}

/** Upper bound on matches added for one sequence; beyond it the order is reported as not preserved. */
const MAX_ADDED = 256;

/** Matches are immutable: each one's identity is written once (a sequence compares every pair). */
const ids = new WeakMap<GwMatch, string>();

function idOf(m: GwMatch): string {
  let id = ids.get(m);
  if (id === undefined) ids.set(m, (id = matchId(m)));
  return id;
}

function beats(a: GwMatch, ea: OrderEntry, b: GwMatch, eb: OrderEntry): boolean {
  const d = compareMatches(a, b);
  if (d !== 0) return d > 0;
  if (ea.route === eb.route) return ea.rule < eb.rule;
  return ea.route < eb.route;
}

/** Makes `seq` (in Istio order) decide like Istio under Gateway API precedence. Returns how many matches were added. */
export function preserveOrder(seq: readonly OrderEntry[], problems: OrderProblem[]): number {
  let added = 0;
  const work: { j: number; b: GwMatch }[] = [];
  seq.forEach((e, j) => {
    for (const b of e.matches) work.push({ j, b });
  });
  for (let next = 0; next < work.length; next++) {
    const { j, b } = work[next] as { j: number; b: GwMatch };
    const later = seq[j] as OrderEntry;
    for (let i = 0; i < j; i++) {
      const earlier = seq[i] as OrderEntry;
      if (earlier === later) continue;
      for (const a of [...earlier.matches]) {
        if (beats(a, earlier, b, later)) continue;
        const c = intersectMatches(a, b);
        if (c === 'empty') continue;
        if (c === 'unknown') {
          problems.push({ earlier, later, allOf: [toRequestMatch(a), toRequestMatch(b)], message: `requests matching both ${describeMatch(a)} (${earlier.label}) and ${describeMatch(b)} (${later.label}) go to the later rule in the Gateway API, which ranks its match higher; Istio takes the earlier rule` });
          continue;
        }
        if (!beats(c, earlier, b, later)) {
          const why = compareMatches(c, b) < 0 ? `the Gateway API ranks ${describeMatch(b)} above ${describeMatch(c)}` : `route ${later.route} wins the tie by name`;
          problems.push({ earlier, later, allOf: [toRequestMatch(c)], message: `requests matching ${describeMatch(c)} go to ${later.label} in the Gateway API (${why}); Istio takes ${earlier.label}` });
          continue;
        }
        const id = idOf(c);
        if (earlier.matches.some((m) => idOf(m) === id)) continue;
        if (added >= MAX_ADDED) {
          problems.push({ earlier, later, allOf: [toRequestMatch(c)], message: `too many overlapping matches to keep Istio's order between ${earlier.label} and ${later.label}; requests matching ${describeMatch(c)} may go to the later rule` });
          return added;
        }
        earlier.matches.push(c);
        added++;
        work.push({ j: i, b: c });
      }
    }
  }
  return added;
}
