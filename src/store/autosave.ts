import { createStore, type StoreApi } from 'zustand/vanilla';
import { mayHoldSecret as coreMayHoldSecret, redactText } from '../core/index';
import { keepAside, keepUnsaved, listKept, readKept, unsavedKey, type KeptSave } from './autosave-kept';
import { AUTOSAVE_KEY, readSave, snapshotOf, type SavedDesign } from './autosave-record';
import type { KeyValueStore, SaveStorage } from './autosave-storage';
import type { TabChannel } from './autosave-tabs';
import type { DesignState, DesignStore } from './design-store';
import { flushPendingEdits } from './pending-edits';

/**
 * Autosave: the document text, its file name and the canvas layout go to IndexedDB (no 5 MB
 * quota), debounced and off the critical path; the next visit restores them. Never lost:
 * - an unreadable save is kept aside under a key of its own (autosave-kept.ts), never written over;
 * - a failed save is said (`failure`) until a save succeeds;
 * - two tabs never overwrite each other silently (the protocol: autosave-tabs.ts);
 * - page hide saves the last keystroke (and a small copy goes to localStorage synchronously);
 * - no key material: only a text the analysis has redacted (analysis current), or one with
 *   nothing to redact (the core's `mayHoldSecret`), is written; on page hide, where there is no
 *   time to wait for the analysis, the text is redacted here first (the core's `redactText`, the
 *   very redaction the analysis applies).
 * Saves made before in localStorage are read (and replaced by the IndexedDB save).
 */
export interface AutosaveView {
  /** Why the last save failed, and since when nothing was saved; null once a save succeeds. */
  readonly failure: { readonly message: string; readonly since: number | null } | null;
  readonly kept: readonly KeptSave[];
  /** Another tab's save of a different design: this tab does not save until the user chooses. */
  readonly conflict: SavedDesign | null;
  readonly savedAt: number | null;
}

export interface Autosave {
  readonly view: StoreApi<AutosaveView>;
  /** Loads the newest readable save (keeping unreadable ones aside); resolves whether one was loaded. Saving starts then. */
  restore(): Promise<boolean>;
  /** Saves now, if anything is unsaved (page hide): the localStorage copy at once, IndexedDB started. */
  flush(): void;
  /** Resolves when the writes started so far are done. */
  settled(): Promise<void>;
  readKept(key: string): Promise<string>;
  discardKept(key: string): Promise<void>;
  loadTheirs(): void;
  keepMine(): void;
  stop(): void;
}

export interface AutosaveOptions {
  readonly store: KeyValueStore;
  /** localStorage: older saves, and the small copy written synchronously. */
  readonly local?: SaveStorage | null;
  readonly channel?: TabChannel | null;
  readonly tab?: string;
  readonly delayMs?: number;
  readonly bigDelayMs?: number;
  readonly mayHoldSecret?: (text: string) => boolean;
  readonly redact?: (text: string) => string;
  readonly now?: () => number;
}

/** Texts longer than this wait longer before they are saved, and get no localStorage copy. */
const BIG_TEXT = 200_000;
const LOCAL_COPY_MAX = 1_000_000;

class Conflict extends Error {
  constructor(readonly theirs: SavedDesign) {
    super('another tab saved');
  }
}
class Unreadable extends Error {
  constructor(readonly raw: string, readonly reason: string) {
    super(reason);
  }
}

type Doc = Pick<SavedDesign, 'text' | 'fileName'>;
const sameDoc = (a: Doc | null, b: Doc): boolean => a !== null && a.text === b.text && a.fileName === b.fileName;
type Saved = Pick<DesignState, 'text' | 'fileName' | 'positions' | 'pinned' | 'collapsed' | 'target'> & { readonly tests: string };
const sameSaved = (a: Saved | null, s: DesignState): boolean =>
  a !== null && a.text === s.text && a.fileName === s.fileName && a.positions === s.positions && a.pinned === s.pinned && a.collapsed === s.collapsed && a.tests === s.routeTests.text && a.target === s.target;
const savedOf = (s: DesignState): Saved => ({ text: s.text, fileName: s.fileName, positions: s.positions, pinned: s.pinned, collapsed: s.collapsed, tests: s.routeTests.text, target: s.target });

function describe(e: unknown): string {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  return e instanceof Error ? e.message || name : String(e);
}

