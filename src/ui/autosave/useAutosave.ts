import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Autosave, AutosaveView } from '../../store/index';

/** The page's autosave (null where there is no storage: nothing to say then). */
export const AutosaveContext = createContext<Autosave | null>(null);

const NONE = createStore<AutosaveView>()(() => ({ failure: null, kept: [], conflict: null, savedAt: null }));

export function useAutosave(): Autosave | null {
  return useContext(AutosaveContext);
}

/** Reads the autosave's view (what failed, what was kept aside, a conflict) through a selector. */
export function useAutosaveView<T>(selector: (v: AutosaveView) => T): T {
  return useStore(useContext(AutosaveContext)?.view ?? NONE, selector);
}

/** "14:05" today, else "7 Dec, 14:05". */
export function formatTime(at: number): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}
