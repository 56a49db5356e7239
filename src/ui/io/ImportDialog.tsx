import { useRef, useState } from 'react';
import { useDesignStore } from '../../store/index';
import { importedFileName, isBlankManifest, joinManifests, type ImportMode } from '../../store/io-files';
import { countDocuments } from '../../store/import-undo';
import { importManifest } from '../../store/io-import';
import { useIo } from './io-state';
import { Modal } from './Modal';
import { readManifestFiles } from './read-files';

/** Paste, type or choose manifests, then replace the design with them or append them to it. */
export function ImportDialog() {
  const store = useDesignStore();
  const draft = useIo((s) => s.draft);
  const setDraft = useIo((s) => s.setDraft);
  const close = useIo((s) => s.close);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [skipped, setSkipped] = useState<string[]>([]);
  // RouteTests files chosen here became the design's tests: the import keeps them.
  const [tests, setTests] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const documents = countDocuments(draft.text);

  const handleFiles = async (list: FileList | null): Promise<void> => {
    const { files, skipped: left, tests: read } = await readManifestFiles(list, store);
    setSkipped(left);
    setTests([...tests, ...read]);
    if (files.length === 0) return;
    const joined = joinManifests(files);
    const text = draft.text.trim() === '' ? joined : `${draft.text.replace(/\n?$/, '\n')}---\n${joined}`;
    setDraft({ text, files: [...draft.files, ...files.map((f) => f.name)] });
  };
  const handleImport = (): void => {
    const names = draft.files.map((name) => ({ name, text: '' }));
    if (tests.length > 0) store.getState().keepRouteTestsThroughLoad();
    importManifest(store, draft.text, { mode, fileName: names.length > 0 ? importedFileName(names) : 'pasted.yaml' });
    close();
  };
  const blank = isBlankManifest(draft.text);

  return (
    <Modal
      title="Import manifests"
      onClose={close}
      testId="import-dialog"
      footer={
        <>
          <fieldset className="rd-segmented" aria-label="What the import does">
            <label className={mode === 'replace' ? 'is-on' : ''}>
              <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="import-mode-replace" />
              Replace the design
            </label>
            <label className={mode === 'append' ? 'is-on' : ''}>
              <input type="radio" name="import-mode" checked={mode === 'append'} onChange={() => setMode('append')} data-testid="import-mode-append" />
              Append to it
            </label>
          </fieldset>
          <span className="rd-spacer" />
          <button type="button" className="rd-button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="rd-button rd-button-primary" onClick={handleImport} disabled={blank} data-testid="import-submit">
            Import{documents > 0 ? ` ${documents} document${documents === 1 ? '' : 's'}` : ''}
          </button>
        </>
      }
    >
      <p className="rd-hint">
        Paste a multi-document manifest (Gateway API, Istio, Services…), or choose or drop <code>.yaml</code>, <code>.yml</code> and <code>.json</code> files: several files become one design.
      </p>
      <textarea
        className="rd-import-text"
        value={draft.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        placeholder={'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n…'}
        spellCheck={false}
        aria-label="Manifests to import"
        data-testid="import-text"
        data-autofocus
      />
      <div className="rd-import-files">
        <button type="button" className="rd-button" onClick={() => fileInput.current?.click()}>
          Choose files…
        </button>
        <input ref={fileInput} type="file" multiple accept=".yaml,.yml,.json" hidden onChange={(e) => void handleFiles(e.target.files)} data-testid="import-files" />
        <span className="rd-muted" data-testid="import-file-names">
          {draft.files.length > 0 ? draft.files.join(', ') : 'or drop files anywhere on the window'}
        </span>
        {skipped.length > 0 && <span className="rd-sev-warning">skipped (not YAML or JSON): {skipped.join(', ')}</span>}
        {tests.length > 0 && <span className="rd-muted">opened as the design&apos;s tests: {tests.join(', ')}</span>}
      </div>
    </Modal>
  );
}

