import { useEffect, useState } from 'react';

/** How many items the first frame of a new drawing gets; each later frame adds as many or half as many as it has, whichever is more. */
export const STEP = 800;

/** The next frame's count: growing by half each frame, a list of n items takes O(log n) frames (each frame's work is O(n)). */
export const nextLimit = (limit: number, step = STEP): number => limit + Math.max(step, Math.ceil(limit / 2));

/** Whether `next` is mostly a new list (fewer than half its ids were in `prev`). */
export function mostlyNew<T extends { readonly id: string }>(prev: readonly T[], next: readonly T[]): boolean {
  if (next.length === 0) return false;
  const before = new Set(prev.map((x) => x.id));
  let kept = 0;
  for (const x of next) if (before.has(x.id)) kept++;
  return kept < next.length / 2;
}

/**
 * A long list handed out a step a frame (growing steps) when it is mostly new (a pasted design's thousands of
 * edges: mounting them all at once is one long main-thread task), whole at once when it is an
 * edit of the list before (nothing drawn flickers).
 */
export function useProgressive<T extends { readonly id: string }>(items: T[], step = STEP): T[] {
  const [limit, setLimit] = useState(Infinity);
  const [prev, setPrev] = useState(items);
  if (prev !== items) {
    setPrev(items);
    if (items.length > step && mostlyNew(prev, items)) setLimit(step);
  }
  useEffect(() => {
    if (limit >= items.length) return;
    const id = requestAnimationFrame(() => setLimit((l) => nextLimit(l, step)));
    return () => cancelAnimationFrame(id);
  }, [limit, items.length, step]);
  return limit >= items.length ? items : items.slice(0, limit);
}
