import { MESH_DEFAULT_RETRY } from '../compile/istio/policies.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { istioDefaultRetriableCodes } from '../target/istio-behaviour.js';
import { parseDuration, toGatewayDuration } from './duration.js';
import { MATCH_ALL, toGatewayMatch, type GwMatch } from './gw-match.js';
import { backendRef, backendRefs } from './istio-backends.js';
import type { IstioCtx } from './istio-context.js';
import { headerFilters } from './istio-headers.js';
import { isIstioCatchAll, readStringMatch, translateMatch, type Lose } from './istio-match.js';
import type { IstioPathMod } from './istio-path-mod.js';
import { groupMatches, splitMatches, type LoseOrder } from './istio-rule-split.js';
import { bool, has, num, rec, records, str, strings } from './read.js';

/**
 * One Istio `http[]` rule, translated once and emitted per route (istio.md §1.3–1.4 →
 * gateway-api.md §4–§6). `head` holds the matches that keep their place, `tail` the catch-all
 * matches a gateway moves to the end of the virtual host (istio.md §1.7); the order fixer appends
 * intersections to either.
 */
export interface RuleDraft {
  readonly vs: Resource;
  readonly index: number;
  readonly at: FieldPath;
  readonly name: string | undefined;
  readonly head: GwMatch[];
  readonly tail: GwMatch[];
  /** True when a catch-all match ends the rule: Istio drops every later match and rule of the VirtualService (istio.md §1.2). */
  readonly stops: boolean;
  readonly filters: KubeObject[];
  readonly redirect: { base: KubeObject; path: IstioPathMod | undefined } | undefined;
  readonly rewrite: { hostname: string | undefined; path: IstioPathMod | undefined } | undefined;
  readonly backendRefs: KubeObject[] | undefined;
  readonly extra: KubeObject;
}

export function draftRule(vs: Resource, rule: KubeObject, index: number, routeNs: string, ctx: IstioCtx): RuleDraft | undefined {
  const at: FieldPath = ['spec', 'http', index];
  const lose: Lose = (code, path, message, affects) => ctx.report.lose(code, vs, path, message, affects);
  if (has(rule, 'delegate')) {
    lose('Delegate', [...at, 'delegate'], 'delegation has no Gateway API form: the rule is left out and its requests fall to later rules');
    return undefined;
  }
  const head: GwMatch[] = [];
  const tail: GwMatch[] = [];
  const matches = records(rule.match);
  let stops = matches.length === 0;
  if (stops) tail.push({ ...MATCH_ALL, origin: { kind: 'prefix', prefix: '/' } });
  for (const { item, index: mi } of matches) {
    const out = translateMatch(item, [...at, 'match', mi], lose).map((m) => ({ ...m, source: mi }));
    if (isIstioCatchAll(item)) {
      tail.push(...out);
      stops = true;
      if (mi < matches.length - 1) ctx.report.note('UnreachableRuleDropped', vs, [...at, 'match', mi + 1], 'Istio ignores the matches after a catch-all match; they are left out');
      break;
    }
    head.push(...out);
  }
  const filters = headerFilters(rec(rule.headers), [...at, 'headers'], vs, ctx);
  for (const m of mirrors(rule, at, vs, routeNs, ctx)) filters.push(m);
  const cors = corsFilter(rule.corsPolicy, [...at, 'corsPolicy'], vs, ctx);
  if (cors) filters.push(cors);
  if (has(rule, 'fault')) lose('FaultInjection', [...at, 'fault'], 'fault injection has no Gateway API form; no delay or abort is injected');
  let backends: KubeObject[] | undefined;
  let redirect: RuleDraft['redirect'];
  if (has(rule, 'redirect')) redirect = readRedirect(rec(rule.redirect), [...at, 'redirect'], vs, ctx);
  else if (has(rule, 'directResponse')) {
    const dr = rec(rule.directResponse);
    if (num(dr.status) !== 500 || has(dr, 'body')) lose('DirectResponse', [...at, 'directResponse'], `a direct response (${num(dr.status) ?? '?'}${has(dr, 'body') ? ' with a body' : ''}) has no Gateway API form; the rule has no backends and answers 500`);
    backends = [];
  } else backends = backendRefs(rule.route, [...at, 'route'], vs, routeNs, 'HTTPRoute', ctx);
  const rewrite = has(rule, 'rewrite') ? readRewrite(rec(rule.rewrite), [...at, 'rewrite'], vs, ctx) : undefined;
  // Matches that land in different rules get their intersections now, so that the order fixer sees them.
  const split = splitMatches({ redirect, rewrite }, head, [], (message, affects) => ctx.report.lose('OrderNotPreserved', vs, at, message, affects)).map((x) => x.m);
  head.splice(0, head.length, ...split);
  return { vs, index, at, name: str(rule.name), head, tail, stops, filters, redirect, rewrite, backendRefs: backends, extra: timing(rule, at, vs, ctx) };
}

