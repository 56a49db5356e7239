import type { DesignStore } from './design-store';

/**
 * Edits not yet in the store: the YAML editor hands its text over 150 ms after typing pauses. When
 * the page goes away, autosave first asks for them (synchronously), so the last keystroke is saved.
 */
const pending = new WeakMap<DesignStore, Set<() => void>>();

/** Registers a function that puts pending edits into `design` now; returns its removal. */
export function registerPendingEdits(design: DesignStore, flush: () => void): () => void {
  const set = pending.get(design) ?? new Set();
  pending.set(design, set);
  set.add(flush);
  return () => void set.delete(flush);
}

export function flushPendingEdits(design: DesignStore): void {
  for (const flush of pending.get(design) ?? []) flush();
}
