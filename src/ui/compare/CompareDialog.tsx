import { useEffect, useRef, useState } from 'react';
import { salvageText, useDesign, useDesignStore, type KeptSave } from '../../store/index';
import { isBlankManifest, joinManifests } from '../../store/io-files';
import { isRouteTestsText } from '../../store/route-tests-yaml';
import { formatTime, useAutosave, useAutosaveView } from '../autosave/useAutosave';
import { Modal } from '../io/Modal';
import { readManifestFiles } from '../io/read-files';
import { useCompareUi } from './compare-ui-state';
import type { CompareBefore } from '../../store/compare-types';

type Source = 'file' | 'paste' | 'opened' | 'kept';

const SOURCES: readonly { id: Source; label: string }[] = [
  { id: 'file', label: 'Files' },
  { id: 'paste', label: 'Paste' },
  { id: 'opened', label: 'As opened' },
  { id: 'kept', label: 'Kept save' },
];

/**
 * "Compare with an earlier version": the "before" version from files (several, or a folder, become
 * one version as the import makes them), pasted text, the design as it was opened, or a kept
 * autosave. The design as it is now is the "after".
 */
export function CompareDialog() {
  const store = useDesignStore();
  const close = useCompareUi((s) => s.closeDialog);
  const opened = useDesign((s) => s.openedText);
  const fileName = useDesign((s) => s.fileName);
  const openedAt = useDesign((s) => s.openedAt);
  const kept = useAutosaveView((v) => v.kept);
  const [source, setSource] = useState<Source>(() => (opened !== null && !isBlankManifest(opened) ? 'opened' : 'file'));
  const [files, setFiles] = useState<{ names: string[]; text: string; skipped: string[] } | null>(null);
  const [pasted, setPasted] = useState('');
  const [keptKey, setKeptKey] = useState<string | null>(null);
  const keptText = useKeptText(kept, keptKey);

  const before = ((): CompareBefore | null => {
    if (source === 'file') return files && !isBlankManifest(files.text) ? { text: files.text, name: files.names.length === 1 ? (files.names[0] ?? 'a file') : `${files.names.length} files`, origin: 'file' } : null;
    if (source === 'paste') return isBlankManifest(pasted) ? null : { text: pasted, name: 'pasted text', origin: 'paste' };
    if (source === 'opened') return opened !== null && !isBlankManifest(opened) ? { text: opened, name: `${fileName} as opened${openedAt === null ? '' : ` at ${formatTime(openedAt)}`}`, origin: 'opened' } : null;
    const k = kept.find((x) => x.key === keptKey);
    return k && keptText !== null ? { text: keptText, name: `kept save of ${formatTime(k.at)}`, origin: 'kept' } : null;
  })();

  const handleStart = (): void => {
    if (!before) return;
    store.getState().startCompare(before);
    store.getState().setPanelTab('changes');
    close();
  };

  return (
    <Modal
      title="Compare with an earlier version"
      onClose={close}
      testId="compare-dialog"
      footer={
        <>
          <span className="rd-muted">The design as it is now is the “after”.</span>
          <span className="rd-spacer" />
          <button type="button" className="rd-button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="rd-button rd-button-primary" onClick={handleStart} disabled={!before} data-testid="compare-start">
            Compare
          </button>
        </>
      }
    >
      <p className="rd-compare-lead">Which version is the “before”? Every request that behaves differently in the design as it is now is listed, with the status and problems that changed.</p>
      <fieldset className="rd-segmented rd-compare-sources" aria-label="Where the before version comes from">
        {SOURCES.filter((s) => s.id !== 'kept' || kept.length > 0).map((s) => (
          <label key={s.id} className={source === s.id ? 'is-on' : ''}>
            <input type="radio" name="compare-source" checked={source === s.id} onChange={() => setSource(s.id)} data-testid={`compare-source-${s.id}`} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="rd-compare-source-body">
        {source === 'file' && <FilePicker files={files} onFiles={setFiles} />}
        {source === 'paste' && (
          <textarea
            className="rd-import-text"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n…'}
            spellCheck={false}
            aria-label="The before version's manifests"
            data-testid="compare-text"
            data-autofocus
          />
        )}
        {source === 'opened' &&
          (opened !== null && !isBlankManifest(opened) ? (
            <p className="rd-compare-note" data-testid="compare-opened">
              <strong>{fileName}</strong> as it was opened: {lineCount(opened)} lines. The edits made since are what is compared.
            </p>
          ) : (
            <p className="rd-compare-note" data-testid="compare-opened">
              This design was not opened from a file or an example: there is no opened version to compare with.
            </p>
          ))}
        {source === 'kept' && <KeptPicker kept={kept} keptKey={keptKey} onPick={setKeptKey} />}
      </div>
    </Modal>
  );
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function FilePicker({ files, onFiles }: { files: { names: string[]; text: string; skipped: string[] } | null; onFiles: (f: { names: string[]; text: string; skipped: string[] }) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);
  const handleFiles = async (list: FileList | null): Promise<void> => {
    const { files: all, skipped } = await readManifestFiles(list);
    // A folder may hold the design's route tests beside its manifests: they are not part of the version.
    const read = all.filter((f) => !isRouteTestsText(f.text));
    const tests = all.filter((f) => isRouteTestsText(f.text)).map((f) => `${f.name} (route tests)`);
    onFiles({ names: read.map((f) => f.name), text: joinManifests(read), skipped: [...skipped, ...tests] });
  };
  return (
    <div className="rd-compare-files">
      <p className="rd-compare-note">
        Choose the <code>.yaml</code>, <code>.yml</code> or <code>.json</code> files of the earlier version, or its folder: several files become one version, as the import makes them.
      </p>
      <div className="rd-import-files">
        <button type="button" className="rd-button" onClick={() => fileInput.current?.click()} data-autofocus>
          Choose files…
        </button>
        <button type="button" className="rd-button" onClick={() => folderInput.current?.click()}>
          Choose a folder…
        </button>
        <input ref={fileInput} type="file" multiple accept=".yaml,.yml,.json" hidden onChange={(e) => void handleFiles(e.target.files)} data-testid="compare-files" />
        <input ref={folderInput} type="file" multiple hidden onChange={(e) => void handleFiles(e.target.files)} data-testid="compare-folder" />
        <span className="rd-muted" data-testid="compare-file-names">
          {files && files.names.length > 0 ? files.names.join(', ') : 'no file chosen'}
        </span>
        {files && files.skipped.length > 0 && <span className="rd-sev-warning">left out (not manifests): {files.skipped.join(', ')}</span>}
      </div>
    </div>
  );
}

/** The kept autosave's text (its YAML read out, when it was kept for being unreadable). */
function useKeptText(kept: readonly KeptSave[], key: string | null): string | null {
  const autosave = useAutosave();
  const [read, setRead] = useState<{ key: string; text: string } | null>(null);
  useEffect(() => {
    if (!autosave || key === null) return;
    let live = true;
    const kind = kept.find((k) => k.key === key)?.kind;
    autosave.readKept(key).then(
      // A save kept for being unreadable: its YAML where it can be read out of it (as KeptDialog loads it).
      (raw) => live && setRead({ key, text: (kind === 'corrupt' ? salvageText(raw) : null) ?? raw }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [autosave, kept, key]);
  return read && read.key === key ? read.text : null;
}

function KeptPicker({ kept, keptKey, onPick }: { kept: readonly KeptSave[]; keptKey: string | null; onPick: (key: string) => void }) {
  if (kept.length === 0) {
    return (
      <p className="rd-compare-note" data-testid="compare-no-kept">
        No autosave is kept aside in this browser.
      </p>
    );
  }
  return (
    <ul className="rd-compare-kept" aria-label="Kept saves">
      {kept.map((k) => (
        <li key={k.key}>
          <label className="rd-check">
            <input type="radio" name="compare-kept" checked={keptKey === k.key} onChange={() => onPick(k.key)} data-testid="compare-kept" />
            <span>
              Kept {formatTime(k.at)} · {k.size.toLocaleString('en')} characters — <span className="rd-muted">{k.reason}</span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
