import { useEffect } from 'react';
import { isBlankManifest, importedFileName, joinManifests, type TextFile } from '../../store/io-files';
import { replaceDesign } from '../../store/import-undo';
import { importManifest } from '../../store/io-import';
import type { DesignStore } from '../../store/index';
import { useIo } from './io-state';
import { carriesFiles, isEditableTarget, readManifestFiles } from './read-files';

/** Pasted text that looks like Kubernetes objects (YAML or JSON), not a stray word. */
export function looksLikeManifest(text: string): boolean {
  return /(^|\n)\s*(apiVersion|kind)\s*:/.test(text) || /"(apiVersion|kind)"\s*:/.test(text);
}

/** Where a paste or drop came from, as the toast says it. */
export function sourceOf(files: readonly TextFile[]): string {
  if (files.length === 0) return 'the clipboard';
  if (files.length <= 2) return files.map((f) => f.name).join(' and ');
  return `${files.length} files`;
}

/**
 * Where pasted or dropped text goes: straight into an empty design; into the import dialog when
 * it is open (it joins the draft) or in review mode (the user confirms what replaces the design
 * under review); otherwise it replaces the design at once, and a toast offers Undo and Append
 * instead — nothing blocks, and nothing renders the whole text before the design starts.
 */
export function routeImport(store: DesignStore, text: string, files: readonly TextFile[]): void {
  const io = useIo.getState();
  if (io.dialog === 'import') {
    // Already choosing: what arrives joins the draft.
    const draft = io.draft;
    io.setDraft({ text: draft.text.trim() === '' ? text : `${draft.text.replace(/\n?$/, '\n')}---\n${text}`, files: [...draft.files, ...files.map((f) => f.name)] });
    return;
  }
  const s = store.getState();
  const fileName = files.length > 0 ? importedFileName(files) : 'pasted.yaml';
  if (isBlankManifest(s.text)) {
    io.showReplaced(null);
    importManifest(store, text, { mode: 'replace', fileName });
  } else if (s.readOnly) {
    io.openImport({ text, files: files.map((f) => f.name) });
  } else {
    io.showReplaced({ replacement: replaceDesign(store, text, fileName), source: sourceOf(files) });
  }
}

/**
 * Window-wide gestures: paste a manifest anywhere outside a text field (the canvas), drop files
 * anywhere on the window. A drop is caught before the YAML editor would insert the files' names.
 */
export function useImportGestures(store: DesignStore): void {
  useEffect(() => {
    let depth = 0;
    const handlePaste = (event: ClipboardEvent): void => {
      if (isEditableTarget(event.target) || isEditableTarget(document.activeElement)) return;
      const data = event.clipboardData;
      if (!data) return;
      if (data.files.length > 0) {
        event.preventDefault();
        void readManifestFiles(data.files, store).then(({ files }) => files.length > 0 && routeImport(store, joinManifests(files), files));
        return;
      }
      const text = data.getData('text/plain');
      if (!looksLikeManifest(text)) return;
      event.preventDefault();
      routeImport(store, text, []);
    };
    const handleDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth++;
      useIo.getState().setDragging(true);
    };
    const handleDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const handleDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) useIo.getState().setDragging(false);
    };
    const handleDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      useIo.getState().setDragging(false);
      const taker = useIo.getState().dropTaker;
      if (taker) {
        if (event.dataTransfer?.files) taker(event.dataTransfer.files);
        return;
      }
      void readManifestFiles(event.dataTransfer?.files ?? null, store).then(({ files }) => files.length > 0 && routeImport(store, joinManifests(files), files));
    };
    window.addEventListener('paste', handlePaste);
    window.addEventListener('dragenter', handleDragEnter, true);
    window.addEventListener('dragover', handleDragOver, true);
    window.addEventListener('dragleave', handleDragLeave, true);
    window.addEventListener('drop', handleDrop, true);
    return () => {
      window.removeEventListener('paste', handlePaste);
      window.removeEventListener('dragenter', handleDragEnter, true);
      window.removeEventListener('dragover', handleDragOver, true);
      window.removeEventListener('dragleave', handleDragLeave, true);
      window.removeEventListener('drop', handleDrop, true);
    };
  }, [store]);
}
