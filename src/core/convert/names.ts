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
