import type { Request } from '../simulate/types.js';
import { fullMatch } from './path-atoms.js';
import type { AffectedRequests, RequestCondition, RequestMatch } from './types.js';

/**
 * Does a request belong to the requests a loss entry names (types.ts AffectedRequests)?
 * Matches are read as the Gateway API reads them (gateway-api.md §4.2–§4.5): Exact and
 * segment-wise PathPrefix paths without the query, full-match regular expressions, header names
 * without case. `unrouted`: no route took the request before conversion; `protocols`: the request's kind.
 */
export function isAffected(a: AffectedRequests, r: Request, unrouted: boolean): boolean {
  if (a.unrouted === true && !unrouted) return false;
  if (a.protocols && !a.protocols.includes(r.protocol)) return false;
  if (a.hosts && !a.hosts.some((h) => hostIn(h, r.host))) return false;
  return (a.allOf ?? []).every((m) => satisfies(m, r));
}

function hostIn(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return p === host;
}

export function satisfies(m: RequestMatch, r: Request): boolean {
  const q = r.path.indexOf('?');
  const path = q < 0 ? r.path : r.path.slice(0, q);
  if (m.path && !pathHolds(m.path.type, m.path.value, path)) return false;
  if (m.method !== undefined && m.method !== r.method) return false;
  const header = (name: string): string | undefined => {
    const vs = r.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
    return vs.length === 0 ? undefined : vs.join(',');
  };
  if (!(m.headers ?? []).every((c) => condHolds(c, header(c.name)))) return false;
  const query = q < 0 ? [] : r.path.slice(q + 1).split('&').map((kv) => kv.split('=') as [string, string?]);
  const param = (name: string): string | undefined => {
    const first = query.find(([n]) => n === name);
    return first === undefined ? undefined : (first[1] ?? '');
  };
  return (m.queryParams ?? []).every((c) => condHolds(c, param(c.name)));
}

function pathHolds(type: 'Exact' | 'PathPrefix' | 'RegularExpression', value: string, path: string): boolean {
  if (type === 'Exact') return path === value;
  if (type === 'RegularExpression') return fullMatch(value, path);
  const p = value.length > 1 && value.endsWith('/') ? value.slice(0, -1) : value;
  return p === '/' || path === p || path.startsWith(`${p}/`);
}

/** Repeated headers compare comma-joined, repeated query parameters by their first value (as the simulator does). */
function condHolds(c: RequestCondition, v: string | undefined): boolean {
  if (v === undefined) return false;
  return c.type === 'RegularExpression' ? fullMatch(c.value, v) : v === c.value;
}
