import type { FieldProblem, KubeObject } from '../core/index';

/**
 * Checking one object (a form edit) needs the schema validators: @kubernetes-models' compiled
 * ajv functions, ~100 KB gzip. They are not in the page's initial JavaScript: this module loads
 * them in a lazy chunk (`preloadObjectChecker` when the page is first idle, or as soon as the
 * inspector opens; any check starts it too). Forms say "checking…" until it is there.
 * The analysis Worker has its own copy for whole documents.
 */
export type CheckObject = (object: KubeObject) => FieldProblem[];

let checker: CheckObject | null = null;
let loading: Promise<CheckObject> | null = null;
const listeners = new Set<() => void>();

function ready(check: CheckObject): CheckObject {
  const first = checker === null;
  checker ??= check;
  if (first) for (const l of listeners) l();
  return checker;
}

/** Loads the validators (once); resolves with the checker. */
export function preloadObjectChecker(): Promise<CheckObject> {
  loading ??= import('../core/design/check-object.js').then((m) => ready(m.checkObject));
  return loading;
}

/** Uses `check` from now on (tests and Node, which import the validators statically). */
export function installObjectChecker(check: CheckObject): void {
  checker = null;
  ready(check);
}

/** Whether objects can be checked now (the validators are loaded). */
export function isObjectCheckerReady(): boolean {
  return checker !== null;
}

/** Calls `listener` once the validators are loaded (for `useSyncExternalStore`); returns the unsubscribe. */
export function subscribeObjectChecker(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The object's problems, or null while the validators are still loading (the caller lets the
 * edit through: the document's analysis reports any problem it adds in the Problems list).
 */
export function checkObjectNow(object: KubeObject): FieldProblem[] | null {
  if (checker) return checker(object);
  void preloadObjectChecker();
  return null;
}
