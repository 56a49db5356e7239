import type { KubeObject } from '../resources/types.js';
import type { RequestMatch } from './types.js';
import { ANY_PATH, comparePathRanks, fullMatch, intersectAtoms, pathRank, sameAtom, toGatewayPath, type Intersection, type PathAtom } from './path-atoms.js';

/** A header or query-parameter condition as the Gateway API writes it. */
export interface Cond {
  readonly name: string;
  readonly type: 'Exact' | 'RegularExpression';
  readonly value: string;
}

/**
 * Which Istio uri condition a match comes from; decides how Istio's `rewrite.uri` /
 * `redirect.prefixRewrite` treat it (istio.md §1.4: the matched prefix is replaced; for an exact or
 * regex match the whole path).
 */
export type UriOrigin = { readonly kind: 'exact' } | { readonly kind: 'prefix'; readonly prefix: string } | { readonly kind: 'regex' };

/** One Gateway API HTTPRoute match (gateway-api.md §4), with the path as an atom. */
export interface GwMatch {
  readonly path: PathAtom;
  readonly origin?: UriOrigin;
  readonly method?: string;
  readonly headers: readonly Cond[];
  readonly queryParams: readonly Cond[];
  /** Index of the source match it was translated from (Istio `match[i]`); absent for a rule without matches. */
  readonly source?: number;
}

export const MATCH_ALL: GwMatch = { path: ANY_PATH, headers: [], queryParams: [] };

export function isCatchAll(m: GwMatch): boolean {
  return sameAtom(m.path, ANY_PATH) && m.method === undefined && m.headers.length === 0 && m.queryParams.length === 0;
}

/** Gateway API precedence key of a match (gateway-api.md §4.6 steps 2–5); larger wins. */
export function matchKey(m: GwMatch): number[] {
  return [...pathRank(m.path), m.method === undefined ? 0 : 1, m.headers.length, m.queryParams.length];
}

/** `compareKeys(matchKey(a), matchKey(b))` without building the keys. */
export function compareMatches(a: GwMatch, b: GwMatch): number {
  return comparePathRanks(a.path, b.path) || (a.method === undefined ? 0 : 1) - (b.method === undefined ? 0 : 1) || a.headers.length - b.headers.length || a.queryParams.length - b.queryParams.length;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function intersectCond(a: Cond, b: Cond): Intersection<Cond> {
  if (a.type === b.type && a.value === b.value) return a;
  if (a.type === 'Exact' && b.type === 'Exact') return 'empty';
  if (a.type === 'Exact') return fullMatch(b.value, a.value) ? a : 'empty';
  if (b.type === 'Exact') return fullMatch(a.value, b.value) ? b : 'empty';
  return 'unknown';
}

function intersectConds(a: readonly Cond[], b: readonly Cond[], caseInsensitive: boolean): Intersection<Cond[]> {
  const norm = (n: string): string => (caseInsensitive ? n.toLowerCase() : n);
  const out = new Map<string, Cond>();
  for (const c of a) out.set(norm(c.name), c);
  for (const c of b) {
    const prev = out.get(norm(c.name));
    if (!prev) {
      out.set(norm(c.name), c);
      continue;
    }
    const x = intersectCond(prev, c);
    if (x === 'empty' || x === 'unknown') return x;
    out.set(norm(c.name), x);
  }
  return [...out.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The requests both matches accept, as one match; exact or 'unknown'. */
export function intersectMatches(a: GwMatch, b: GwMatch): Intersection<GwMatch> {
  if (a.method !== undefined && b.method !== undefined && a.method !== b.method) return 'empty';
  const headers = intersectConds(a.headers, b.headers, true);
  if (headers === 'empty') return 'empty';
  const queryParams = intersectConds(a.queryParams, b.queryParams, false);
  if (queryParams === 'empty') return 'empty';
  const path = intersectAtoms(a.path, b.path);
  if (path === 'empty') return 'empty';
  if (path === 'unknown' || headers === 'unknown' || queryParams === 'unknown') return 'unknown';
  const method = a.method ?? b.method;
  return { path, ...(a.origin ? { origin: a.origin } : {}), ...(method !== undefined ? { method } : {}), headers, queryParams, ...(a.source !== undefined ? { source: a.source } : {}) };
}

export function matchId(m: GwMatch): string {
  return JSON.stringify([m.path, m.method ?? null, m.headers, m.queryParams]);
}

/** A readable one-line summary for loss messages: `PathPrefix /api · GET · x-canary=1`. */
export function describeMatch(m: GwMatch): string {
  const p = toGatewayPath(m.path);
  const parts = [`${p.type} ${p.value}`];
  if (m.method) parts.push(m.method);
  for (const h of m.headers) parts.push(`${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of m.queryParams) parts.push(`?${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`);
  return parts.join(' · ');
}

/** The Gateway API YAML of a match (defaults left out). */
export function toGatewayMatch(m: GwMatch): KubeObject {
  const out: KubeObject = { path: toGatewayPath(m.path) };
  if (m.headers.length > 0) out.headers = m.headers.map(condYaml);
  if (m.queryParams.length > 0) out.queryParams = m.queryParams.map(condYaml);
  if (m.method !== undefined) out.method = m.method;
  return out;
}

/** The requests a match accepts, for a loss entry (types.ts AffectedRequests). */
export function toRequestMatch(m: GwMatch): RequestMatch {
  return {
    path: toGatewayPath(m.path),
    ...(m.method !== undefined ? { method: m.method } : {}),
    ...(m.headers.length > 0 ? { headers: m.headers.map((c) => ({ type: c.type, name: c.name, value: c.value })) } : {}),
    ...(m.queryParams.length > 0 ? { queryParams: m.queryParams.map((c) => ({ type: c.type, name: c.name, value: c.value })) } : {}),
  };
}

function condYaml(c: Cond): KubeObject {
  return c.type === 'Exact' ? { name: c.name, value: c.value } : { type: 'RegularExpression', name: c.name, value: c.value };
}
