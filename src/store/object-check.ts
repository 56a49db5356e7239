import type { FieldProblem, KubeObject } from '../core/index';

/**
 * Checking one object (a form edit) needs the schema validators: @kubernetes-models' compiled
 * ajv functions, ~100 KB gzip. They are not in the page's initial JavaScript: this module loads
 * them in a lazy chunk (`preloadObjectChecker` after the first paint; any check starts it too).
 * The analysis Worker has its own copy for whole documents.
 */
export type CheckObject = (object: KubeObject) => FieldProblem[];

let checker: CheckObject | null = null;
let loading: Promise<CheckObject> | null = null;

/** Loads the validators (once); resolves with the checker. */
export function preloadObjectChecker(): Promise<CheckObject> {
  loading ??= import('../core/design/check-object.js').then((m) => {
    checker ??= m.checkObject;
    return checker;
  });
  return loading;
}

/** Uses `check` from now on (tests and Node, which import the validators statically). */
export function installObjectChecker(check: CheckObject): void {
  checker = check;
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
