/**
 * Entries of a vhost whose path condition could hold for a path, in entry order, from the vhost's
 * PathIndex: exact key, every element-wise prefix of the path, every string prefix, plus `always`.
 * The work depends on the path's length and the number of candidates, not on the vhost's size.
 */
import type { PathIndex } from '../compile/types.js';

export function pathCandidates(index: PathIndex, path: string): number[] {
  const lists: (readonly number[])[] = [index.always];
  const lower = path.toLowerCase();
  const add = (map: ReadonlyMap<string, readonly number[]>, key: string): void => {
    const l = map.get(key);
    if (l) lists.push(l);
  };
  add(index.exact, path);
  add(index.exactIgnoreCase, lower);
  add(index.segmentPrefix, '/');
  add(index.segmentPrefixIgnoreCase, '/');
  for (let i = path.indexOf('/', 1); i !== -1; i = path.indexOf('/', i + 1)) {
    add(index.segmentPrefix, path.slice(0, i));
    add(index.segmentPrefixIgnoreCase, lower.slice(0, i));
  }
  if (path.length > 1 && !path.endsWith('/')) {
    add(index.segmentPrefix, path);
    add(index.segmentPrefixIgnoreCase, lower);
  }
  const max = Math.min(index.maxStringPrefix, path.length);
  for (let n = 1; n <= max; n++) {
    add(index.stringPrefix, path.slice(0, n));
    add(index.stringPrefixIgnoreCase, lower.slice(0, n));
  }
  if (lists.length === 1) return [...index.always];
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((x, i) => i === 0 || all[i - 1] !== x);
}