function readRedirect(r: KubeObject, at: FieldPath, vs: Resource, ctx: IstioCtx): RuleDraft['redirect'] {
  const base: KubeObject = {};
  const scheme = str(r.scheme);
  if (scheme === 'http' || scheme === 'https') base.scheme = scheme;
  else if (scheme !== undefined) ctx.report.lose('RedirectNotRepresentable', vs, [...at, 'scheme'], `the redirect scheme ${scheme} is neither http nor https; it is left out`);
  if (str(r.authority)) base.hostname = str(r.authority);
  if (num(r.port) !== undefined) base.port = num(r.port);
  const derive = str(r.derivePort);
  if ((derive === 'FROM_PROTOCOL_DEFAULT' && base.scheme === undefined) || (derive === 'FROM_REQUEST_PORT' && base.scheme !== undefined)) {
    ctx.report.lose('RedirectNotRepresentable', vs, [...at, 'derivePort'], `derivePort ${derive} has no Gateway API form here; the Location takes ${base.scheme === undefined ? "the listener's port" : "the scheme's well-known port"}`);
  }
  base.statusCode = num(r.redirectCode) ?? 301;
  const path: IstioPathMod | undefined = str(r.uri) !== undefined ? { kind: 'full', value: str(r.uri) as string } : str(r.prefixRewrite) !== undefined ? { kind: 'prefix', value: str(r.prefixRewrite) as string } : undefined;
  return { base, path };
}

const WHOLE_PATH = new Set(['^/.*$', '/.*', '^/.*', '.*', '^.*$', '^.*', '^(.*)$', '(.*)', '/(.*)', '^/(.*)$']);

function readRewrite(r: KubeObject, at: FieldPath, vs: Resource, ctx: IstioCtx): RuleDraft['rewrite'] {
  let path: IstioPathMod | undefined;
  if (str(r.uri) !== undefined) path = { kind: 'prefix', value: str(r.uri) as string };
  const rx = rec(r.uriRegexRewrite);
  if (has(r, 'uriRegexRewrite')) {
    const match = str(rx.match) ?? '';
    const sub = str(rx.rewrite) ?? '';
    if (WHOLE_PATH.has(match) && !/\\[0-9]/.test(sub)) path = { kind: 'full', value: sub };
    else ctx.report.lose('RewriteNotRepresentable', vs, [...at, 'uriRegexRewrite'], `the regex rewrite ${match} → ${sub} has no Gateway API form (only a whole-path replacement has); the path is not rewritten`);
  }
  return { hostname: str(r.authority), path };
}

