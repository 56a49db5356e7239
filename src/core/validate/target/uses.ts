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

/** The feature paths of a kind as a tree of keys (`[]` for a list's items): the walk builds no path text. */
interface Step {
  readonly keys: Map<string, Step>;
  items: Step | null;
  /** The feature path ending here (`spec.rules[].retry`), if one does. */
  path: string | null;
}

const step = (): Step => ({ keys: new Map(), items: null, path: null });

const TREES = new Map<string, Step>();
for (const [kind, features] of FEATURES_BY_KIND) {
  const root = step();
  for (const { use } of features) {
    if (use.path === '') continue;
    let at = root;
    for (const part of use.path.split('.')) {
      const list = part.endsWith('[]');
      const key = list ? part.slice(0, -2) : part;
      let next = at.keys.get(key);
      if (!next) at.keys.set(key, (next = step()));
      at = next;
      if (list) at = at.items ??= step();
    }
    at.path = use.path;
  }
  TREES.set(kind, root);
}

/** Each feature path of the kind (`spec.rules[].retry`) → where the object has it, and its value. */
export function occurrences(kind: string, object: unknown): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  const root = TREES.get(kind);
  if (root !== undefined) visit(object, root, [], out);
  return out;
}

function visit(value: unknown, at: Step, path: FieldPath, out: Map<string, Occurrence[]>): void {
  if (at.path !== null) {
    const list = out.get(at.path);
    if (list) list.push({ path, value });
    else out.set(at.path, [{ path, value }]);
  }
  if (Array.isArray(value)) {
    const items = at.items;
    if (items !== null) value.forEach((item, i) => visit(item, items, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, next] of at.keys) {
      const child = (value as { readonly [k: string]: unknown })[key];
      if (child !== undefined && Object.hasOwn(value, key)) visit(child, next, [...path, key], out);
    }
  }
}
