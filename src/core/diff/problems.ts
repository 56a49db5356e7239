/**
 * Problems added and fixed: diagnostics compared by code, object and field path — not by line or
 * message, so moving or reformatting a document neither adds nor fixes anything. Counted as a
 * multiset: a second problem of the same key in the new version is added.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { ProblemChanges } from './types.js';

export function diffProblems(before: readonly Diagnostic[], after: readonly Diagnostic[]): ProblemChanges {
  return { added: missingFrom(after, before), fixed: missingFrom(before, after) };
}

/** The diagnostics of `xs` that `ys` lacks (each of ys used once). */
function missingFrom(xs: readonly Diagnostic[], ys: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const y of ys) counts.set(problemKey(y), (counts.get(problemKey(y)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const x of xs) {
    const k = problemKey(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(x);
  }
  return out;
}

/**
 * A problem without an object (a YAML error, a kind Route Designer does not model) is known by its
 * message instead — not by its file: the two versions are often read from two places (`diff
 * old/ new/`, `<stdin>` against a file), and a problem that moves to another file is not new.
 */
export function problemKey(d: Diagnostic): string {
  const r = d.resource;
  return r ? `${d.code}\u0000${r.kind}/${r.namespace}/${r.name}\u0000${d.path ?? ''}` : `${d.code}\u0000${d.message}`;
}
