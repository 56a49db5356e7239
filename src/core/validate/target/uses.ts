/**
 * Where an object uses the fields of FEATURE_USES (target/feature-uses.ts): each feature field of
 * the object's kind, with every place (concrete path) and value it has in the object. Features
 * that are behaviour only (`fields: []`) have nothing to find and are left out.
 */
import type { FieldPath } from '../../resources/path.js';
import { FEATURE_USES, type FieldUse } from '../../target/feature-uses.js';

export interface KindFeature {
  readonly feature: string;
  readonly use: FieldUse;
  readonly condition: string | undefined;
}

export interface Occurrence {
  readonly path: FieldPath;
  readonly value: unknown;
}

/** kind → the feature fields of that kind. */
export const FEATURES_BY_KIND: ReadonlyMap<string, readonly KindFeature[]> = (() => {
  const out = new Map<string, KindFeature[]>();
  for (const [feature, entry] of Object.entries(FEATURE_USES)) {
    for (const use of entry.fields) out.set(use.kind, [...(out.get(use.kind) ?? []), { feature, use, condition: entry.condition }]);
  }
  return out;
})();

/** Per kind, the feature paths and every path on the way to one: where `occurrences` looks. */
const TOWARD = new Map<string, Set<string>>();
for (const [kind, features] of FEATURES_BY_KIND) {
  const set = new Set<string>();
  for (const { use } of features) {
    if (use.path === '') continue;
    let at = use.path.indexOf('.');
    while (at >= 0) {
      set.add(use.path.slice(0, at));
      at = use.path.indexOf('.', at + 1);
    }
    for (let i = 0; i < use.path.length; i++) if (use.path.startsWith('[]', i)) set.add(use.path.slice(0, i));
    set.add(use.path);
  }
  TOWARD.set(kind, set);
}

/** Each feature path of the kind (`spec.rules[].retry`) → where the object has it, and its value. */
export function occurrences(kind: string, object: unknown): Map<string, Occurrence[]> {
  const toward = TOWARD.get(kind);
  const out = new Map<string, Occurrence[]>();
  if (toward === undefined || typeof object !== 'object' || object === null) return out;
  const visit = (value: unknown, norm: string, path: FieldPath): void => {
    if (toward.has(norm)) {
      const list = out.get(norm);
      if (list) list.push({ path, value });
      else out.set(norm, [{ path, value }]);
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${norm}[]`, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const next = norm === '' ? key : `${norm}.${key}`;
        if (toward.has(next) || toward.has(`${next}[]`)) visit(child, next, [...path, key]);
      }
    }
  };
  visit(object, '', []);
  return out;
}
