import type { DesignState, DesignStore } from './design-store';
import type { XY } from './layout';
import { selectGraph } from './selectors';

/**
 * Autosave: the document text, its file name and the canvas layout (node positions, which nodes
 * were placed by hand) go to localStorage, debounced. On start the app restores them; the example
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
    const pinned = Object.fromEntries(Object.keys(v.pinned ?? {}).map((k) => [k, true as const]));
    return { version: VERSION, fileName: v.fileName, text: v.text, positions, pinned, savedAt: Number(v.savedAt) || 0 };
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
  design.setState({ positions: saved.positions, pinned: saved.pinned });
  return true;
}

function snapshot(s: DesignState): SavedDesign {
  // Positions of nodes the canvas no longer draws are dropped — only when the canvas draws the
  // current text (while it is broken or not analysed yet, every position is still wanted).
  const graph = selectGraph(s);
  const current = s.analysis !== null && s.analysis.seq === s.textSeq && s.shown === s.analysis;
  const drawn = !current ? null : new Set([...graph.nodes.map((n) => n.id), ...graph.groups.map((g) => g.id)]);
  const keep = <T>(m: Readonly<Record<string, T>>): Record<string, T> => (drawn ? Object.fromEntries(Object.entries(m).filter(([id]) => drawn.has(id))) : { ...m });
  return { version: VERSION, fileName: s.fileName, text: s.text, positions: keep(s.positions), pinned: keep(s.pinned), savedAt: Date.now() };
}

export interface Autosave {
  /** Saves now if a save is pending (page hide). */
  flush(): void;
  stop(): void;
}

/** Saves `delayMs` after the last change of the text, the file name or the layout. */
export function startAutosave(design: DesignStore, storage: SaveStorage, options: { delayMs?: number; onError?: (message: string) => void } = {}): Autosave {
  const delay = options.delayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failed = false;
  const save = (): void => {
    timer = undefined;
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(snapshot(design.getState())));
      failed = false;
    } catch (e) {
      if (!failed) options.onError?.(`Autosave failed (${e instanceof Error ? e.message : String(e)}): export the design to keep it.`);
      failed = true;
    }
  };
  const unsubscribe = design.subscribe((s, prev) => {
    if (s.text === prev.text && s.fileName === prev.fileName && s.positions === prev.positions && s.pinned === prev.pinned) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delay);
  });
  return {
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      save();
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  };
}
