/**
 * Where autosave keeps things. The design goes to an asynchronous key-value store — IndexedDB in
 * the browser (no ~5 MB quota like localStorage: a 50 MB design saves), a Map in tests — that can
 * read-and-write one key in one step (`update`, one IndexedDB transaction: two tabs cannot
 * interleave inside it). localStorage (`SaveStorage`) only holds saves made before, and a small
 * pending copy written synchronously when the page is hidden.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /** Replaces the value by `f(old)` in one transaction; when `f` throws nothing is written and the promise rejects with it. */
  update(key: string, f: (old: unknown) => unknown): Promise<void>;
}

/** The part of the Web Storage API autosave uses (localStorage in the browser, a Map in tests). */
export type SaveStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A KeyValueStore in memory (tests). Values are copied in and out, as IndexedDB's structured clone does. */
export function memoryKeyValueStore(): KeyValueStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  const later = <T>(f: () => T): Promise<T> => Promise.resolve().then(f);
  return {
    map,
    get: (key) => later(() => structuredClone(map.get(key))),
    set: (key, value) => later(() => void map.set(key, structuredClone(value))),
    del: (key) => later(() => void map.delete(key)),
    keys: () => later(() => [...map.keys()]),
    update: (key, f) => later(() => void map.set(key, structuredClone(f(structuredClone(map.get(key)))))),
  };
}

/** localStorage's interface in memory (tests). */
export function memoryStorage(): SaveStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, String(v)), removeItem: (k) => void map.delete(k) };
}