function mirrors(rule: KubeObject, at: FieldPath, vs: Resource, routeNs: string, ctx: IstioCtx): KubeObject[] {
  const list: { dest: KubeObject; pct: unknown; at: FieldPath }[] = [];
  if (has(rule, 'mirror')) list.push({ dest: rec(rule.mirror), pct: rule.mirrorPercentage ?? rule.mirrorPercent, at: [...at, 'mirror'] });
  for (const { item, index } of records(rule.mirrors)) list.push({ dest: rec(item.destination), pct: item.percentage, at: [...at, 'mirrors', index] });
  const out: KubeObject[] = [];
  for (const m of list) {
    const ref = backendRef(m.dest, m.at, vs, routeNs, 'HTTPRoute', ctx);
    if (!ref) continue;
    const v = typeof m.pct === 'number' ? m.pct : num(rec(m.pct).value);
    const pct = v === undefined ? {} : Number.isInteger(v) ? { percent: v } : { fraction: { numerator: Math.round(v * 10000), denominator: 1_000_000 } };
    out.push({ type: 'RequestMirror', requestMirror: { backendRef: ref, ...pct } });
  }
  return out;
}

function corsFilter(v: unknown, at: FieldPath, vs: Resource, ctx: IstioCtx): KubeObject | undefined {
  if (v === undefined || v === null) return undefined;
  const c = rec(v);
  const origins: string[] = [...strings(c.allowOrigin)];
  for (const { item, index } of records(c.allowOrigins)) {
    const m = readStringMatch(item);
    if (m.type === 'exact' && (m.value === '*' || /^[a-z][a-z0-9+.-]*:\/\/[^/]+$/.test(m.value))) origins.push(m.value);
    else ctx.report.lose('CorsPolicy', vs, [...at, 'allowOrigins', index], `the origin condition ${JSON.stringify(item)} has no Gateway API form (only exact origins or *); it is left out`);
  }
  if (str(c.unmatchedPreflights) !== 'IGNORE') {
    ctx.report.lose('CorsPolicy', vs, at, 'Istio forwards preflight requests from origins it does not allow to the backend; the Gateway API CORS filter answers them itself');
  }
  const cors: KubeObject = {};
  if (origins.length > 0) cors.allowOrigins = origins;
  if (bool(c.allowCredentials) !== undefined) cors.allowCredentials = c.allowCredentials;
  for (const k of ['allowMethods', 'allowHeaders', 'exposeHeaders'] as const) if (strings(c[k]).length > 0) cors[k] = strings(c[k]);
  const age = str(c.maxAge) !== undefined ? parseDuration(str(c.maxAge) as string) : undefined;
  if (age !== undefined) cors.maxAge = Math.round(age / 1000);
  return { type: 'CORS', cors };
}

const IMPLIED_RETRY_ON = new Set(['connect-failure', 'refused-stream', 'reset']);

