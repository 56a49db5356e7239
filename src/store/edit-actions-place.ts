import type { DesignStore } from './design-store';

/**
 * Where an object added without a drop point (a palette click, Enter) goes: the canvas registers
 * how it places one in the part of the view the user sees (and brings it into view); without a
 * canvas (tests, the command line) the layout places it. One placer per design store.
 */
export type NewObjectPlacer = (resourceId: string) => void;

const placers = new WeakMap<DesignStore, NewObjectPlacer>();

/** Registers the canvas's placer; returns the function that removes it. */
export function setNewObjectPlacer(design: DesignStore, placer: NewObjectPlacer): () => void {
  placers.set(design, placer);
  return () => {
    if (placers.get(design) === placer) placers.delete(design);
  };
}

/** Places a just-added object (its text is in the store, its node not drawn yet). */
export function placeNewObject(design: DesignStore, resourceId: string): void {
  placers.get(design)?.(resourceId);
}
