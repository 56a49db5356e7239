import { useState } from 'react';
import type { KeptSave } from '../../store/index';
import { SeverityIcon } from '../common/SeverityCounts';
import { downloadText } from '../io/download';
import { formatTime, useAutosave, useAutosaveView } from './useAutosave';

/** The file name a kept save downloads as. */
export const keptFileName = (k: KeptSave): string => `route-designer-${k.kind === 'corrupt' ? 'unreadable-autosave' : 'unsaved-tab'}-${new Date(k.at).toISOString().slice(0, 19).replace(/:/g, '-')}.txt`;

/** A save kept aside (unreadable, or a tab's unsaved text): shown until the user discards it. */
export function KeptBanner({ onShow }: { onShow: (key: string) => void }) {
  const autosave = useAutosave();
  const kept = useAutosaveView((v) => v.kept);
  const [confirming, setConfirming] = useState<string | null>(null);
  const k = kept[0];
  if (!k || !autosave) return null;
  const handleDownload = (): void => void autosave.readKept(k.key).then((raw) => downloadText(keptFileName(k), raw, 'text/plain'));
  const handleDiscard = (): void => {
    if (confirming !== k.key) return setConfirming(k.key);
    setConfirming(null);
    void autosave.discardKept(k.key);
  };
  const more = kept.length > 1 ? ` (${kept.length - 1} more kept)` : '';
  return (
    <div className="rd-save-banner is-warning" role="status" data-testid="kept-banner">
      <SeverityIcon severity="warning" />
      <span className="rd-save-banner-text">
        {k.kind === 'corrupt' ? (
          <>
            <strong>Your last autosave could not be read</strong> ({k.reason}). It is kept aside, untouched{more}.
          </>
        ) : (
          <>
            <strong>Changes of a tab closed during a conflict</strong> ({formatTime(k.at)}) are kept aside{more}.
          </>
        )}
      </span>
      <button type="button" className="rd-button" onClick={() => onShow(k.key)} data-testid="kept-show">
        Show its text
      </button>
      <button type="button" className="rd-button" onClick={handleDownload} data-testid="kept-download">
        Download
      </button>
      <button type="button" className={`rd-button${confirming === k.key ? ' rd-button-danger' : ''}`} onClick={handleDiscard} onBlur={() => setConfirming(null)} data-testid="kept-discard">
        {confirming === k.key ? 'Discard for good' : 'Discard'}
      </button>
    </div>
  );
}
