import { useStore } from 'zustand';
import { editingOf, useDesignStore, type EditActions, type EditingStore, type EditState } from '../../store/index';

/** The editing layer of the current design store (its actions and view state). */
export function useEditingStore(): EditingStore {
  return editingOf(useDesignStore());
}

/** Reads the editing layer through a selector (re-renders when the selected value changes). */
export function useEditing<T>(selector: (s: EditState & EditActions) => T): T {
  return useStore(useEditingStore(), selector);
}
