/**
 * HTTPMatchRequest → RouteMatch (istio.md §1.3; istio/istio route.go TranslateRouteMatch).
 * Every condition of one match must hold; the matches of a rule are ORed by emitting one entry each.
 * - uri: `exact` whole path, `prefix` a plain STRING prefix (`/foo` matches `/foobar`, unlike the
 *   Gateway API's element-wise PathPrefix), `regex` RE2 on the whole path; `ignoreUriCase` only
 *   affects exact/prefix.
 * - headers/withoutHeaders: `{}` or `regex: "*"` = presence; withoutHeaders inverts, a missing
 *   header counting as "" except for a presence check (route.go: TreatMissingHeaderAsEmpty).
 * - scheme/method/authority: StringMatch on the pseudo-headers; queryParams: StringMatch per name.
 * - port, gateways, sourceLabels, sourceNamespace are proxy selectors, applied by the caller.
 */
import type { HeaderMatch, QueryParamMatch, RouteMatch, StringMatch } from '../types.js';
import type { HttpMatchModel, IstioStringMatch } from './model.js';

export function toStringMatch(m: IstioStringMatch): StringMatch {
  switch (m.kind) {
    case 'any':
      return { type: 'Present' };
    case 'exact':
      return { type: 'Exact', value: m.value };
    case 'prefix':
      return { type: 'Prefix', value: m.value };
    case 'regex':
      return { type: 'RegularExpression', value: m.value };
  }
}

/** The path part of a match; null = any path (no uri, or a uri `{}` without a match type). */
export function toPathMatch(match: HttpMatchModel): RouteMatch['path'] {
  const uri = match.uri;
  if (uri === null || uri.kind === 'any') return undefined;
  const ignoreCase = match.ignoreUriCase ? { ignoreCase: true } : {};
  switch (uri.kind) {
    case 'exact':
      return { type: 'Exact', value: uri.value, ...ignoreCase };
    case 'prefix':
      return { type: 'Prefix', value: uri.value, ...ignoreCase };
    case 'regex':
      return { type: 'RegularExpression', value: uri.value };
  }
}

export interface MatchOptions {
  /** Mesh routes keep the source selectors as conditions on the client; gateways resolve them at compile time. */
  readonly source: boolean;
  /** Keep `port` as a condition (mesh routes whose service ports are unknown). */
  readonly port: boolean;
}

export function toRouteMatch(match: HttpMatchModel | null, options: MatchOptions): RouteMatch {
  if (match === null) return {};
  const headers: HeaderMatch[] = [];
  for (const [name, m] of match.headers) headers.push({ name, match: toStringMatch(m) });
  for (const [name, m] of match.withoutHeaders) headers.push({ name, match: toStringMatch(m), invert: true });
  headers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const queryParams: QueryParamMatch[] = [...match.queryParams].map(([name, m]) => ({ name, match: toStringMatch(m) }));
  const path = toPathMatch(match);
  // A per-match `gateways` list replaces source selection entirely (route.go sourceMatchHTTP).
  const sourceApplies = options.source && match.gateways.length === 0;
  const source = {
    ...(Object.keys(match.sourceLabels).length > 0 ? { labels: match.sourceLabels } : {}),
    ...(match.sourceNamespace !== '' ? { namespace: match.sourceNamespace } : {}),
  };
  return {
    ...(path === undefined ? {} : { path }),
    ...(match.method === null ? {} : { method: toStringMatch(match.method) }),
    ...(headers.length > 0 ? { headers } : {}),
    ...(queryParams.length > 0 ? { queryParams } : {}),
    ...(match.scheme === null ? {} : { scheme: toStringMatch(match.scheme) }),
    ...(match.authority === null ? {} : { authority: toStringMatch(match.authority) }),
    ...(options.port && match.port !== 0 ? { port: match.port } : {}),
    ...(sourceApplies && Object.keys(source).length > 0 ? { source } : {}),
  };
}

/**
 * route.go IsCatchAllRoute: path `prefix: /` (or none) or regex `.*`, and no header, method,
 * authority, scheme or query condition. Istio stops generating a VirtualService's routes after
 * one, and gateways move such routes to the end of the vhost (SortVHostRoutes).
 */
export function isCatchAll(m: RouteMatch): boolean {
  const p = m.path;
  const pathAll = p === undefined || (p.type === 'Prefix' && p.value === '/') || (p.type === 'RegularExpression' && p.value === '.*');
  return pathAll && !m.headers?.length && !m.queryParams?.length && !m.method && !m.authority && !m.scheme;
}
