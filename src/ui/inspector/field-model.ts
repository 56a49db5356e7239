import { getAt, introducedErrors, setField, type FieldPath, type FieldProblem, type KubeObject } from '../../core/index';
import { checkObjectNow } from '../../store/index';

/** The object a form edits: its resource id and the object as the current text has it. */
export interface Target {
  readonly id: string;
  readonly object: KubeObject;
}

export type FieldType = 'text' | 'number' | 'list';

export type Parsed = { readonly value: unknown } | { readonly error: string };

/** Typed text → the value written (empty → the field is removed). */
export function parseText(type: FieldType, text: string): Parsed {
  const t = text.trim();
  if (type === 'number') {
    if (t === '') return { value: undefined };
    return /^-?\d+$/.test(t) ? { value: Number(t) } : { error: 'a whole number' };
  }
  if (type === 'list') return { value: t.split(/[\s,]+/).filter(Boolean) };
  return { value: t };
}

export function formatValue(type: FieldType, value: unknown): string {
  if (type === 'list') return Array.isArray(value) ? value.filter((v) => typeof v !== 'object').join(', ') : '';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const baselines = new WeakMap<KubeObject, FieldProblem[]>();

/** The object's own problems (memoised): what an edit is compared with; null while the validators load. */
export function baselineProblems(object: KubeObject): FieldProblem[] | null {
  let p = baselines.get(object);
  if (!p) {
    const found = checkObjectNow(object);
    if (!found) return null;
    p = found;
    baselines.set(object, p);
  }
  return p;
}

export type Build = (object: KubeObject, value: unknown) => KubeObject;

export const setAtPath =
  (path: FieldPath): Build =>
  (object, value) =>
    setField(object, path, value);

/**
 * Checks a typed value with the document's own rules (schema, CEL): the errors it would add,
 * as messages. Empty: the value can be written.
 */
export function checkValue(object: KubeObject, build: Build, parsed: Parsed): string[] {
  if ('error' in parsed) return [parsed.error];
  const candidate = build(object, parsed.value);
  if (candidate === object) return [];
  const before = baselineProblems(object);
  const after = before && checkObjectNow(candidate);
  return before && after ? introducedErrors(before, after).map((p) => p.message) : [];
}

export const readAt = (object: KubeObject, path: FieldPath): unknown => getAt(object, path);
