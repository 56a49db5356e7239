import type { KubeObject } from '../resources/types.js';
import { compareKeys, describeMatch, intersectMatches, matchId, matchKey, toRequestMatch, type GwMatch } from './gw-match.js';
import { pathModFor, type IstioPathMod } from './istio-path-mod.js';
import { atomRegex, toGatewayPath } from './path-atoms.js';
import type { Affects } from './report.js';

/**
 * One Istio rule whose matches need different Gateway API path modifiers becomes several Gateway
 * API rules (a ReplacePrefixMatch rule has one match, gateway-api.md §5.1), and those compete by
 * precedence where Istio takes the first match of the rule — and its rewrite replaces *that*
 * match's prefix (istio.md §1.2 step 3, §1.4). The intersection of an earlier match with a later
 * one of another rule is written with the earlier one: it is at least as specific as the later match.
 */
export interface PathAction {
  readonly redirect: { readonly base: KubeObject; readonly path: IstioPathMod | undefined } | undefined;
  readonly rewrite: { readonly hostname: string | undefined; readonly path: IstioPathMod | undefined } | undefined;
}

export interface SplitMatch {
  readonly m: GwMatch;
  /** Matches with the same key share a rule. */
  readonly key: string;
  readonly mods: KubeObject[];
  /** For an added intersection: the later match it must outrank. */
  readonly over?: GwMatch;
}

export type LoseOrder = (message: string, affects: Affects) => void;

/** The redirect / rewrite filters for one match; paths with no Gateway API form are collected in `lost`. */
export function pathMods(d: PathAction, m: GwMatch, lost: string[]): KubeObject[] {
  const mods: KubeObject[] = [];
  if (d.redirect) {
    const pm = d.redirect.path ? pathModFor(m, d.redirect.path) : undefined;
    if (pm === 'lost') lost.push(atomRegex(m.path) ?? toGatewayPath(m.path).value);
    mods.push({ type: 'RequestRedirect', requestRedirect: { ...d.redirect.base, ...(pm && pm !== 'lost' ? { path: pm } : {}) } });
  }
  if (d.rewrite) {
    const pm = d.rewrite.path ? pathModFor(m, d.rewrite.path) : undefined;
    if (pm === 'lost') lost.push(atomRegex(m.path) ?? toGatewayPath(m.path).value);
    const rw = { ...(d.rewrite.hostname ? { hostname: d.rewrite.hostname } : {}), ...(pm && pm !== 'lost' ? { path: pm } : {}) };
    if (Object.keys(rw).length > 0) mods.push({ type: 'URLRewrite', urlRewrite: rw });
  }
  return mods;
}

/** The matches in order, with the intersections across rules inserted before the later match. */
export function splitMatches(d: PathAction, matches: readonly GwMatch[], lost: string[], lose: LoseOrder): SplitMatch[] {
  let alone = 0;
  const keyOf = (mods: KubeObject[]): string => (JSON.stringify(mods).includes('ReplacePrefixMatch') ? `#${alone++}` : JSON.stringify(mods));
  const original = matches.map((m) => {
    const mods = pathMods(d, m, lost);
    return { m, key: keyOf(mods), mods };
  });
  const list: SplitMatch[] = [];
  original.forEach((later, j) => {
    for (const earlier of original.slice(0, j)) {
      if (earlier.key === later.key) continue;
      const c = intersectMatches(earlier.m, later.m);
      if (c === 'empty') continue;
      if (c === 'unknown') {
        lose(`requests matching both ${describeMatch(earlier.m)} and ${describeMatch(later.m)} may take the rewrite of the second in the Gateway API (a rule of its own); Istio takes the first`, { requests: [{ allOf: [toRequestMatch(earlier.m), toRequestMatch(later.m)] }] });
        continue;
      }
      if (compareKeys(matchKey(c), matchKey(later.m)) < 0) {
        lose(`requests matching ${describeMatch(c)} take the rule written for ${describeMatch(later.m)} in the Gateway API, which ranks it higher (gateway-api.md §4.6); Istio takes the earlier match and its rewrite`, { requests: [{ allOf: [toRequestMatch(c)] }] });
        continue;
      }
      const mods = pathMods(d, c, lost);
      // The same requests with the same filters are already there (a later match wholly inside an earlier one still needs the earlier one's filters).
      if ([...original, ...list].some((x) => matchId(x.m) === matchId(c) && JSON.stringify(x.mods) === JSON.stringify(mods))) continue;
      list.push({ m: c, key: keyOf(mods), mods, over: later.m });
    }
    list.push(later);
  });
  return list;
}

/** Groups split matches into rules (first appearance order) and reports an added intersection that would still lose a tie by rule order. */
export function groupMatches(list: readonly SplitMatch[], lose: LoseOrder): { mods: KubeObject[]; matches: GwMatch[] }[] {
  const groups = new Map<string, { mods: KubeObject[]; matches: GwMatch[] }>();
  for (const x of list) {
    const g = groups.get(x.key) ?? { mods: x.mods, matches: [] };
    g.matches.push(x.m);
    groups.set(x.key, g);
  }
  const order = [...groups.keys()];
  for (const x of list) {
    const later = x.over ? list.find((y) => y.m === x.over) : undefined;
    if (later && compareKeys(matchKey(x.m), matchKey(later.m)) === 0 && order.indexOf(x.key) > order.indexOf(later.key)) {
      lose(`requests matching ${describeMatch(x.m)} go to the rule written for ${describeMatch(later.m)} in the Gateway API (an earlier rule of equal rank); Istio takes the earlier match and its rewrite`, { requests: [{ allOf: [toRequestMatch(x.m)] }] });
    }
  }
  return [...groups.values()];
}
