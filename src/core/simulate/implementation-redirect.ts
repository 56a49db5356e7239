/**
 * The `Location` of a Gateway API RequestRedirect as the target's implementation writes it. The spec
 * (apis/v1 httproute_types.go, HTTPRequestRedirectFilter.Port) derives an unset port — the redirect
 * scheme's well-known port, else the listener port — and says implementations SHOULD NOT write :80
 * with http nor :443 with https (filters/redirect.ts). Implementations write it otherwise:
 * - Envoy (Istio, Envoy Gateway): with no `port_redirect` Envoy keeps the Host header as the client
 *   sent it, dropping its port only when the scheme changes and the port was the old scheme's
 *   default, and a `host_redirect` replaces host and port (envoy source/common/router/config_impl.cc
 *   newPath, processRequestHost). Istio sends no port when the filter sets a scheme, else the
 *   listener port, and none when it is the scheme's well-known port (istio conversion.go
 *   createRedirectFilter; route.go translateRedirect). Envoy Gateway derives the spec's port and
 *   sends none when it is 80 or 443 (envoyproxy/gateway internal/gatewayapi/route.go,
 *   internal/xds/translator/route.go).
 * - NGINX Gateway Fabric returns `$scheme://host:port$request_uri` with the listener port, leaving the
 *   port out only when the filter sets a scheme (servers.go createReturnAndRewriteConfigForRedirectFilter).
 */
import type { RedirectAction } from '../compile/types.js';
import { applyPathModifier } from './filters/path-modifier.js';
import type { RedirectPortRule } from './implementation-table.js';

export interface RedirectRequest {
  readonly scheme: string;
  /** The Host header as sent (may carry `:port`). */
  readonly authority: string;
  /** The host, lower-case, without port. */
  readonly host: string;
  readonly listenerPort: number;
  readonly pathAndQuery: string;
}

const WELL_KNOWN: Readonly<Record<string, number>> = { http: 80, https: 443 };

/** The Location an implementation writes; `spec` is not handled here (filters/redirect.ts is). */
export function implementationLocation(rule: Exclude<RedirectPortRule, 'spec'>, a: RedirectAction, req: RedirectRequest): string {
  const scheme = a.scheme ?? req.scheme;
  const path = a.path ? applyPathModifier(a.path, req.pathAndQuery) : req.pathAndQuery;
  if (rule === 'nginx') return `${scheme}://${nginxHostPort(a, scheme, req)}${path}`;
  const port = rule === 'envoy-istio' ? istioPort(a, scheme, req.listenerPort) : envoyGatewayPort(a, req.listenerPort);
  const host = a.hostname ?? requestHost(req.authority, scheme, port !== null, req.scheme);
  return `${scheme}://${host}${port === null ? '' : `:${port}`}${path}`;
}

function istioPort(a: RedirectAction, scheme: string, listenerPort: number): number | null {
  const port = a.port ?? (a.scheme !== null ? null : listenerPort);
  return port === WELL_KNOWN[scheme] ? null : port;
}

function envoyGatewayPort(a: RedirectAction, listenerPort: number): number | null {
  const port = a.port ?? (a.scheme !== null ? (WELL_KNOWN[a.scheme] ?? listenerPort) : listenerPort);
  return port === 80 || port === 443 ? null : port;
}

/** Envoy's processRequestHost: the Host header, its port dropped when a port is set or a default port loses its meaning. */
function requestHost(authority: string, scheme: string, portSet: boolean, requestScheme: string): string {
  const m = /^(.*)(:\d+)$/.exec(authority);
  if (!m) return authority;
  const [, host = '', port = ''] = m;
  const defaultDropped = scheme !== requestScheme && ((requestScheme === 'https' && port === ':443') || (requestScheme === 'http' && port === ':80'));
  return portSet || defaultDropped ? host : authority;
}

function nginxHostPort(a: RedirectAction, scheme: string, req: RedirectRequest): string {
  const hostname = a.hostname ?? req.host;
  const port = a.port ?? req.listenerPort;
  if (a.scheme === null) return `${hostname}:${port}`;
  if (a.port === null || port === WELL_KNOWN[scheme]) return hostname;
  return `${hostname}:${port}`;
}
