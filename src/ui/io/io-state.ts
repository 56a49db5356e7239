import { create } from 'zustand';

/**
 * The import/export dialogs' own view state (which dialog is open, the import draft, a drag over
 * the window). Never part of the document: the design store does not know about it.
 */
export interface ImportDraft {
  readonly text: string;
  /** Where the text came from: file names, or empty for typed/pasted text. */
  readonly files: readonly string[];
}

export type IoDialog = 'import' | 'export' | null;

interface IoState {
  readonly dialog: IoDialog;
  readonly draft: ImportDraft;
  readonly dragging: boolean;
  openImport(draft?: ImportDraft): void;
  openExport(): void;
  setDraft(draft: ImportDraft): void;
  setDragging(dragging: boolean): void;
  close(): void;
}

export const EMPTY_DRAFT: ImportDraft = { text: '', files: [] };

export const useIo = create<IoState>()((set) => ({
  dialog: null,
  draft: EMPTY_DRAFT,
  dragging: false,
  openImport: (draft) => set({ dialog: 'import', draft: draft ?? EMPTY_DRAFT }),
  openExport: () => set({ dialog: 'export' }),
  setDraft: (draft) => set({ draft }),
  setDragging: (dragging) => set({ dragging }),
  close: () => set({ dialog: null }),
}));
