import { getAt, type FieldPath } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { setAt } from './immutable.js';

/**
 * Form edits on one object: set a field, remove a list entry, move one. An empty value (`''`,
 * `[]`, undefined) removes the field, and maps left empty by that are removed too (below
 * `spec`), so clearing a field never leaves `timeouts: {}` behind.
 */
export function setField(object: KubeObject, path: FieldPath, value: unknown): KubeObject {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (!empty) return setAt(object, path, value);
  if (getAt(object, path) === undefined) return object;
  return pruneEmpty(setAt(object, path, undefined), path.slice(0, -1));
}

/** Removes the list entry at `path` (its last segment is an index); an emptied list is removed. */
export function removeItem(object: KubeObject, path: FieldPath): KubeObject {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new Error(`removeItem needs a list index, got ${String(index)}`);
  const listPath = path.slice(0, -1);
  const list = getAt(object, listPath);
  if (!Array.isArray(list) || index >= list.length) return object;
  const next = list.filter((_, i) => i !== index);
  return next.length === 0 ? pruneEmpty(setAt(object, listPath, undefined), listPath.slice(0, -1)) : setAt(object, listPath, next);
}

/** Moves the entry `from` of the list at `listPath` to position `to` (order matters: Istio takes the first match). */
export function moveItem(object: KubeObject, listPath: FieldPath, from: number, to: number): KubeObject {
  const list = getAt(object, listPath);
  if (!Array.isArray(list) || from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return object;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return setAt(object, listPath, next);
}

/** Appends `item` to the list at `listPath` (created when missing). */
export function appendItem(object: KubeObject, listPath: FieldPath, item: unknown): KubeObject {
  const list = getAt(object, listPath);
  return setAt(object, listPath, [...(Array.isArray(list) ? list : []), item]);
}

/** Removes the maps along `path` that are empty, deepest first, stopping at `spec`/`metadata` level. */
function pruneEmpty(object: KubeObject, path: FieldPath): KubeObject {
  let current = object;
  for (let depth = path.length; depth > 1; depth--) {
    const at = path.slice(0, depth);
    const value = getAt(current, at);
    if (!isRecord(value) || Object.keys(value).length > 0) break;
    if (typeof at[at.length - 1] === 'number') break; // an empty list entry is still an entry
    current = setAt(current, at, undefined);
  }
  return current;
}
