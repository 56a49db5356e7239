import type { DesignStore } from './design-store';
import { importedText, isBlankManifest, type ImportMode } from './io-files';

export interface ImportOptions {
  readonly mode: ImportMode;
  /** The design's new file name (replace only; appending keeps the current one). */
  readonly fileName?: string;
}

/**
 * Imports manifests: replaces the document or appends to it, in one `loadText` — one step in the
 * history, the canvas lays the new structure out by itself. Review mode does not stop an import:
 * it is an explicit choice, not an accidental edit.
 */
export function importManifest(store: DesignStore, text: string, options: ImportOptions): void {
  const s = store.getState();
  const next = importedText(s.text, text, options.mode);
  const fileName = options.mode === 'replace' || isBlankManifest(s.text) ? (options.fileName ?? s.fileName) : s.fileName;
  // The design's tests stay when it grows (append) or was empty (tests opened first, then the design); a replacement is another design.
  if (options.mode === 'append' || isBlankManifest(s.text)) s.keepRouteTestsThroughLoad();
  s.loadText(next, fileName);
}

/** The design draws nothing and says nothing: the empty state shows. */
export function isEmptyDesign(s: { readonly text: string }): boolean {
  return isBlankManifest(s.text);
}
