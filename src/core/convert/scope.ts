import type { FieldPath } from '../resources/path.js';

/**
 * Scopes of loss entries: the element of a resource that decides requests — a route rule
 * (`spec.http[i]`, `spec.tcp[i]`, `spec.tls[i]`, `spec.rules[i]`), one of its matches
 * (`spec.http[i].match[j]`, `spec.rules[i].matches[j]`), a listener (`spec.listeners[i]`) or an
 * Istio server (`spec.servers[i]`) — or the whole resource (`[]`).
 */
const DECIDERS = new Set(['http', 'tcp', 'tls', 'rules', 'listeners', 'servers']);
const MATCHES = new Set(['match', 'matches']);

/** The deepest deciding element on `path` (`spec.http[2].fault` → `spec.http[2]`; `spec.hosts` → the resource). */
export function deciderScope(path: FieldPath): FieldPath {
  const [root, list, index, sub, subIndex] = path;
  if (root !== 'spec' || typeof list !== 'string' || !DECIDERS.has(list) || typeof index !== 'number') return [];
  const routeRule = list !== 'listeners' && list !== 'servers';
  if (routeRule && typeof sub === 'string' && MATCHES.has(sub) && typeof subIndex === 'number') return path.slice(0, 5);
  return path.slice(0, 3);
}

/** Is the element at `path` the element at `scope` or inside it? (`''` is the whole resource.) */
export function within(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}.`) || path.startsWith(`${scope}[`);
}

/** The rule of a match path (`spec.http[2].match[0]` → `spec.http[2]`); the path itself otherwise. */
export function ruleOf(path: string): string {
  const m = /^(.*)\.(match|matches)\[\d+\]$/.exec(path);
  return m ? (m[1] as string) : path;
}
