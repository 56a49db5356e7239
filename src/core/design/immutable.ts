import type { FieldPath } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';

/** Returns a copy of `root` with the value at `path` replaced (`undefined` removes it); missing steps are created. */
export function setAt<T>(root: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (rest.length === 0 && value === undefined) list.splice(head, 1);
    else list[head] = setAt(list[head], rest, value);
    return list as T;
  }
  const obj: KubeObject = isRecord(root) ? { ...root } : {};
  if (rest.length === 0 && value === undefined) delete obj[head];
  else obj[head] = setAt(obj[head], rest, value);
  return obj as T;
}

/** Removes several array elements or keys at once; paths are removed deepest and last index first so indices stay valid. */
export function removeAll<T>(root: T, paths: readonly FieldPath[]): T {
  const sorted = [...paths].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i] as string | number;
      const y = b[i] as string | number;
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(y).localeCompare(String(x));
    }
    return b.length - a.length;
  });
  return sorted.reduce((acc, p) => setAt(acc, p, undefined), root);
}