interface IdleScope {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

export function createAutosave(design: DesignStore, options: AutosaveOptions): Autosave {
  const { store, local = null, channel = null } = options;
  const tab = options.tab ?? Math.random().toString(36).slice(2, 10);
  const delay = options.delayMs ?? 400;
  const bigDelay = options.bigDelayMs ?? Math.max(delay, 2000);
  const mayHoldSecret = options.mayHoldSecret ?? coreMayHoldSecret;
  const redact = options.redact ?? ((text: string) => redactText(text).text);
  const now = options.now ?? Date.now;
  const idle = globalThis as IdleScope;
  const view = createStore<AutosaveView>()(() => ({ failure: null, kept: [], conflict: null, savedAt: null }));

  let ready = false;
  /** The rev of the save this tab's design started from, or last wrote, and its document. */
  let base = 0;
  let baseDoc: Doc | null = null;
  let last: Saved | null = null;
  let writing: Promise<void> | null = null;
  let again = false;
  let waiting = false;
  /** An unreadable value sits there that could not be kept aside: nothing may be written over it. */
  let blocked = { idb: false, local: false };
  /** Where this tab keeps its text when hidden during a conflict (null until it has). */
  let unsaved: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;

  const cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (idleHandle !== undefined) idle.cancelIdleCallback?.(idleHandle);
    timer = idleHandle = undefined;
  };
  const safe = (s: DesignState): boolean => (s.analysis !== null && s.analysis.seq === s.textSeq) || !mayHoldSecret(s.text);
  const fail = (message: string): void => view.setState((v) => ({ failure: { message, since: v.failure ? v.failure.since : v.savedAt } }));
  const refreshKept = (): Promise<void> => listKept(store).then((kept) => view.setState({ kept }), () => undefined);

  const writeLocalCopy = (record: SavedDesign): boolean => {
    if (!local || blocked.local || record.text.length > LOCAL_COPY_MAX) return false;
    try {
      local.setItem(AUTOSAVE_KEY, JSON.stringify(record));
      return true;
    } catch {
      return false; // over localStorage's quota: IndexedDB has it
    }
  };

  /** Writes the design, with `text` in place of its own (a redacted copy) when given. */
  const write = (s: DesignState, text = s.text): void => {
    const record = { ...snapshotOf(s, base + 1, tab, now()), text };
    last = savedOf(s);
    const copied = writeLocalCopy(record);
    let written: SavedDesign | null = null;
    const done = store
      .update(AUTOSAVE_KEY, (old) => {
        const cur = readSave(old);
        if (cur.kind === 'unreadable') throw new Unreadable(cur.raw, cur.reason);
        if (cur.kind === 'ok' && newer(cur.design) && !sameDoc(cur.design, record)) throw new Conflict(cur.design);
        written = { ...record, rev: Math.max(base, cur.kind === 'ok' ? cur.design.rev : 0) + 1 };
        return written;
      })
      .then(
        () => {
          if (!written) return;
          base = written.rev;
          baseDoc = written;
          view.setState({ failure: null, savedAt: written.savedAt });
          channel?.post({ tab, rev: written.rev });
          if (!copied && local && !blocked.local) local.removeItem(AUTOSAVE_KEY); // an older copy: IndexedDB has this one
        },
        async (e: unknown) => {
          last = null;
          if (e instanceof Conflict) return theirs(e.theirs);
          if (e instanceof Unreadable) {
            // Another version of the app wrote it meanwhile: keep it aside, then save again.
            await keepAside(store, 'corrupt', e.raw, e.reason, now()).then(() => store.update(AUTOSAVE_KEY, (o) => (readSave(o).kind === 'unreadable' ? undefined : o)));
            await refreshKept();
            again = true;
            return;
          }
          fail(describe(e));
        },
      )
      .catch((e: unknown) => fail(describe(e)))
      .finally(() => {
        if (writing === done) writing = null;
        if (again && !writing) {
          again = false;
          save();
        }
      });
    writing = done;
  };

  const save = (): void => {
    cancel();
    const s = design.getState();
    if (!ready || view.getState().conflict || blocked.idb || sameSaved(last, s)) return;
    waiting = !safe(s);
    if (waiting) return; // the analysis redacts it first: saved when it is current
    if (writing) again = true;
    else write(s);
  };
  const saveWhenIdle = (): void => {
    cancel();
    if (idle.requestIdleCallback) idleHandle = idle.requestIdleCallback(save, { timeout: 2000 });
    else save();
  };

  /** The conflict is over (either way): saving resumes, and the text kept at a page hide meanwhile is no longer needed. */
  const settle = (): void => {
    view.setState({ conflict: null });
    if (unsaved !== null) void store.del(unsaved).catch(() => undefined);
    unsaved = null;
  };
  /** Another tab's save, newer than this tab's base, of another document than this tab's base: a layout-only save is not. */
  const newer = (saved: SavedDesign): boolean => saved.tab !== tab && saved.rev > base && !sameDoc(baseDoc, saved);
  /** Another tab's newer save: the same document as this tab's is taken quietly; another is a conflict. */
  const theirs = (saved: SavedDesign): void => {
    if (sameDoc(saved, design.getState())) {
      base = Math.max(base, saved.rev);
      baseDoc = saved;
      if (view.getState().conflict) settle();
      return;
    }
    cancel();
    view.setState({ conflict: saved });
  };
  const unsubscribeChannel = channel?.subscribe((m) => {
    if (m.tab === tab || !ready) return;
    void store.get(AUTOSAVE_KEY).then((v) => {
      const cur = readSave(v);
      // In a conflict every newer save counts: it may end it (this tab's design again) or replace it.
      if (cur.kind === 'ok' && (newer(cur.design) || (view.getState().conflict && cur.design.tab !== tab && cur.design.rev > base))) theirs(cur.design);
    }, () => undefined);
  });

