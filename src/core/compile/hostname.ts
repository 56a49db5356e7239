/**
 * Hostname matching shared by listener selection, route attachment and vhost lookup.
 * gateway-api.md §2.2: `*.example.com` is a suffix match needing at least one extra label — it
 * matches `a.example.com` and `a.b.example.com`, never `example.com`. Names compare lower-case.
 */

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}

/** Does `pattern` (exact, `*.suffix` or `*` for any) accept the concrete host? */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === '') return true;
  if (!isWildcard(pattern)) return pattern === host;
  const suffix = pattern.slice(1); // `.example.com`
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * Intersection of two hostname patterns ('*' = any), or null (gateway-api.md §3.3): two names
 * intersect when one matches the other under the wildcard rule (or they are equal); the result is
 * the more specific of the two.
 */
export function intersectHostnames(a: string, b: string): string | null {
  if (a === '*' || a === '') return b === '' ? '*' : b;
  if (b === '*' || b === '') return a;
  if (a === b) return a;
  if (!isWildcard(a) && !isWildcard(b)) return null;
  if (!isWildcard(a)) return hostMatches(b, a) ? a : null;
  if (!isWildcard(b)) return hostMatches(a, b) ? b : null;
  // Two wildcards: the longer suffix is the more specific; it must sit inside the other.
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  return longer.slice(1).endsWith(shorter.slice(1)) ? longer : null;
}

/**
 * Specificity of a listener hostname for selection (gateway-api.md §2.2): exact names first, then
 * wildcards with more labels, then "any". Higher is more specific.
 */
export function hostnameSpecificity(pattern: string | null): number {
  if (pattern === null || pattern === '' || pattern === '*') return 0;
  const labels = pattern.split('.').length;
  return isWildcard(pattern) ? labels : 1000 + labels;
}

/** Wildcard keys that could cover a host, most specific first: `a.b.c` → `.b.c`, `.c`. */
export function wildcardSuffixes(host: string): string[] {
  const out: string[] = [];
  let i = host.indexOf('.', host.startsWith('*.') ? 2 : 0);
  while (i !== -1) {
    out.push(host.slice(i));
    i = host.indexOf('.', i + 1);
  }
  return out;
}

/** `Host` header / authority → lower-case host without port (IPv6 literals keep their brackets). */
export function hostOfAuthority(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    return end === -1 ? a : a.slice(0, end + 1);
  }
  const colon = a.lastIndexOf(':');
  return colon === -1 ? a : a.slice(0, colon);
}
