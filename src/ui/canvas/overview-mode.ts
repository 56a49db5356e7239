import { useSyncExternalStore } from 'react';

/**
 * The overview (Overview.tsx) stands in for the DOM nodes of a big design zoomed far out. A few
 * things need the DOM nodes themselves — the diagram export copies them — and suspend it meanwhile.
 */
/** Above this many drawn nodes, React Flow renders only those in view, and zoomed far out the overview draws them all. */
export const BIG_DESIGN = 300;

let suspended = 0;
const listeners = new Set<() => void>();

const notify = (): void => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Whether the overview is suspended now (re-renders when that changes). */
export const useOverviewSuspended = (): boolean => useSyncExternalStore(subscribe, () => suspended > 0);

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Runs `task` with the canvas drawn as DOM nodes (two frames after asking, so they are there). */
export async function withDomNodes<T>(task: () => Promise<T>): Promise<T> {
  suspended++;
  notify();
  try {
    await frame();
    await frame();
    return await task();
  } finally {
    suspended--;
    notify();
  }
}
