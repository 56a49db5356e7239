/**
 * HTTPRoute actions and filters (istio.md §1.4; route.go TranslateRoute, ApplyRedirect,
 * TranslateHeadersOperations, applyHTTPRouteDestination).
 * - headers: `set` overwrites, `add` appends, `remove` deletes; `:authority`/`host` in set/add
 *   rewrite the Host instead (set wins over add); other `:` pseudo-headers are ignored.
 * - rewrite.uri replaces the MATCHED PREFIX as Envoy's `prefix_rewrite` does: the exact path for
 *   an exact match, `/` when the match has no uri (so `/foo` with `uri: /v2` → `/v2foo`), the whole
 *   path for a regex match. `uriRegexRewrite` is a global regex substitution. rewrite.authority wins
 *   over a Host set through headers.
 * - redirect: `uri` replaces the whole path whatever the match type; `prefixRewrite` replaces the
 *   matched prefix; code 301 unless set (the Gateway API defaults to 302); 301/302/303/307/308
 *   only. `derivePort: FROM_REQUEST_PORT` uses the listener port; an explicit :80 on http and
 *   :443 on https is dropped.
 */
import type { DirectResponseAction, Filter, HeaderModifier, Note, PathModifier, RedirectAction, UrlRewrite } from '../types.js';
import type { ProxyContext } from './context.js';
import type { HeaderOps, HeadersModel, HttpMatchModel, HttpRuleModel } from './model.js';

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

const isAuthority = (name: string): boolean => name === ':authority' || name === 'host';
const isInternal = (name: string): boolean => name.startsWith(':') || name === 'host';

function toModifier(ops: HeaderOps): HeaderModifier | null {
  const m: HeaderModifier = {
    set: ops.set.filter(([k]) => !isInternal(k)),
    add: ops.add.filter(([k]) => !isInternal(k)),
    remove: ops.remove.filter((k) => !isInternal(k)),
  };
  return m.set.length + m.add.length + m.remove.length === 0 ? null : m;
}

/** The Host a `headers` block rewrites through `:authority`/`host`, or ''. */
export function authorityOf(h: HeadersModel | null): string {
  if (h === null) return '';
  const set = h.request.set.find(([k]) => isAuthority(k));
  const add = h.request.add.find(([k]) => isAuthority(k));
  return set?.[1] ?? add?.[1] ?? '';
}

/** Request and response header filters of a `headers` block (rule or destination level). */
export function headerFilters(h: HeadersModel | null): { request: Filter[]; response: Filter[] } {
  if (h === null) return { request: [], response: [] };
  const req = toModifier(h.request);
  const res = toModifier(h.response);
  return {
    request: req === null ? [] : [{ type: 'RequestHeaderModifier', modifier: req }],
    response: res === null ? [] : [{ type: 'ResponseHeaderModifier', modifier: res }],
  };
}

/** The prefix Envoy's `prefix_rewrite` swaps for this match; null for a regex match (whole path). */
export function matchedPrefix(match: HttpMatchModel | null): string | null {
  const uri = match?.uri ?? null;
  if (uri === null || uri.kind === 'any') return '/';
  return uri.kind === 'regex' ? null : uri.value;
}

function prefixModifier(value: string, match: HttpMatchModel | null): PathModifier {
  const prefix = matchedPrefix(match);
  return prefix === null ? { type: 'ReplaceFullPath', value } : { type: 'ReplacePrefixMatch', value, prefix, semantics: 'string' };
}

/** The URLRewrite filter of a forwarding rule, or null. */
export function rewriteFilter(rule: HttpRuleModel, match: HttpMatchModel | null): UrlRewrite | null {
  const rw = rule.rewrite;
  let path: PathModifier | null = null;
  if (rw?.uriRegexRewrite) path = { type: 'RegexRewrite', pattern: rw.uriRegexRewrite.match, substitution: rw.uriRegexRewrite.rewrite };
  else if (rw && rw.uri !== '') path = prefixModifier(rw.uri, match);
  const authority = rw && rw.authority !== '' ? rw.authority : authorityOf(rule.headers);
  return path === null && authority === '' ? null : { hostname: authority === '' ? null : authority, path };
}

export function redirectAction(ctx: ProxyContext, rule: HttpRuleModel, match: HttpMatchModel | null): { action: RedirectAction | null; notes: Note[] } {
  const r = rule.redirect;
  if (r === null) return { action: null, notes: [] };
  const statusCode = r.redirectCode === 0 ? 301 : r.redirectCode;
  if (!REDIRECT_CODES.has(statusCode)) return { action: null, notes: [] };
  const notes: Note[] = [];
  if (r.redirectCode === 0) notes.push({ code: 'Info', message: 'Istio redirects with 301 when redirectCode is unset (the Gateway API defaults to 302)' });
  let port: number | null = r.port;
  let portPolicy: RedirectAction['portPolicy'] = 'FromProtocolDefault';
  if (port === null && r.derivePort === 'FROM_REQUEST_PORT') {
    if (ctx.listenPort !== 0) port = ctx.listenPort;
    else portPolicy = 'FromRequestPort';
  }
  const path: PathModifier | null = r.prefixRewrite !== '' ? prefixModifier(r.prefixRewrite, match) : r.uri !== '' ? { type: 'ReplaceFullPath', value: r.uri } : null;
  return {
    action: { kind: 'redirect', scheme: r.scheme === '' ? null : r.scheme, hostname: r.authority === '' ? null : r.authority, port, portPolicy, path, statusCode },
    notes,
  };
}

export function directResponseAction(rule: HttpRuleModel): DirectResponseAction | null {
  const d = rule.directResponse;
  return d === null ? null : { kind: 'directResponse', status: d.status, body: d.body };
}
