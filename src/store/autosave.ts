import type { DesignState, DesignStore } from './design-store';
import type { XY } from './layout';
import { selectViewGraph } from './selectors';

/**
 * Autosave: the document text, its file name and the canvas layout (node positions, which nodes
 * were placed by hand, which namespaces are collapsed) go to localStorage, debounced. On start the app restores them; the example
 * opens only when nothing was saved. Secrets never reach it: the text is the redacted one.
 */
export const AUTOSAVE_KEY = 'route-designer:autosave';
const VERSION = 1;

export interface SavedDesign {
  readonly version: 1;
  readonly fileName: string;
  readonly text: string;
  readonly positions: Readonly<Record<string, XY>>;
  readonly pinned: Readonly<Record<string, true>>;
  /** Collapsed namespace groups (absent in saves made before there were any). */
  readonly collapsed: Readonly<Record<string, true>>;
  readonly savedAt: number;
}

/** The part of the Web Storage API autosave uses (localStorage in the browser, a Map in tests). */
export type SaveStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isXY = (v: unknown): v is XY => typeof v === 'object' && v !== null && typeof (v as XY).x === 'number' && typeof (v as XY).y === 'number';

export function readAutosave(storage: SaveStorage): SavedDesign | null {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (raw === null) return null;
    const v = JSON.parse(raw) as Partial<SavedDesign>;
    if (v.version !== VERSION || typeof v.text !== 'string' || typeof v.fileName !== 'string') return null;
    const positions = Object.fromEntries(Object.entries(v.positions ?? {}).filter(([, p]) => isXY(p)));
    const flags = (m: unknown): Record<string, true> => Object.fromEntries(Object.keys(typeof m === 'object' && m !== null ? m : {}).map((k) => [k, true as const]));
    return { version: VERSION, fileName: v.fileName, text: v.text, positions, pinned: flags(v.pinned), collapsed: flags(v.collapsed), savedAt: Number(v.savedAt) || 0 };
  } catch {
    return null; // unreadable: as if nothing was saved
  }
}

/** Loads the saved design, if any, with its layout. Returns whether there was one. */
export function restoreAutosave(design: DesignStore, storage: SaveStorage): boolean {
  const saved = readAutosave(storage);
  if (!saved) return false;
  design.getState().loadText(saved.text, saved.fileName);
  // View state, set after the load (which forgets hand placements): the layout keeps pinned nodes.
  design.setState({ positions: saved.positions, pinned: saved.pinned, collapsed: saved.collapsed });
  return true;
}

function snapshot(s: DesignState): SavedDesign {
  // Positions of nodes the canvas no longer draws are dropped — only when the canvas draws the
  // current text (while it is broken or not analysed yet, every position is still wanted).
  const graph = selectViewGraph(s);
  const current = s.analysis !== null && s.analysis.seq === s.textSeq && s.shown === s.analysis;
  const drawn = !current ? null : new Set([...graph.nodes.map((n) => n.id), ...graph.groups.map((g) => g.id)]);
  const keep = <T>(m: Readonly<Record<string, T>>): Record<string, T> => (drawn ? Object.fromEntries(Object.entries(m).filter(([id]) => drawn.has(id))) : { ...m });
  return { version: VERSION, fileName: s.fileName, text: s.text, positions: keep(s.positions), pinned: keep(s.pinned), collapsed: { ...s.collapsed }, savedAt: Date.now() };
}

export interface Autosave {
  /** Saves now if a save is pending (page hide). */
  flush(): void;
  stop(): void;
}

/** Texts longer than this wait longer before they are saved: writing them blocks the page for a while. */
const BIG_TEXT = 200_000;

interface IdleScope {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

/**
 * Saves `delayMs` after the last change of the text, the file name or the layout (a big text:
 * `bigDelayMs`), then when the page is idle — localStorage writes are synchronous, and a 1 MB
 * design takes a frame or more: never right after a paste or during a drag. Nothing is written
 * when nothing saved has changed.
 */
export function startAutosave(design: DesignStore, storage: SaveStorage, options: { delayMs?: number; bigDelayMs?: number; onError?: (message: string) => void } = {}): Autosave {
  const delay = options.delayMs ?? 400;
  const bigDelay = options.bigDelayMs ?? Math.max(delay, 2000);
  const idle = globalThis as IdleScope;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  let failed = false;
  let last: Pick<DesignState, 'text' | 'fileName' | 'positions' | 'pinned' | 'collapsed' | 'shown'> | null = null;
  const cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (idleHandle !== undefined) idle.cancelIdleCallback?.(idleHandle);
    timer = undefined;
    idleHandle = undefined;
  };
  const save = (): void => {
    cancel();
    const s = design.getState();
    if (last && last.text === s.text && last.fileName === s.fileName && last.positions === s.positions && last.pinned === s.pinned && last.collapsed === s.collapsed && last.shown === s.shown) return;
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(snapshot(s)));
      last = { text: s.text, fileName: s.fileName, positions: s.positions, pinned: s.pinned, collapsed: s.collapsed, shown: s.shown };
      failed = false;
    } catch (e) {
      if (!failed) options.onError?.(`Autosave failed (${e instanceof Error ? e.message : String(e)}): export the design to keep it.`);
      failed = true;
    }
  };
  const saveWhenIdle = (): void => {
    timer = undefined;
    if (idle.requestIdleCallback) idleHandle = idle.requestIdleCallback(save, { timeout: 2000 });
    else save();
  };
  const unsubscribe = design.subscribe((s, prev) => {
    if (s.text === prev.text && s.fileName === prev.fileName && s.positions === prev.positions && s.pinned === prev.pinned && s.collapsed === prev.collapsed) return;
    cancel();
    timer = setTimeout(saveWhenIdle, s.text.length > BIG_TEXT ? bigDelay : delay);
  });
  return {
    flush() {
      if (timer === undefined && idleHandle === undefined) return;
      save();
    },
    stop() {
      cancel();
      unsubscribe();
    },
  };
}
