import { useState } from 'react';
import { SeverityIcon } from '../common/SeverityCounts';
import './autosave.css';
import { ConflictBanner } from './ConflictBanner';
import { KeptBanner } from './KeptBanner';
import { KeptDialog } from './KeptDialog';
import { useAutosaveView } from './useAutosave';
import { useDesignStore } from '../../store/index';
import { downloadText } from '../io/download';
import { formatTime } from './useAutosave';

/**
 * What autosave has to say, in a strip under the toolbar that stays until it no longer holds: a
 * conflict with another tab, a failed save, a save kept aside because it could not be read.
 */
export function SaveBanners() {
  const failure = useAutosaveView((v) => v.failure);
  const conflict = useAutosaveView((v) => v.conflict !== null);
  const kept = useAutosaveView((v) => v.kept.length > 0);
  const [shown, setShown] = useState<string | null>(null);
  if (!failure && !conflict && !kept && shown === null) return null;
  return (
    <div className="rd-save-strip" data-testid="save-banners">
      {conflict && <ConflictBanner />}
      {failure && <FailureBanner message={failure.message} since={failure.since} />}
      {kept && <KeptBanner onShow={setShown} />}
      {shown !== null && <KeptDialog keptKey={shown} onClose={() => setShown(null)} />}
    </div>
  );
}

function FailureBanner({ message, since }: { message: string; since: number | null }) {
  const store = useDesignStore();
  const handleDownload = (): void => {
    const { fileName, text } = store.getState();
    downloadText(fileName, text);
  };
  return (
    <div className="rd-save-banner is-error" role="alert" data-testid="save-failure-banner">
      <SeverityIcon severity="error" />
      <span className="rd-save-banner-text">
        <strong>Autosave failed:</strong> {message}. {since === null ? 'Nothing has been saved in this browser since the page opened.' : `Changes since ${formatTime(since)} are not saved in this browser.`}
      </span>
      <button type="button" className="rd-button" onClick={handleDownload} data-testid="save-failure-download">
        Download the design
      </button>
    </div>
  );
}
