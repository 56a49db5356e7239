/**
 * Wording for schema messages: values, JSON types and the CRDs' regular expressions as a
 * person reads them in YAML.
 */

/** `the string "80"`, `the number 2000000`, `a list`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `the string ${quote(v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `the boolean ${v}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** The value itself, short: `"Prefix"`, `2000000`. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

export function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

const TYPE_NAMES: { readonly [type: string]: string } = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object (a mapping of fields)',
  array: 'a list',
  null: 'null',
};

/** `['integer', 'string']` → `an integer or a string`. */
export function typeNames(types: readonly string[]): string {
  const names = [...new Set(types)].filter((t) => t !== 'null').map((t) => TYPE_NAMES[t] ?? t);
  return names.length <= 1 ? (names[0] ?? 'null') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** The Gateway API's patterns (apis/v1 shared_types.go and friends), said in words. */
const PATTERNS: ReadonlyMap<string, string> = new Map([
  [String.raw`^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`, 'a lower-case hostname (RFC 1123), optionally starting with a "*." wildcard label, without a port'],
  [String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`, 'a lower-case DNS name (RFC 1123): letters, digits, "-" and "."'],
  [String.raw`^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`, 'empty (the core API group) or a lower-case DNS name such as gateway.networking.k8s.io'],
  [String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, 'a lower-case DNS label (RFC 1123): letters, digits and "-"'],
  [String.raw`^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$`, 'a kind name such as Service: letters, digits and "-", starting with a letter'],
  [String.raw`^([0-9]{1,5}(h|m|s|ms)){1,4}$`, 'a duration such as 10s, 1m30s or 500ms (units h, m, s, ms; no decimals)'],
  [String.raw`^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$`, 'an HTTP header name (letters, digits and !#$%&\'*+-.^_`|~, no spaces or ":")'],
  [String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`, 'a domain-prefixed path such as example.com/gateway-controller'],
  [String.raw`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`, 'a label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit'],
  [String.raw`^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?`, 'an absolute URI such as https://example.com/path'],
  [String.raw`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$`, 'a protocol such as HTTP, HTTPS, TLS, TCP, UDP, or a domain-prefixed name such as example.com/proto'],
  [String.raw`(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)`, '"*" or an origin such as https://example.com or https://*.example.com:8443'],
]);

export function describePattern(pattern: string): string {
  return PATTERNS.get(pattern) ?? `the pattern ${pattern}`;
}

/** The candidate a typo most likely meant (case-insensitive match first, then edit distance ≤ 2). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = distance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path costs that much. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length] ?? limit;
}
