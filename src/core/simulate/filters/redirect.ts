/**
 * RequestRedirect → Location (gateway-api.md §5.3). Scheme: the filter's or the request's. Host:
 * the filter's or the request's (without port). Port when unset: with a scheme set, that scheme's
 * well-known port; otherwise the listener port (Istio: derivePort). :80 with http and :443 with
 * https are omitted. Path: modified, or unchanged; the query is kept (unspecified by the API).
 */
import type { RedirectAction } from '../../compile/types.js';
import { applyPathModifier } from './path-modifier.js';

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

export interface RedirectInput {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** The port of the listener that took the request. */
  readonly listenerPort: number;
  readonly pathAndQuery: string;
}

export function redirectLocation(r: RedirectAction, req: RedirectInput): string {
  const scheme = r.scheme ?? req.scheme;
  const host = r.hostname ?? req.host;
  let port: number;
  if (r.port !== null) port = r.port;
  else if (r.portPolicy === 'GatewayAPI') port = r.scheme !== null ? (WELL_KNOWN[scheme] ?? req.listenerPort) : req.listenerPort;
  else if (r.portPolicy === 'FromRequestPort') port = req.port;
  else port = WELL_KNOWN[scheme] ?? req.port;
  const omit = WELL_KNOWN[scheme] === port;
  const path = r.path ? applyPathModifier(r.path, req.pathAndQuery) : req.pathAndQuery;
  return `${scheme}://${host}${omit ? '' : `:${port}`}${path}`;
}
