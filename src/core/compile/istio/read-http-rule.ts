/**
 * Reads one `spec.http[i]` of a VirtualService (istio.md §1.3, §1.4) into an HttpRuleModel.
 * @see istio/api networking/v1alpha3/virtual_service.proto HTTPRoute, HTTPMatchRequest
 */
import type { Resource } from '../../resources/types.js';
import { arr, bool, num, rec, str } from '../read.js';
import type { CorsModel, FaultModel, HttpMatchModel, HttpRuleModel, MirrorModel, RedirectModel, RetriesModel, RewriteModel } from './model.js';
import { resolveGatewayName } from './names.js';
import { readDestination, readDuration, readHeaders, readPercent, readStringMap, readStringMatch, readStringMatchMap, readStrings } from './read-common.js';

export function readHttpMatch(raw: unknown, index: number, path: string, namespace: string): HttpMatchModel {
  const m = rec(raw);
  return {
    index,
    path,
    name: str(m.name) ?? '',
    uri: readStringMatch(m.uri),
    scheme: readStringMatch(m.scheme),
    method: readStringMatch(m.method),
    authority: readStringMatch(m.authority),
    // Envoy compares header names case-insensitively; query parameter names are case-sensitive.
    headers: readStringMatchMap(m.headers, true),
    withoutHeaders: readStringMatchMap(m.withoutHeaders, true),
    queryParams: readStringMatchMap(m.queryParams, false),
    ignoreUriCase: bool(m.ignoreUriCase),
    port: num(m.port) ?? 0,
    sourceLabels: readStringMap(m.sourceLabels),
    sourceNamespace: str(m.sourceNamespace) ?? '',
    gateways: readStrings(m.gateways).map((g) => resolveGatewayName(g, namespace)),
  };
}

function readRedirect(v: unknown): RedirectModel | null {
  if (v === undefined || v === null) return null;
  const r = rec(v);
  const derive = str(r.derivePort);
  return {
    uri: str(r.uri) ?? '',
    prefixRewrite: str(r.prefixRewrite) ?? '',
    authority: str(r.authority) ?? '',
    scheme: str(r.scheme) ?? '',
    port: num(r.port),
    derivePort: derive === 'FROM_REQUEST_PORT' || derive === 'FROM_PROTOCOL_DEFAULT' ? derive : null,
    redirectCode: num(r.redirectCode) ?? 0,
  };
}

function readRewrite(v: unknown): RewriteModel | null {
  if (v === undefined || v === null) return null;
  const r = rec(v);
  const rr = r.uriRegexRewrite === undefined ? null : rec(r.uriRegexRewrite);
  return {
    uri: str(r.uri) ?? '',
    authority: str(r.authority) ?? '',
    uriRegexRewrite: rr === null ? null : { match: str(rr.match) ?? '', rewrite: str(rr.rewrite) ?? '' },
  };
}

/** Without a percentage nothing is injected (virtual_service.proto HTTPFaultInjection.Delay/Abort). */
function readFault(v: unknown): FaultModel | null {
  if (v === undefined || v === null) return null;
  const f = rec(v);
  const d = f.delay === undefined ? null : rec(f.delay);
  const a = f.abort === undefined ? null : rec(f.abort);
  return {
    delay: d === null ? null : { fixedDelay: readDuration(d.fixedDelay), percent: readPercent(d.percentage) ?? num(d.percent) ?? 0 },
    abort: a === null ? null : { httpStatus: num(a.httpStatus), grpcStatus: str(a.grpcStatus), percent: readPercent(a.percentage) ?? 0 },
  };
}

function readRetries(v: unknown): RetriesModel | null {
  if (v === undefined || v === null) return null;
  const r = rec(v);
  return { attempts: num(r.attempts) ?? 0, perTryTimeout: readDuration(r.perTryTimeout), retryOn: str(r.retryOn), backoff: readDuration(r.backoff) };
}

function readCors(v: unknown): CorsModel | null {
  if (v === undefined || v === null) return null;
  const c = rec(v);
  const origins = arr(c.allowOrigins).flatMap((o) => {
    const m = readStringMatch(o);
    return m === null ? [] : [m];
  });
  // Deprecated `allowOrigin` (exact strings), used only when allowOrigins is absent (route.go TranslateCORSPolicy).
  const legacy = c.allowOrigins === undefined ? readStrings(c.allowOrigin).map((value) => ({ kind: 'exact' as const, value })) : [];
  return {
    allowOrigins: [...origins, ...legacy],
    allowMethods: readStrings(c.allowMethods),
    allowHeaders: readStrings(c.allowHeaders),
    exposeHeaders: readStrings(c.exposeHeaders),
    maxAge: readDuration(c.maxAge),
    allowCredentials: bool(c.allowCredentials),
    unmatchedPreflights: str(c.unmatchedPreflights) === 'IGNORE' ? 'Ignore' : 'Forward',
  };
}

function readMirrors(h: Record<string, unknown>, namespace: string, path: string): MirrorModel[] {
  const out: MirrorModel[] = [];
  if (h.mirror !== undefined && h.mirror !== null) {
    const pct = readPercent(h.mirrorPercentage) ?? num(h.mirrorPercent);
    out.push({ destination: readDestination(h.mirror, namespace), percent: pct, path: `${path}.mirror` });
  }
  arr(h.mirrors).forEach((raw, i) => {
    const m = rec(raw);
    out.push({ destination: readDestination(m.destination, namespace), percent: readPercent(m.percentage), path: `${path}.mirrors[${i}]` });
  });
  return out;
}

export function readHttpRule(resource: Resource, raw: unknown, index: number): HttpRuleModel {
  const h = rec(raw);
  const ns = resource.namespace;
  const path = `spec.http[${index}]`;
  const dr = h.directResponse === undefined ? null : rec(h.directResponse);
  const body = dr === null ? null : rec(dr.body);
  const delegate = h.delegate === undefined ? null : rec(h.delegate);
  return {
    origin: { resource, index, path },
    delegatedFrom: null,
    name: str(h.name) ?? '',
    match: arr(h.match).map((m, i) => readHttpMatch(m, i, `${path}.match[${i}]`, ns)),
    route: arr(h.route).map((r, i) => {
      const d = rec(r);
      return { destination: readDestination(d.destination, ns), weight: num(d.weight) ?? 0, headers: readHeaders(d.headers), path: `${path}.route[${i}]` };
    }),
    redirect: readRedirect(h.redirect),
    directResponse: dr === null ? null : { status: num(dr.status) ?? 0, body: str(body?.string) ?? (str(body?.bytes) === null ? null : decodeBase64(str(body?.bytes) ?? '')) },
    delegate: delegate === null ? null : { name: str(delegate.name) ?? '', namespace: str(delegate.namespace) || ns },
    rewrite: readRewrite(h.rewrite),
    timeout: readDuration(h.timeout),
    retries: readRetries(h.retries),
    fault: readFault(h.fault),
    mirrors: readMirrors(h, ns, path),
    corsPolicy: readCors(h.corsPolicy),
    headers: readHeaders(h.headers),
  };
}

/** `body.bytes` is base64 (proto bytes); kept as written, marked so it is not mistaken for text. */
function decodeBase64(b64: string): string {
  return `base64:${b64}`;
}
