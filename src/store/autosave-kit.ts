import { createAutosave, type Autosave, type AutosaveOptions } from './autosave';
import { memoryKeyValueStore, memoryStorage } from './autosave-storage';
import type { DesignStore } from './design-store';
import { editSetup } from './edit-actions-kit';

/** Test kit: a design store with an autosave over an in-memory IndexedDB and localStorage (shared when given). */
export function autosaveSetup(options: Partial<AutosaveOptions> & { store?: ReturnType<typeof memoryKeyValueStore>; local?: ReturnType<typeof memoryStorage> } = {}) {
  const store = options.store ?? memoryKeyValueStore();
  const local = options.local ?? memoryStorage();
  const { design, editing } = editSetup();
  const autosave: Autosave = createAutosave(design, { delayMs: 1, ...options, store, local });
  return { design, editing, autosave, store, local };
}

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the debounced save has been written (or found nothing to write). */
export async function saved(autosave: Autosave, design: DesignStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await wait(2);
    const s = design.getState();
    if (!s.analyzing && s.analysis?.seq === s.textSeq) break;
  }
  await wait(5);
  await autosave.settled();
}
