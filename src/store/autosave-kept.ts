import { AUTOSAVE_KEY } from './autosave-record';
import type { KeyValueStore } from './autosave-storage';

/**
 * Saves kept aside: an autosave that could not be read (cut short, another version) is moved to a
 * key of its own — `route-designer:autosave:corrupt:<time>` — and never written over; the text of
 * a tab closed while another tab had changed the design goes to `…:unsaved:<time>`. Each stays
 * until the user discards it, and is offered back with its raw text.
 */
export type KeptKind = 'corrupt' | 'unsaved';

export interface KeptSave {
  readonly key: string;
  readonly kind: KeptKind;
  /** Why it was kept aside ("it is not complete JSON (cut short?)"). */
  readonly reason: string;
  readonly at: number;
  /** Length of its raw text, in characters. */
  readonly size: number;
}

interface KeptRecord {
  readonly raw: string;
  readonly reason: string;
  readonly at: number;
}

const PREFIX = `${AUTOSAVE_KEY}:`;
const KINDS: readonly KeptKind[] = ['corrupt', 'unsaved'];

const kindOf = (key: string): KeptKind | undefined => KINDS.find((k) => key.startsWith(`${PREFIX}${k}:`));
const isRecord = (v: unknown): v is KeptRecord => typeof v === 'object' && v !== null && typeof (v as KeptRecord).raw === 'string';

/** Writes `raw` under a new kept key; resolves the key once it is stored. */
export async function keepAside(store: KeyValueStore, kind: KeptKind, raw: string, reason: string, at: number): Promise<string> {
  const taken = new Set(await store.keys());
  let key = `${PREFIX}${kind}:${at}`;
  for (let n = 2; taken.has(key); n++) key = `${PREFIX}${kind}:${at}-${n}`;
  await store.set(key, { raw, reason, at } satisfies KeptRecord);
  return key;
}

/** The key under which one tab keeps its unsaved text (written again at each page hide while the conflict lasts). */
export const unsavedKey = (tab: string, at: number): string => `${PREFIX}unsaved:${at}-${tab}`;

export function keepUnsaved(store: KeyValueStore, key: string, text: string, at: number): Promise<void> {
  return store.set(key, { raw: text, reason: 'this tab was closed while another tab had changed the design', at } satisfies KeptRecord);
}

/** Every kept save, newest first. */
export async function listKept(store: KeyValueStore): Promise<KeptSave[]> {
  const out: KeptSave[] = [];
  for (const key of await store.keys()) {
    const kind = kindOf(key);
    if (!kind) continue;
    const v = await store.get(key);
    if (isRecord(v)) out.push({ key, kind, reason: String(v.reason), at: Number(v.at) || 0, size: v.raw.length });
  }
  return out.sort((a, b) => b.at - a.at);
}

export async function readKept(store: KeyValueStore, key: string): Promise<string> {
  const v = await store.get(key);
  if (!isRecord(v)) throw new Error(`no kept save ${key}`);
  return v.raw;
}
