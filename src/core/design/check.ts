import type { Severity } from '../diagnostics/types.js';

/** A diagnostic of one object, by field path (`spec.rules[0].matches[1]`). */
export interface FieldProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
}

const keyOf = (p: FieldProblem): string => `${p.code}\u0000${p.path}\u0000${p.message}`;

/** Errors `after` has that `before` had not: what an edit would break. */
export function introducedErrors(before: readonly FieldProblem[], after: readonly FieldProblem[]): FieldProblem[] {
  const known = new Set(before.filter((p) => p.severity === 'error').map(keyOf));
  return after.filter((p) => p.severity === 'error' && !known.has(keyOf(p)));
}

/** Whether `path` is `prefix` or inside it (`spec.rules[0].matches` is inside `spec.rules[0]`). */
export function pathWithin(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}
