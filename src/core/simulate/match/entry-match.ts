/**
 * Does an entry's match hold for a request? Conditions are checked in a fixed order and the first
 * that fails is the reason given in the trace (e.g. `header x-canary absent`).
 */
import type { GrpcMethodMatch, RouteEntry, RouteMatch } from '../../compile/types.js';
import type { RegexTests } from '../implementation-regex.js';
import type { RequestView } from '../request-view.js';
import { checkHeader } from './header-match.js';
import { describePath, matchPath } from './path-match.js';
import { checkQuery } from './query-match.js';
import { fullMatch } from './regex.js';
import { describeString, matchString } from './string-match.js';

/** `rx`: the target's regex reading, for Gateway API routes only; null: RE2 full match whatever the target. */
export function whyNot(entry: RouteEntry, v: RequestView, rx: RegexTests | null = entry.dialect === 'gateway-api' ? (v.regex ?? null) : null): string | null {
  if (entry.routeKind === 'GRPCRoute' && v.request.protocol !== 'grpc') return 'not a gRPC request';
  return whyNotMatch(entry.match, v, rx ?? undefined);
}

export function whyNotMatch(m: RouteMatch, v: RequestView, rx?: RegexTests): string | null {
  if (m.grpc) {
    const g = v.request.grpc;
    if (!g) return 'not a gRPC request';
    const why = grpcWhyNot(m.grpc, g.service, g.method);
    if (why) return why;
  }
  // The target's implementation may read regexes otherwise (implementation-regex.ts); RE2 full match without one.
  if (m.path && !matchPath(m.path, v.path, rx?.path)) return `path ${v.path} does not match ${describePath(m.path)}`;
  if (m.method && !matchString(m.method, v.request.method)) return `method ${v.request.method} is not ${describeString(m.method)}`;
  for (const h of m.headers ?? []) {
    const why = checkHeader(h, v.headers, rx?.values);
    if (why) return why;
  }
  for (const q of m.queryParams ?? []) {
    const why = checkQuery(q, v.query, rx?.values);
    if (why) return why;
  }
  if (m.scheme && !matchString(m.scheme, v.request.scheme)) return `scheme ${v.request.scheme} is not ${describeString(m.scheme)}`;
  if (m.authority && !matchString(m.authority, v.request.authority)) return `authority ${v.request.authority} is not ${describeString(m.authority)}`;
  if (m.port !== undefined && m.port !== v.request.port) return `port ${v.request.port} is not ${m.port}`;
  if (m.source) {
    const c = v.client;
    if (!c) return 'source conditions need a mesh client (--mesh --from)';
    if (m.source.namespace !== undefined && m.source.namespace !== c.namespace) return `source namespace ${c.namespace} is not ${m.source.namespace}`;
    for (const [k, val] of Object.entries(m.source.labels ?? {})) {
      if (c.labels[k] !== val) return `source label ${k}=${val} missing on ${c.namespace}/${c.workload}`;
    }
  }
  return null;
}

/** gateway-api.md §7: Exact compares the given parts; RegularExpression matches each given part. */
function grpcWhyNot(m: GrpcMethodMatch, service: string, method: string): string | null {
  const eq = (pattern: string, value: string): boolean => (m.type === 'Exact' ? pattern === value : fullMatch(pattern, value));
  if (m.service !== null && !eq(m.service, service)) return `service ${service} does not match ${m.type === 'Exact' ? '' : '~ '}${m.service}`;
  if (m.method !== null && !eq(m.method, method)) return `method ${method} does not match ${m.type === 'Exact' ? '' : '~ '}${m.method}`;
  return null;
}
