/**
 * CORS (gateway-api.md §5.6). A preflight (OPTIONS with Origin and Access-Control-Request-Method)
 * is answered by the gateway, never forwarded: 200 with the Access-Control-* headers when the
 * origin is allowed, without them otherwise (200 or 204 are both conformant; 200 here). A simple
 * request from an allowed origin is forwarded and its response gets Access-Control-Allow-Origin
 * (and -Allow-Credentials, -Expose-Headers). With allowCredentials a configured `*` is echoed as
 * the concrete origin / method / headers, never `*`.
 */
import type { CorsPolicy, OriginMatch } from '../../compile/types.js';
import { matchString } from '../match/string-match.js';

export interface CorsResult {
  /** Non-null for a preflight: the gateway answers it with this status. */
  readonly preflightStatus: number | null;
  readonly allowed: boolean;
  /** Response headers to set (lower-case names). */
  readonly headers: ReadonlyMap<string, string>;
}

export function applyCors(cors: CorsPolicy, method: string, headers: ReadonlyMap<string, string>): CorsResult | null {
  const origin = headers.get('origin');
  if (origin === undefined) return null;
  const requestedMethod = headers.get('access-control-request-method');
  const preflight = method === 'OPTIONS' && requestedMethod !== undefined;
  const allowed = cors.allowOrigins.some((o) => originMatches(o, origin));
  const out = new Map<string, string>();
  if (allowed) {
    out.set('access-control-allow-origin', origin);
    if (cors.allowCredentials) out.set('access-control-allow-credentials', 'true');
    if (cors.exposeHeaders.length > 0) out.set('access-control-expose-headers', cors.exposeHeaders.join(', '));
    if (preflight) {
      const wild = (list: readonly string[]): boolean => list.length === 1 && list[0] === '*';
      const methods = wild(cors.allowMethods) && cors.allowCredentials ? (requestedMethod ?? '') : cors.allowMethods.join(', ');
      if (methods !== '') out.set('access-control-allow-methods', methods);
      const asked = headers.get('access-control-request-headers');
      const allowHeaders = wild(cors.allowHeaders) && cors.allowCredentials ? (asked ?? '') : cors.allowHeaders.join(', ');
      if (allowHeaders !== '') out.set('access-control-allow-headers', allowHeaders);
      if (cors.maxAge !== null) out.set('access-control-max-age', String(cors.maxAge));
    }
  }
  if (preflight && !allowed && cors.unmatchedPreflights === 'Forward') return { preflightStatus: null, allowed, headers: out };
  return { preflightStatus: preflight ? 200 : null, allowed, headers: out };
}

/**
 * Gateway API CORSOrigin: `*`, or `scheme://host[:port]` where a leading `*.` in the host covers
 * any number of labels (`https://*.example.com` matches `https://a.b.example.com`).
 */
export function originMatches(o: OriginMatch, origin: string): boolean {
  if (o.type !== 'Wildcard') return matchString(o, origin);
  if (o.value === '*') return true;
  const pat = /^([a-z]+):\/\/([^:/]+)(?::(\d+))?$/i.exec(o.value);
  const got = /^([a-z]+):\/\/([^:/]+)(?::(\d+))?$/i.exec(origin);
  if (!pat || !got) return false;
  const [, ps = '', ph = '', pp] = pat;
  const [, gs = '', gh = '', gp] = got;
  if (ps.toLowerCase() !== gs.toLowerCase() || pp !== gp) return false;
  const host = gh.toLowerCase();
  const want = ph.toLowerCase();
  if (want === '*') return true;
  if (want.startsWith('*.')) return host.endsWith(want.slice(1)) && host.length > want.length - 1;
  return host === want;
}
