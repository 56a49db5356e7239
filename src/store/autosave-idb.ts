import { createStore, del, get, keys, set, update } from 'idb-keyval';
import type { KeyValueStore } from './autosave-storage';

/** The browser's KeyValueStore: the object store `autosave` of the IndexedDB database `route-designer` (idb-keyval). */
export function idbKeyValueStore(): KeyValueStore {
  const store = createStore('route-designer', 'autosave');
  return {
    get: (key) => get<unknown>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: () => keys<IDBValidKey>(store).then((all) => all.filter((k): k is string => typeof k === 'string')),
    update: (key, f) => update<unknown>(key, f, store),
  };
}