  const apply = (saved: SavedDesign): void => {
    // The target first: the load's analysis is then made for it (an analysis under way for another is dropped).
    design.setState({ target: saved.target });
    design.getState().loadText(saved.text, saved.fileName);
    // View state, set after the load (which forgets hand placements): the layout keeps pinned nodes.
    design.setState({ positions: saved.positions, pinned: saved.pinned, collapsed: saved.collapsed });
    if (saved.tests !== '') design.getState().openRouteTests(saved.tests);
    base = saved.rev;
    baseDoc = saved;
    last = savedOf(design.getState());
  };

  /** Reads one place; an unreadable value is kept aside, then removed (or, failing that, blocks writes there). */
  const readPlace = async (place: 'idb' | 'local'): Promise<SavedDesign | null> => {
    let value: unknown;
    try {
      value = place === 'idb' ? await store.get(AUTOSAVE_KEY) : local?.getItem(AUTOSAVE_KEY);
    } catch (e) {
      // Not read, so not to be written over either: saving stays off (the banner offers a download).
      blocked = { ...blocked, [place]: true };
      fail(`the saved design could not be read (${describe(e)}), so nothing is saved over it`);
      return null;
    }
    const read = readSave(value);
    if (read.kind === 'ok') return read.design;
    if (read.kind === 'unreadable') {
      try {
        await keepAside(store, 'corrupt', read.raw, read.reason, now());
        if (place === 'idb') await store.update(AUTOSAVE_KEY, (o) => (readSave(o).kind === 'unreadable' ? undefined : o));
        else local?.removeItem(AUTOSAVE_KEY);
      } catch (e) {
        blocked = { ...blocked, [place]: true };
        fail(`your last autosave could not be read, nor kept aside (${describe(e)}): nothing is saved over it`);
      }
    }
    return null;
  };

  const unsubscribe = design.subscribe((s, prev) => {
    const changed = s.text !== prev.text || s.fileName !== prev.fileName || s.positions !== prev.positions || s.pinned !== prev.pinned || s.collapsed !== prev.collapsed;
    if (changed || s.routeTests.text !== prev.routeTests.text || s.target !== prev.target) {
      cancel();
      timer = setTimeout(saveWhenIdle, s.text.length > BIG_TEXT ? bigDelay : delay);
    } else if (waiting && s.analysis !== prev.analysis && safe(s)) {
      saveWhenIdle();
    }
  });

  return {
    view,
    async restore() {
      const fromIdb = await readPlace('idb');
      const fromLocal = await readPlace('local');
      await refreshKept();
      // The localStorage copy wins only when newer: a save from before IndexedDB, or a page hide whose IndexedDB write did not finish.
      const chosen = fromLocal && (!fromIdb || fromLocal.rev > fromIdb.rev) ? fromLocal : fromIdb;
      if (chosen) apply(chosen);
      base = Math.max(base, fromIdb?.rev ?? 0);
      ready = true;
      if (chosen && chosen === fromLocal) {
        last = null; // into IndexedDB with it
        saveWhenIdle();
      }
      return chosen !== null;
    },
    flush() {
      cancel();
      flushPendingEdits(design);
      const s = design.getState();
      if (!ready || blocked.idb || sameSaved(last, s)) return;
      if (view.getState().conflict) {
        last = savedOf(s);
        unsaved ??= unsavedKey(tab, now());
        void keepUnsaved(store, unsaved, safe(s) ? s.text : redact(s.text), now());
        return;
      }
      // IndexedDB orders transactions: this one follows any write in flight.
      write(s, safe(s) ? s.text : redact(s.text));
    },
    async settled() {
      while (writing) await writing;
    },
    readKept: (key) => readKept(store, key),
    async discardKept(key) {
      await store.del(key);
      await refreshKept();
    },
    loadTheirs() {
      const saved = view.getState().conflict;
      if (!saved) return;
      settle();
      apply(saved);
    },
    keepMine() {
      const saved = view.getState().conflict;
      if (!saved) return;
      base = Math.max(base, saved.rev);
      baseDoc = saved;
      last = null;
      settle();
      save();
    },
    stop() {
      cancel();
      unsubscribe();
      unsubscribeChannel?.();
    },
  };
}
