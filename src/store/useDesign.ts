import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DesignActions, DesignState, DesignStore } from './design-store';

export const DesignStoreContext = createContext<DesignStore | null>(null);

export function useDesignStore(): DesignStore {
  const store = useContext(DesignStoreContext);
  if (!store) throw new Error('useDesignStore needs a <DesignStoreContext.Provider>');
  return store;
}

/** Reads the store through a selector; re-renders only when the selected value changes (Object.is). */
export function useDesign<T>(selector: (s: DesignState & DesignActions) => T): T {
  return useStore(useDesignStore(), selector);
}
