import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { destination, destinations, headerOps } from './gw-backends.js';
import type { GwCtx } from './gw-context.js';
import { parseDuration, toIstioDuration } from './duration.js';
import { escapeRegex } from './path-atoms.js';
import { num, rec, records, str, strings } from './read.js';

/** A rule's path modifier, still to be specialised per Istio match (the PathPrefix split). */
export type GwPathModifier = { readonly type: 'ReplaceFullPath'; readonly value: string } | { readonly type: 'ReplacePrefixMatch'; readonly value: string };

/** The Istio form of one Gateway API rule's filters, backends, timeouts and retries (istio.md §4.3). */
export interface IstioAction {
  readonly base: KubeObject;
  readonly redirect: { readonly base: KubeObject; readonly path: GwPathModifier | undefined } | undefined;
  readonly rewrite: { readonly authority: string | undefined; readonly path: GwPathModifier | undefined } | undefined;
}

function pathModifier(p: unknown): GwPathModifier | undefined {
  const o = rec(p);
  if (str(o.type) === 'ReplaceFullPath') return { type: 'ReplaceFullPath', value: str(o.replaceFullPath) ?? '/' };
  if (str(o.type) === 'ReplacePrefixMatch') return { type: 'ReplacePrefixMatch', value: str(o.replacePrefixMatch) ?? '/' };
  return undefined;
}

export function ruleAction(route: Resource, rule: KubeObject, at: FieldPath, vsNs: string, ctx: GwCtx): IstioAction {
  const base: KubeObject = {};
  const filters = records(rule.filters);
  let redirect: IstioAction['redirect'];
  let rewrite: IstioAction['rewrite'];
  const mirrors: KubeObject[] = [];
  let broken = false;
  for (const { item: f, index } of filters) {
    const fat = [...at, 'filters', index];
    switch (f.type) {
      case 'RequestHeaderModifier':
      case 'ResponseHeaderModifier':
        break;
      case 'RequestRedirect': {
        const r = rec(f.requestRedirect);
        const b: KubeObject = {};
        if (str(r.scheme)) b.scheme = str(r.scheme);
        if (str(r.hostname)) b.authority = str(r.hostname);
        if (num(r.port) !== undefined) b.port = num(r.port);
        else b.derivePort = str(r.scheme) ? 'FROM_PROTOCOL_DEFAULT' : 'FROM_REQUEST_PORT';
        b.redirectCode = num(r.statusCode) ?? 302;
        redirect = { base: b, path: pathModifier(r.path) };
        break;
      }
      case 'URLRewrite': {
        const r = rec(f.urlRewrite);
        rewrite = { authority: str(r.hostname), path: pathModifier(r.path) };
        break;
      }
      case 'RequestMirror': {
        const m = rec(f.requestMirror);
        const d = destination(rec(m.backendRef), [...fat, 'requestMirror', 'backendRef'], route, vsNs, ctx);
        if (!d) break;
        const frac = rec(m.fraction);
        const pct = num(m.percent) ?? (num(frac.numerator) !== undefined ? (100 * (num(frac.numerator) as number)) / (num(frac.denominator) ?? 100) : undefined);
        mirrors.push({ destination: d, ...(pct !== undefined ? { percentage: { value: pct } } : {}) });
        break;
      }
      case 'CORS':
        base.corsPolicy = cors(rec(f.cors));
        break;
      default:
        ctx.report.lose('UnsupportedFilter', route, fat, `a ${String(f.type)} filter has no Istio form: the Gateway API answers 500 for this rule (an unresolved extension), and so does the converted rule`);
        broken = true;
    }
  }
  const headers = headerOps(filters.map(({ item }) => item));
  if (headers) base.headers = headers;
  if (mirrors.length > 0) base.mirrors = mirrors;
  Object.assign(base, timing(route, rule, at, ctx));
  if (!redirect) {
    const dests = broken ? undefined : destinations(rule.backendRefs, [...at, 'backendRefs'], route, vsNs, ctx);
    if (dests) base.route = dests;
    // A GRPCRoute's failing rule answers UNAVAILABLE (gateway-api.md §6.2), which is what a gRPC
    // client reads from a 503 (gRPC's HTTP-to-status mapping; simulate/grpc-status.ts).
    else base.directResponse = { status: route.kind === 'GRPCRoute' ? 503 : 500 };
  }
  if (rule.sessionPersistence !== undefined) ctx.report.lose('SessionPersistence', route, [...at, 'sessionPersistence'], 'session persistence has no VirtualService form (it needs a DestinationRule consistent-hash policy); it is left out');
  return { base, redirect, rewrite };
}

function timing(route: Resource, rule: KubeObject, at: FieldPath, ctx: GwCtx): KubeObject {
  const out: KubeObject = {};
  const t = rec(rule.timeouts);
  const ms = (v: unknown): number | undefined => (str(v) !== undefined ? parseDuration(str(v) as string) : undefined);
  const request = ms(t.request);
  const backend = ms(t.backendRequest);
  if (request !== undefined && request > 0) out.timeout = toIstioDuration(request);
  const retry = rule.retry === undefined ? undefined : rec(rule.retry);
  if (retry) {
    const codes = (Array.isArray(retry.codes) ? retry.codes : []).filter((c): c is number => typeof c === 'number');
    const attempts = num(retry.attempts) ?? 2;
    out.retries = {
      attempts,
      ...(attempts > 0 ? { retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', ...codes.map(String)].join(',') } : {}),
      ...(backend !== undefined && backend > 0 ? { perTryTimeout: toIstioDuration(backend) } : {}),
    };
    if (retry.backoff !== undefined) ctx.report.lose('Timeouts', route, [...at, 'retry', 'backoff'], 'retry backoff has no VirtualService form; Envoy’s default backoff applies');
  } else if (backend !== undefined && backend > 0 && request === undefined) out.timeout = toIstioDuration(backend);
  else if (backend !== undefined && backend > 0) ctx.report.lose('Timeouts', route, [...at, 'timeouts', 'backendRequest'], 'a per-attempt timeout without retries has no VirtualService form beside a request timeout; it is left out');
  return out;
}

/** Gateway API CORS → Istio corsPolicy (istio.md §4.3 table: `*` → any, `*.` wildcards → regex). */
function cors(c: KubeObject): KubeObject {
  const out: KubeObject = {
    allowOrigins: strings(c.allowOrigins).map((o) => (o === '*' ? { regex: '.*' } : o.includes('*') ? { regex: o.split('*').map(escapeRegex).join('[a-zA-Z0-9.-]+') } : { exact: o })),
    unmatchedPreflights: 'IGNORE',
  };
  for (const k of ['allowMethods', 'allowHeaders', 'exposeHeaders'] as const) if (strings(c[k]).length > 0) out[k] = strings(c[k]);
  if (typeof c.allowCredentials === 'boolean') out.allowCredentials = c.allowCredentials;
  out.maxAge = `${num(c.maxAge) ?? 5}s`;
  return out;
}
