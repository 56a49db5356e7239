import { create } from 'zustand';

/** Whether the compare dialog is open: the UI's own view state, never the design store's. */
interface CompareUiState {
  readonly dialogOpen: boolean;
  openDialog(): void;
  closeDialog(): void;
}

export const useCompareUi = create<CompareUiState>()((set) => ({
  dialogOpen: false,
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
}));
