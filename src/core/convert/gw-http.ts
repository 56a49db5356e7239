import { compareTimes } from '../compile/precedence.js';
import { creationOf } from '../compile/read.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { GwCtx } from './gw-context.js';
import { ruleAction, type GwPathModifier, type IstioAction } from './gw-filters.js';
import { hostnameRank } from './hosts.js';
import { compareStrings } from './names.js';
import { rec, records, spec, str } from './read.js';

/**
 * One (rule, match) of an HTTPRoute or GRPCRoute serving one hostname: the unit that Gateway API
 * precedence orders (gateway-api.md §4.6, §7) and that becomes Istio http entries in that order
 * (istio.md §4.3).
 */
export interface HttpEntry {
  readonly route: Resource;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  /** Source path of the match (`spec.rules[i].matches[j]`), or of the rule when it has no matches. */
  readonly at: FieldPath;
  readonly match: KubeObject;
  /** The hostname this entry serves under (its precedence starts there). */
  readonly host: string;
  readonly action: IstioAction;
  readonly ruleName: string | undefined;
  /** Mesh parentRef port: added as an Istio `port` match. */
  readonly port: number | undefined;
}

/** The entries of a route for one hostname, with actions written for a VirtualService in `vsNs`. */
export function routeEntries(route: Resource, host: string, vsNs: string, port: number | undefined, ctx: GwCtx): HttpEntry[] {
  const out: HttpEntry[] = [];
  for (const { item: rule, index } of records(spec(route.object).rules)) {
    const action = ruleAction(route, rule, ['spec', 'rules', index], vsNs, ctx);
    const matches = records(rule.matches);
    const list = matches.length > 0 ? matches : [{ item: {}, index: 0 }];
    for (const { item, index: mi } of list) {
      const at = matches.length > 0 ? ['spec', 'rules', index, 'matches', mi] : ['spec', 'rules', index];
      out.push({ route, ruleIndex: index, matchIndex: mi, at, match: item, host, action, ruleName: str(rule.name), port });
    }
  }
  return out;
}

function pathOf(m: KubeObject): { type: string; value: string } {
  const p = rec(m.path);
  return { type: str(p.type) ?? 'PathPrefix', value: str(p.value) ?? '/' };
}

function trimSlash(v: string): string {
  return v.length > 1 && v.endsWith('/') ? v.slice(0, -1) : v;
}

/** Precedence key (larger first), gateway-api.md §4.6 steps 1–5 and §7. */
function key(e: HttpEntry): number[] {
  const [exact, chars] = hostnameRank(e.host);
  const headers = records(e.match.headers).length;
  if (e.route.kind === 'GRPCRoute') {
    const m = rec(e.match.method);
    return [exact, chars, 0, (str(m.service) ?? '').length, (str(m.method) ?? '').length, headers, 0];
  }
  const p = pathOf(e.match);
  const rank = p.type === 'Exact' ? 2 : p.type === 'PathPrefix' ? 1 : 0;
  // "the longest PathPrefix value (characters)", the value as written (`/a/` outranks `/a`), as the simulator reads it.
  return [exact, chars, rank, rank === 0 ? 0 : p.value.length, e.match.method !== undefined ? 1 : 0, headers, records(e.match.queryParams).length];
}

/**
 * Route age order (gateway-api.md §4.6 step 6), as the simulator reads it: older first; a route
 * without creationTimestamp counts as the newest (two such routes tie, DESIGN.md).
 */
export function compareAge(a: Resource, b: Resource): number {
  return compareTimes(creationOf(a.object), creationOf(b.object));
}

/** Sorts entries into Gateway API precedence: the Istio first-match order that decides the same. */
export function sortEntries(entries: HttpEntry[]): HttpEntry[] {
  const keys = new Map(entries.map((e) => [e, key(e)]));
  return entries.sort((a, b) => {
    const ka = keys.get(a) as number[];
    const kb = keys.get(b) as number[];
    for (let i = 0; i < ka.length; i++) if ((ka[i] as number) !== (kb[i] as number)) return (kb[i] as number) - (ka[i] as number);
    return (
      compareAge(a.route, b.route) ||
      compareStrings(`${a.route.namespace}/${a.route.name}`, `${b.route.namespace}/${b.route.name}`) ||
      (a.route.kind === b.route.kind ? 0 : compareStrings(a.route.kind, b.route.kind)) ||
      a.ruleIndex - b.ruleIndex ||
      a.matchIndex - b.matchIndex
    );
  });
}

type Variant = 'exact' | 'prefix' | 'other';

/** A Gateway API match → Istio matches; PathPrefix `/p` → exact `/p` + prefix `/p/` (istio.md §9.2). */
function istioMatches(e: HttpEntry): { variant: Variant; match: KubeObject }[] {
  const common: KubeObject = {};
  const headers: KubeObject = {};
  for (const { item } of records(e.match.headers)) headers[(str(item.name) ?? '').toLowerCase()] = { [str(item.type) === 'RegularExpression' ? 'regex' : 'exact']: str(item.value) ?? '' };
  if (e.route.kind === 'GRPCRoute') return [{ variant: 'other', match: { ...grpcUri(rec(e.match.method)), ...(Object.keys(headers).length ? { headers } : {}), ...portOf(e) } }];
  if (Object.keys(headers).length > 0) common.headers = headers;
  const query: KubeObject = {};
  for (const { item } of records(e.match.queryParams)) query[str(item.name) ?? ''] = { [str(item.type) === 'RegularExpression' ? 'regex' : 'exact']: str(item.value) ?? '' };
  if (Object.keys(query).length > 0) common.queryParams = query;
  if (str(e.match.method)) common.method = { exact: str(e.match.method) };
  Object.assign(common, portOf(e));
  const p = pathOf(e.match);
  if (p.type === 'Exact') return [{ variant: 'other', match: { uri: { exact: p.value }, ...common } }];
  if (p.type === 'RegularExpression') return [{ variant: 'other', match: { uri: { regex: p.value }, ...common } }];
  const v = trimSlash(p.value);
  if (v === '/') return [{ variant: 'prefix', match: { ...common } }];
  return [
    { variant: 'exact', match: { uri: { exact: v }, ...common } },
    { variant: 'prefix', match: { uri: { prefix: `${v}/` }, ...common } },
  ];
}

