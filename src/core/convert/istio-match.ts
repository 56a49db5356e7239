import { re2FullMatch } from '../regex/re2.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject } from '../resources/types.js';
import type { Cond, GwMatch, UriOrigin } from './gw-match.js';
import { ANY_PATH, caseless, escapeRegex, type PathAtom } from './path-atoms.js';
import { bool, has, rec, str } from './read.js';
import type { Affects } from './report.js';
import type { LossCode } from './types.js';

/** The nine methods a Gateway API match can name (gateway-api.md §4.5). */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

export type Lose = (code: LossCode, path: FieldPath, message: string, affects?: Affects) => void;

/** A left-out match condition: the converted match accepts more requests (types.ts LossEntry.widens). */
const WIDENS: Affects = { widens: true };

type StringMatch = { type: 'exact' | 'prefix' | 'regex'; value: string } | { type: 'present' };

/** Istio StringMatch (`{exact}`, `{prefix}`, `{regex}`; `{}` or `regex: "*"` = present, istio.md §1.3). */
export function readStringMatch(v: unknown): StringMatch {
  const o = rec(v);
  const exact = str(o.exact);
  if (exact !== undefined) return { type: 'exact', value: exact };
  const prefix = str(o.prefix);
  if (prefix !== undefined) return { type: 'prefix', value: prefix };
  const regex = str(o.regex);
  if (regex !== undefined && regex !== '*') return { type: 'regex', value: regex };
  return { type: 'present' };
}

/** Istio header/query StringMatch → Gateway API condition (prefix and presence become regexes). */
function toCond(name: string, m: StringMatch): Cond {
  switch (m.type) {
    case 'exact':
      return m.value === '' ? { name, type: 'RegularExpression', value: '^$' } : { name, type: 'Exact', value: m.value };
    case 'prefix':
      return { name, type: 'RegularExpression', value: `${escapeRegex(m.value)}.*` };
    case 'regex':
      return { name, type: 'RegularExpression', value: m.value };
    case 'present':
      return { name, type: 'RegularExpression', value: '.*' };
  }
}

/** Istio `uri` → path atoms whose union is exactly the Istio path set (istio.md §1.3, §9.2). */
export function uriAtoms(uri: unknown, ignoreCase: boolean): { atoms: PathAtom[]; origin: UriOrigin } {
  if (uri === undefined || uri === null) return { atoms: [ANY_PATH], origin: { kind: 'prefix', prefix: '/' } };
  const m = readStringMatch(uri);
  if (m.type === 'exact') {
    return { atoms: [ignoreCase ? { kind: 'regex', value: caseless(m.value) } : { kind: 'exact', value: m.value }], origin: { kind: 'exact' } };
  }
  if (m.type === 'prefix') {
    const P = m.value;
    const origin: UriOrigin = { kind: 'prefix', prefix: P };
    if (P === '' || P === '/') return { atoms: [ANY_PATH], origin };
    if (ignoreCase) return { atoms: [{ kind: 'regex', value: `${caseless(P)}.*` }], origin };
    if (P.endsWith('/')) return { atoms: [{ kind: 'under', prefix: P.slice(0, -1) }], origin };
    return { atoms: [{ kind: 'segment', value: P }, { kind: 'rest', prefix: P }], origin };
  }
  if (m.type === 'regex') {
    if (m.value === '.*') return { atoms: [ANY_PATH], origin: { kind: 'regex' } };
    return { atoms: [{ kind: 'regex', value: m.value }], origin: { kind: 'regex' } };
  }
  return { atoms: [ANY_PATH], origin: { kind: 'prefix', prefix: '/' } };
}

/** Istio's catch-all (istio.md §1.2 step 3): prefix `/` or regex `.*`, no header, method, scheme, authority or query condition. */
export function isIstioCatchAll(match: KubeObject): boolean {
  const uri = match.uri === undefined ? undefined : readStringMatch(match.uri);
  const pathAll = uri === undefined || (uri.type === 'prefix' && uri.value === '/') || (uri.type === 'regex' && uri.value === '.*');
  const empty = (k: string): boolean => !has(match, k) || Object.keys(rec(match[k])).length === 0;
  return pathAll && empty('headers') && empty('withoutHeaders') && empty('queryParams') && !has(match, 'method') && !has(match, 'scheme') && !has(match, 'authority');
}

/**
 * One Istio HTTPMatchRequest → the Gateway API matches whose union accepts the same requests.
 * Conditions without a Gateway API form are reported and left out (the match becomes broader).
 */
export function translateMatch(match: KubeObject, at: FieldPath, lose: Lose): GwMatch[] {
  const { atoms, origin } = uriAtoms(match.uri, bool(match.ignoreUriCase) === true);
  const headers: Cond[] = [];
  for (const [name, v] of Object.entries(rec(match.headers)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lower = name.toLowerCase();
    if (['uri', 'scheme', 'method', 'authority'].includes(lower)) continue; // ignored by Istio itself (istio.md §1.3)
    if (lower.startsWith('@request.auth.claims')) {
      lose('UnsupportedMatch', [...at, 'headers', name], `the JWT claim condition ${name} has no Gateway API form; requests are matched without it`, WIDENS);
      continue;
    }
    headers.push(toCond(lower, readStringMatch(v)));
  }
  const queryParams: Cond[] = Object.entries(rec(match.queryParams))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, v]) => toCond(name, readStringMatch(v)));
  if (has(match, 'withoutHeaders')) lose('WithoutHeaders', [...at, 'withoutHeaders'], 'the Gateway API cannot match the absence of a header; requests carrying these headers now match too', WIDENS);
  for (const k of ['scheme', 'authority'] as const) {
    if (has(match, k)) lose('UnsupportedMatch', [...at, k], `the Gateway API has no ${k} match; requests are matched whatever their ${k}`, WIDENS);
  }
  if (has(match, 'port')) lose('UnsupportedMatch', [...at, 'port'], `the Gateway API has no per-match port; the match now applies on every port of its parents`, WIDENS);
  if (has(match, 'sourceLabels') || has(match, 'sourceNamespace')) {
    lose('SourceMatch', [...at, has(match, 'sourceLabels') ? 'sourceLabels' : 'sourceNamespace'], 'the Gateway API cannot select the calling workload; the match now applies to every client', WIDENS);
  }
  if (has(match, 'gateways')) lose('UnsupportedMatch', [...at, 'gateways'], 'a per-match gateways list has no Gateway API form; the match applies on every parent of the route', WIDENS);
  const methods = translateMethod(match.method, [...at, 'method'], lose);
  const out: GwMatch[] = [];
  for (const path of atoms) {
    for (const method of methods) out.push({ path, origin, ...(method !== undefined ? { method } : {}), headers, queryParams });
  }
  return out;
}

function translateMethod(v: unknown, at: FieldPath, lose: Lose): (string | undefined)[] {
  if (v === undefined || v === null) return [undefined];
  const m = readStringMatch(v);
  if (m.type === 'present') return [undefined];
  const hit = HTTP_METHODS.filter((x) => (m.type === 'exact' ? x === m.value : m.type === 'prefix' ? x.startsWith(m.value) : re2FullMatch(m.value, x)));
  if (m.type !== 'exact' || hit.length === 0) {
    lose('MethodMatch', at, `the Gateway API matches only the nine standard methods exactly; written as ${hit.length === 0 ? 'nothing (the match can no longer hold)' : hit.join(', ')}`, WIDENS);
  }
  return hit;
}
