import { useRef } from 'react';
import { editingOf, useDesign, useDesignStore } from '../../store/index';
import { importedFileName, joinManifests } from '../../store/io-files';
import { importManifest } from '../../store/io-import';
import { IconExport, IconEye, IconImport, IconLock, IconNew, IconOpen } from './io-icons';
import { useIo } from './io-state';
import { readManifestFiles } from './read-files';

/** Toolbar: new / open / import / export. New asks first (the editing layer's confirmation); Open replaces the design with the chosen files. */
export function IoButtons() {
  const store = useDesignStore();
  const openImport = useIo((s) => s.openImport);
  const openExport = useIo((s) => s.openExport);
  const fileInput = useRef<HTMLInputElement>(null);
  const handleOpen = async (list: FileList | null): Promise<void> => {
    const { files } = await readManifestFiles(list, store);
    if (fileInput.current) fileInput.current.value = '';
    if (files.length > 0) importManifest(store, joinManifests(files), { mode: 'replace', fileName: importedFileName(files) });
  };
  return (
    <div className="rd-toolbar-group" role="toolbar" aria-label="Design">
      <button type="button" className="rd-button" onClick={() => editingOf(store).getState().requestNew()} title="Start a new, empty design (asks first; undo brings the old one back)" data-testid="io-new">
        <IconNew /> New
      </button>
      <button type="button" className="rd-button" onClick={() => fileInput.current?.click()} title="Open .yaml, .yml or .json files (several become one design)" data-testid="io-open">
        <IconOpen /> Open
      </button>
      <input ref={fileInput} type="file" multiple accept=".yaml,.yml,.json" hidden onChange={(e) => void handleOpen(e.target.files)} data-testid="io-open-input" />
      <button type="button" className="rd-button" onClick={() => openImport()} title="Paste or add manifests: replace the design or append to it" data-testid="io-import">
        <IconImport /> Import
      </button>
      <button type="button" className="rd-button" onClick={openExport} title="Export the YAML (as is, Gateway API or Istio) or the diagram" data-testid="io-export">
        <IconExport /> Export
      </button>
    </div>
  );
}

/** Review mode: a toggle, and while it is on a badge that says the design cannot be edited. */
export function ReviewToggle() {
  const store = useDesignStore();
  const readOnly = useDesign((s) => s.readOnly);
  return (
    <>
      {readOnly && (
        <span className="rd-review-badge" role="status" data-testid="review-badge" title="Review mode: the design cannot be edited. Selecting, moving nodes and the simulator still work.">
          <IconLock /> Review · read-only
        </span>
      )}
      <button
        type="button"
        className="rd-button"
        aria-pressed={readOnly}
        onClick={() => store.getState().setReadOnly(!readOnly)}
        title={readOnly ? 'Leave review mode: allow edits again' : 'Review mode: look without changing anything'}
        data-testid="toggle-review"
      >
        <IconEye /> <span className="rd-compact-label">Review</span>
      </button>
    </>
  );
}
