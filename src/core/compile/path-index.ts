/**
 * The path index of a vhost (see PathIndex in types.ts): for every entry, the key under which it
 * can match, so the simulator evaluates only the entries whose path condition could hold.
 * Shared by both dialects' compilers.
 */
import { normalizePrefix } from './http-match.js';
import type { PathIndex, RouteEntry } from './types.js';

type Bucket = 'exact' | 'segmentPrefix' | 'stringPrefix';

/** Where an entry is indexed: a bucket and key, or 'always' (regex, no path, partial gRPC matches). */
export function indexKey(entry: RouteEntry): { bucket: Bucket; key: string; ignoreCase: boolean } | 'always' {
  const g = entry.match.grpc;
  if (g) {
    if (g.type !== 'Exact' || g.service === null) return 'always';
    return g.method === null ? { bucket: 'segmentPrefix', key: `/${g.service}`, ignoreCase: false } : { bucket: 'exact', key: `/${g.service}/${g.method}`, ignoreCase: false };
  }
  const p = entry.match.path;
  if (!p || p.type === 'RegularExpression') return 'always';
  const ignoreCase = p.ignoreCase === true;
  const key = ignoreCase ? p.value.toLowerCase() : p.value;
  if (p.type === 'Exact') return { bucket: 'exact', key, ignoreCase };
  if (p.type === 'PathPrefix') return { bucket: 'segmentPrefix', key: normalizePrefix(key), ignoreCase };
  return { bucket: 'stringPrefix', key, ignoreCase };
}

export function buildPathIndex(entries: readonly RouteEntry[]): PathIndex {
  const maps = {
    exact: new Map<string, number[]>(),
    segmentPrefix: new Map<string, number[]>(),
    stringPrefix: new Map<string, number[]>(),
    exactIgnoreCase: new Map<string, number[]>(),
    segmentPrefixIgnoreCase: new Map<string, number[]>(),
    stringPrefixIgnoreCase: new Map<string, number[]>(),
  };
  const always: number[] = [];
  let maxStringPrefix = 0;
  entries.forEach((entry, i) => {
    const k = indexKey(entry);
    if (k === 'always') {
      always.push(i);
      return;
    }
    if (k.bucket === 'stringPrefix') maxStringPrefix = Math.max(maxStringPrefix, k.key.length);
    const map = maps[k.ignoreCase ? (`${k.bucket}IgnoreCase` as const) : k.bucket];
    const list = map.get(k.key);
    if (list) list.push(i);
    else map.set(k.key, [i]);
  });
  return { ...maps, always, maxStringPrefix };
}
