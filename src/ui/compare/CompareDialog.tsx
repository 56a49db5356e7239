import { useState } from 'react';
import { useDesign, useDesignStore } from '../../store/index';
import type { CompareBefore } from '../../store/compare-types';
import { isBlankManifest } from '../../store/io-files';
import { formatTime, useAutosaveView } from '../autosave/useAutosave';
import { Modal } from '../io/Modal';
import { FilePicker, KeptPicker, lineCount, readBeforeFiles, useKeptText, type ChosenFiles } from './BeforeSources';
import { usePasteBefore } from './usePasteBefore';
import { useCompareUi } from './compare-ui-state';

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
  const [files, setFiles] = useState<ChosenFiles | null>(null);
  const [pasted, setPasted] = useState('');
  const [keptKey, setKeptKey] = useState<string | null>(null);
  const keptText = useKeptText(kept, keptKey);
  // Ctrl+V with the dialog open: the pasted text or files are the before version.
  usePasteBefore(
    (text) => {
      setSource('paste');
      setPasted(text);
    },
    (list) =>
      void readBeforeFiles(list).then((read) => {
        setSource('file');
        setFiles(read);
      }),
  );

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
