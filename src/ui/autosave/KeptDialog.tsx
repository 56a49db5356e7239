import { useEffect, useState } from 'react';
import { salvageText, useDesignStore } from '../../store/index';
import { importManifest } from '../../store/io-import';
import { CodeView } from '../io/CodeView';
import { copyText, downloadText } from '../io/download';
import { Modal } from '../io/Modal';
import { keptFileName } from './KeptBanner';
import { formatTime, useAutosave, useAutosaveView } from './useAutosave';

/** The raw text of a kept save, to copy, download, or load into the editor (its YAML, where it can be read out). */
export function KeptDialog({ keptKey, onClose }: { keptKey: string; onClose: () => void }) {
  const autosave = useAutosave();
  const store = useDesignStore();
  const kept = useAutosaveView((v) => v.kept.find((k) => k.key === keptKey));
  const [raw, setRaw] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    autosave?.readKept(keptKey).then(setRaw, (e: unknown) => setNote(`It could not be read: ${String(e)}`));
  }, [autosave, keptKey]);
  const yaml = raw === null ? null : kept?.kind === 'corrupt' ? salvageText(raw) : raw;
  const readOut = yaml !== null && yaml !== raw;
  const handleCopy = (): void => {
    if (raw !== null) copyText(raw).then(() => setNote('Copied.'), (e: unknown) => setNote(`Not copied: ${String(e)}`));
  };
  const handleLoad = (): void => {
    importManifest(store, yaml ?? raw ?? '', { mode: 'replace', fileName: 'recovered.yaml' });
    onClose();
  };
  const footer = (
    <>
      {note && <span className="rd-hint" data-testid="kept-note">{note}</span>}
      <span className="rd-spacer" />
      <button type="button" className="rd-button" onClick={handleCopy} disabled={raw === null} data-testid="kept-copy">
        Copy
      </button>
      <button type="button" className="rd-button" onClick={() => kept && raw !== null && downloadText(keptFileName(kept), raw, 'text/plain')} disabled={raw === null} data-testid="kept-dialog-download">
        Download
      </button>
      <button type="button" className="rd-button rd-button-primary" onClick={handleLoad} disabled={raw === null} data-testid="kept-load">
        {readOut ? 'Load its YAML into the editor' : 'Load into the editor'}
      </button>
    </>
  );
  return (
    <Modal title="A kept autosave" onClose={onClose} wide testId="kept-dialog" footer={footer}>
      <p className="rd-hint">
        {kept ? `Kept ${formatTime(kept.at)}: ${kept.reason}. ` : ''}
        {readOut ? 'Its YAML can be read out of it: loading puts that YAML in the editor, replacing the design (undo brings the design back).' : 'Loading puts this text in the editor, replacing the design (undo brings the design back).'}
      </p>
      {raw !== null && (
        <div className={`rd-kept-panes${readOut ? ' is-two' : ''}`}>
          <div className="rd-export-pane">
            <div className="rd-export-pane-title">Raw text, as it was stored</div>
            <CodeView text={raw} label="Raw text of the kept autosave" testId="kept-raw" />
          </div>
          {readOut && yaml !== null && (
            <div className="rd-export-pane">
              <div className="rd-export-pane-title">Its YAML, read out of it</div>
              <CodeView text={yaml} label="The YAML read out of the kept autosave" testId="kept-yaml" />
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