function timing(rule: KubeObject, at: FieldPath, vs: Resource, ctx: IstioCtx): KubeObject {
  const out: KubeObject = {};
  const timeouts: KubeObject = {};
  const t = str(rule.timeout);
  if (t !== undefined) {
    const d = toGatewayDuration(Math.round(parseDuration(t) ?? -1));
    if (d) timeouts.request = d;
    else ctx.report.lose('Timeouts', vs, [...at, 'timeout'], `the timeout ${t} does not fit the Gateway API duration format; it is left out`);
  }
  if (has(rule, 'retries')) {
    const r = rec(rule.retries);
    const attempts = num(r.attempts);
    const per = str(r.perTryTimeout);
    if (per !== undefined) {
      const d = toGatewayDuration(Math.round(parseDuration(per) ?? -1));
      if (d) timeouts.backendRequest = d;
      else ctx.report.lose('Timeouts', vs, [...at, 'retries', 'perTryTimeout'], `perTryTimeout ${per} does not fit the Gateway API duration format; it is left out`);
    }
    if (attempts === 0) ctx.report.lose('RetryConditions', vs, [...at, 'retries', 'attempts'], 'the Gateway API cannot switch retries off; the implementation default applies');
    else {
      const codes = new Set<number>();
      const lost: string[] = [];
      const written = (str(r.retryOn) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      // Without retryOn the policy keeps the mesh default's conditions and status codes (istio/istio
      // retry.go: ConvertPolicy starts from the default). Its codes depend on the release: none from
      // Istio 1.24 (the newest, when the target names no Istio release), 503 before
      // (target/istio-behaviour.ts). Gateway API `codes` unset retries no status, and "Implementations
      // SHOULD retry on connection errors … if a retry stanza is configured" (apis/v1 HTTPRouteRetry):
      // connect-failure and refused-stream carry over; the gRPC conditions do not (a loss, as when written).
      const byDefault = written.length === 0;
      const conditions = byDefault ? (MESH_DEFAULT_RETRY.retryOn ?? []) : written;
      if (byDefault) istioDefaultRetriableCodes(ctx.options.target?.istio ?? null).forEach((c) => codes.add(c));
      for (const cond of conditions) {
        if (/^[0-9]{3}$/.test(cond)) codes.add(Number(cond));
        else if (cond === 'gateway-error') [502, 503, 504].forEach((c) => codes.add(c));
        else if (!IMPLIED_RETRY_ON.has(cond) && cond !== 'retriable-status-codes') lost.push(cond);
      }
      if (lost.length > 0) {
        const which = byDefault ? `without retryOn Istio keeps its default conditions; ${lost.join(', ')} (gRPC statuses)` : lost.join(', ');
        ctx.report.lose('RetryConditions', vs, byDefault ? [...at, 'retries'] : [...at, 'retries', 'retryOn'], `the Gateway API retries on status codes (and connection errors) only; ${which} ${lost.length === 1 ? 'is' : 'are'} left out`);
      }
      for (const k of ['retryRemoteLocalities', 'retryIgnorePreviousHosts', 'backoff'] as const) {
        if (has(r, k)) ctx.report.lose('RetryConditions', vs, [...at, 'retries', k], `retries.${k} has no Gateway API form; it is left out`);
      }
      out.retry = { ...(attempts !== undefined ? { attempts } : {}), ...(codes.size > 0 ? { codes: [...codes].sort((a, b) => a - b) } : {}) };
    }
  }
  if (Object.keys(timeouts).length > 0) out.timeouts = timeouts;
  return out;
}

/**
 * The Gateway API rules of a draft for the given matches: matches that need the same path
 * modifier share a rule; ReplacePrefixMatch needs a rule of its own (one PathPrefix match,
 * gateway-api.md §5.1); istio-rule-split.ts keeps Istio's first match where such rules compete.
 */
export function emitRules(d: RuleDraft, matches: readonly GwMatch[], ctx: IstioCtx): { rule: KubeObject; matches: GwMatch[] }[] {
  const lostAtoms: string[] = [];
  const lose: LoseOrder = (message, affects) => ctx.report.lose('OrderNotPreserved', d.vs, d.at, message, affects);
  const groups = groupMatches(splitMatches(d, matches, lostAtoms, lose), lose);
  if (lostAtoms.length > 0) {
    const field = d.redirect ? 'redirect' : 'rewrite';
    ctx.report.lose(d.redirect ? 'RedirectNotRepresentable' : 'RewriteNotRepresentable', d.vs, [...d.at, field], `Istio replaces the matched prefix as a string; for paths matching ${[...new Set(lostAtoms)].join(', ')} the Gateway API has no such ${field} (it works on whole segments), so they are not rewritten`);
  }
  const out: { rule: KubeObject; matches: GwMatch[] }[] = [];
  for (const g of groups) {
    const rule: KubeObject = {};
    if (d.name && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(d.name)) rule.name = out.length === 0 ? d.name : `${d.name}-${out.length + 1}`;
    rule.matches = g.matches.map(toGatewayMatch);
    const filters = [...d.filters.filter((f) => f.type !== 'RequestMirror' && f.type !== 'CORS'), ...g.mods, ...d.filters.filter((f) => f.type === 'RequestMirror' || f.type === 'CORS')];
    if (filters.length > 0) rule.filters = filters;
    if (d.backendRefs && d.backendRefs.length > 0) rule.backendRefs = d.backendRefs;
    Object.assign(rule, d.extra);
    out.push({ rule, matches: g.matches });
  }
  return out;
}