function portOf(e: HttpEntry): KubeObject {
  return e.port !== undefined ? { port: e.port } : {};
}

/** GRPCRoute method match → Istio uri (istio.md §4.3 "GRPCRoute"). */
function grpcUri(m: KubeObject): KubeObject {
  const svc = str(m.service);
  const method = str(m.method);
  if (!svc && !method) return {};
  if (str(m.type) === 'RegularExpression') return { uri: { regex: `/${svc ?? '[^/]+'}/${method ?? '[^/]+'}` } };
  if (svc && method) return { uri: { exact: `/${svc}/${method}` } };
  if (svc) return { uri: { prefix: `/${svc}/` } };
  return { uri: { regex: `/[^/]+/${method as string}` } };
}

function replacement(mod: GwPathModifier, variant: Variant, prefixValue: string): { uri: string } | { regex: string } {
  if (mod.type === 'ReplaceFullPath') return variant === 'exact' || prefixValue === '' ? { uri: mod.value } : { regex: mod.value };
  const r = trimSlash(mod.value) === '/' ? '' : trimSlash(mod.value);
  return { uri: variant === 'exact' ? r || '/' : `${r}/` };
}

function actionFor(e: HttpEntry, variant: Variant, match: KubeObject): KubeObject {
  const out: KubeObject = { ...e.action.base };
  const exactPath = rec(match.uri).exact !== undefined;
  const v: Variant = exactPath ? 'exact' : variant;
  if (e.action.redirect) {
    const r: KubeObject = { ...e.action.redirect.base };
    const mod = e.action.redirect.path;
    if (mod) {
      const x = replacement(mod, v, '');
      if (mod.type === 'ReplaceFullPath' || v === 'exact') r.uri = 'uri' in x ? x.uri : x.regex;
      else r.prefixRewrite = 'uri' in x ? x.uri : x.regex;
    }
    out.redirect = r;
  }
  if (e.action.rewrite) {
    const w: KubeObject = {};
    const mod = e.action.rewrite.path;
    if (mod) {
      const x = replacement(mod, v, v === 'exact' ? '' : 'p');
      if ('uri' in x) w.uri = x.uri;
      else w.uriRegexRewrite = { match: '^/.*$', rewrite: x.regex };
    }
    if (e.action.rewrite.authority) w.authority = e.action.rewrite.authority;
    if (Object.keys(w).length > 0) out.rewrite = w;
  }
  return out;
}

function isCatchAll(m: KubeObject): boolean {
  return Object.keys(m).filter((k) => k !== 'port').length === 0;
}

/** An element of a converted VirtualService and the source element it comes from. */
export interface HttpOrigin {
  readonly path: FieldPath;
  readonly source: Resource;
  readonly sourcePath: FieldPath;
}

/**
 * Sorted entries → Istio `http[]`: one rule per entry (two when a PathPrefix split needs two
 * rewrites), adjacent rules with the same action merged, nothing after a catch-all (Istio would
 * drop it, istio.md §1.2). `origins` maps every rule and match back to its source.
 */
export function istioHttp(entries: readonly HttpEntry[]): { http: KubeObject[]; origins: HttpOrigin[] } {
  // `action`: the rule's action as JSON, written only when a next match of the same source rule compares with it.
  const out: { rule: KubeObject; actionObject: KubeObject; action?: string; origin: string; from: HttpEntry[] }[] = [];
  const done = (): { http: KubeObject[]; origins: HttpOrigin[] } => ({ http: finish(out), origins: originsOf(out) });
  for (const e of entries) {
    for (const { variant, match } of istioMatches(e)) {
      const action = actionFor(e, variant, match);
      const origin = `${e.route.kind}/${e.route.namespace}/${e.route.name}/${e.ruleIndex}`;
      const last = out[out.length - 1];
      if (last && last.origin === origin && (last.action ??= JSON.stringify(last.actionObject)) === JSON.stringify(action)) {
        (last.rule.match as KubeObject[]).push(match);
        last.from.push(e);
      } else out.push({ rule: { ...(e.ruleName ? { name: e.ruleName } : {}), match: [match], ...action }, actionObject: action, origin, from: [e] });
      if (isCatchAll(match)) return done();
    }
  }
  return done();
}

function originsOf(out: readonly { from: readonly HttpEntry[] }[]): HttpOrigin[] {
  const origins: HttpOrigin[] = [];
  out.forEach(({ from }, k) => {
    const first = from[0] as HttpEntry;
    origins.push({ path: ['spec', 'http', k], source: first.route, sourcePath: ['spec', 'rules', first.ruleIndex] });
    from.forEach((e, m) => origins.push({ path: ['spec', 'http', k, 'match', m], source: e.route, sourcePath: e.at }));
  });
  return origins;
}

function finish(out: { rule: KubeObject }[]): KubeObject[] {
  return out.map(({ rule }) => {
    const m = rule.match as KubeObject[];
    if (m.some((x) => Object.keys(x).length === 0)) delete rule.match;
    return rule;
  });
}
