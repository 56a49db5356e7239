/**
 * Hostname patterns shared by both dialects: `*` (any), `*.suffix` (at least one more label,
 * gateway-api.md §2.2, Istio `pkg/config/host/name.go`), or an exact name. Compared lower-case.
 */

/** Does `pattern` cover `name` (itself an exact name or a pattern)? `*.a.com` covers `x.a.com` and `*.x.a.com`. */
export function covers(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  if (p === '*' || p === n) return true;
  if (!p.startsWith('*.')) return false;
  if (n === '*') return false;
  return n.endsWith(p.slice(1)) && n.length > p.length - 1;
}

/** The intersection of two patterns: the more specific one when one covers the other, else null (gateway-api.md §3.3). */
export function intersectHost(a: string, b: string): string | null {
  if (covers(a, b)) return b.toLowerCase();
  if (covers(b, a)) return a.toLowerCase();
  return null;
}

export function isWildcard(h: string): boolean {
  return h === '*' || h.startsWith('*.');
}

/** Gateway API hostname precedence (gateway-api.md §4.6 step 1): non-wildcard characters, then all characters. */
export function hostnameRank(h: string): [number, number] {
  if (h === '*') return [0, 0];
  return [isWildcard(h) ? 0 : h.length, h.length];
}

export function isIp(h: string): boolean {
  return /^[0-9.]+$/.test(h) || h.includes(':');
}

/** RFC 1123 hostname with an optional leading `*.` label (Gateway API `Hostname`). */
export function isGatewayHostname(h: string): boolean {
  return /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(h) && !isIp(h);
}
