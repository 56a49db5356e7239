import { create } from 'zustand';
import type { Replacement } from '../../store/import-undo';

/**
 * The import/export dialogs' own view state (which dialog is open, the import draft, a drag over
 * the window, the toast of a paste that replaced the design). Never part of the document: the
 * design store does not know about it.
 */
export interface ImportDraft {
  readonly text: string;
  /** Where the text came from: file names, or empty for typed/pasted text. */
  readonly files: readonly string[];
}

export type IoDialog = 'import' | 'export' | null;

/** A paste or drop that replaced the design: the toast that offers Undo and Append instead. */
export interface Replaced {
  readonly replacement: Replacement;
  /** Where the text came from, as the toast says it: `the clipboard`, `shop.yaml`, `3 files`. */
  readonly source: string;
}

interface IoState {
  readonly dialog: IoDialog;
  readonly draft: ImportDraft;
  readonly dragging: boolean;
  readonly replaced: Replaced | null;
  /**
   * A dialog that takes dropped files itself while open (the compare dialog's before version):
   * a drop anywhere on the window goes to it instead of importing into the design.
   */
  readonly dropTaker: ((files: FileList) => void) | null;
  setDropTaker(taker: ((files: FileList) => void) | null): void;
  openImport(draft?: ImportDraft): void;
  openExport(): void;
  setDraft(draft: ImportDraft): void;
  setDragging(dragging: boolean): void;
  showReplaced(replaced: Replaced | null): void;
  close(): void;
}

export const EMPTY_DRAFT: ImportDraft = { text: '', files: [] };

export const useIo = create<IoState>()((set) => ({
  dialog: null,
  draft: EMPTY_DRAFT,
  dragging: false,
  replaced: null,
  dropTaker: null,
  setDropTaker: (dropTaker) => set({ dropTaker }),
  openImport: (draft) => set({ dialog: 'import', draft: draft ?? EMPTY_DRAFT }),
  openExport: () => set({ dialog: 'export' }),
  setDraft: (draft) => set({ draft }),
  setDragging: (dragging) => set({ dragging }),
  showReplaced: (replaced) => set({ replaced }),
  close: () => set({ dialog: null }),
}));
