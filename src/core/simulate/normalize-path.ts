/**
 * The request path as Envoy normalises it before routing under Istio's default mesh config
 * (istio/api mesh/v1alpha1/config.proto `ProxyPathNormalization`: DEFAULT is BASE; istiod sets
 * the HttpConnectionManager's `normalize_path: true`, no `merge_slashes`, and
 * `path_with_escaped_slashes_action: KEEP_UNCHANGED`). Envoy's `normalize_path` is RFC 3986
 * normalisation: the normalised path is what routes match and what the backend receives.
 *
 * Exactly what BASE does, as istio/istio's normalisation integration test
 * (tests/integration/security/normalization_test.go) expects it:
 * - percent-encoded unreserved characters are decoded (RFC 3986 §2.3, §6.2.2.2): `%30` → `0`,
 *   `%2E` → `.`; any other escape is kept as written, `%2F` and `%5C` included;
 * - a backslash is a slash (`/app\admin` → `/app/admin`);
 * - dot segments are removed (RFC 3986 §5.2.4 remove_dot_segments): `/app/../admin` → `/admin`,
 *   `/app/%2E./admin` → `/admin`, `/app//../admin` → `/app/admin`;
 * - repeated slashes stay (`/app//` → `/app//`).
 * The Gateway API leaves normalisation to the implementation; the simulated controller does as
 * Envoy does.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** `%XX` of an unreserved character → the character; every other escape as written. */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape: string, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(c) ? c : escape;
  });
}

/** RFC 3986 §5.2.4 for an absolute path: `.` segments go, `..` removes the segment before it. */
function removeDotSegments(path: string): string {
  const segments = path.slice(1).split('/');
  const out: string[] = [];
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    if (s === '..') out.pop();
    if (s === '.' || s === '..') {
      // A trailing dot segment leaves the path ending in "/" (`/a/b/..` → `/a/`).
      if (last) out.push('');
      return;
    }
    out.push(s);
  });
  return `/${out.join('/')}`;
}

/** The normalised form of a path without its query; a path not starting with `/` is kept. */
export function normalizePath(path: string): string {
  if (!path.startsWith('/')) return path;
  return removeDotSegments(decodeUnreserved(path).replace(/\\/g, '/'));
}

/** Path and query: the path part normalised, the query kept as sent. */
export function normalizePathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  return q === -1 ? normalizePath(pathAndQuery) : `${normalizePath(pathAndQuery.slice(0, q))}${pathAndQuery.slice(q)}`;
}
