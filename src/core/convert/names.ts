/** Deterministic, human-readable Kubernetes names for generated objects. */

/** A DNS-1123 label-ish slug: `*.shop.example.com` → `wildcard-shop-example-com`. */
export function slug(text: string, max = 63): string {
  const s = text
    .toLowerCase()
    .replace(/^\*\./, 'wildcard.')
    .replace(/^\*$/, 'any')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = s.slice(0, max).replace(/-+$/g, '');
  return cut === '' ? 'x' : cut;
}

/** Joins parts with `-` into a valid name of at most 253 characters (object names, listener names). */
export function joinName(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('-')
    .slice(0, 253)
    .replace(/-+$/g, '');
}

/** FNV-1a (32 bits) of the text, as 8 hex digits: a short, stable tag for a shortened name. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Joins parts with `-` into an RFC 1123 label of at most `max` (63) characters — the name istiod's
 * webhook requires of an Istio Gateway (istio pkg/config/validation/validation.go ValidateGateway:
 * "Gateway name must conform to the DNS label format (no dots)"). A valid label comes back
 * unchanged; other characters (dots of a Gateway API name) become `-`; a longer one keeps its
 * beginning and ends with a tag of the whole text, so two long names stay apart.
 */
export function labelName(parts: readonly string[], max = 63): string {
  const whole = parts.filter((p) => p !== '').join('-');
  const s = whole.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
  if (s.length <= max) return s === '' ? 'x' : s;
  return `${s.slice(0, max - 9).replace(/-+$/g, '')}-${tag(whole)}`;
}

/** `base`, else `base-2`, `base-3`… (each shortened to a label of 63 characters), the first `taken` refuses not. */
export function uniqueLabel(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let i = 2; taken(name); i++) name = labelName([base.slice(0, 63 - String(i).length - 1), String(i)]);
  return name;
}

/** Hands out unique names: the first request gets `base`, later ones `base-2`, `base-3`… */
export class NameAllocator {
  private readonly used = new Set<string>();

  take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}-${i}`;
    this.used.add(name);
    return name;
  }

  reserve(name: string): void {
    this.used.add(name);
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
