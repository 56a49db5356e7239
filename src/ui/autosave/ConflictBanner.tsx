import { SeverityIcon } from '../common/SeverityCounts';
import { formatTime, useAutosave, useAutosaveView } from './useAutosave';

/** Another tab saved a different design: this tab stopped saving until the user chooses. */
export function ConflictBanner() {
  const autosave = useAutosave();
  const savedAt = useAutosaveView((v) => v.conflict?.savedAt ?? 0);
  return (
    <div className="rd-save-banner is-warning" role="alert" data-testid="save-conflict-banner">
      <SeverityIcon severity="warning" />
      <span className="rd-save-banner-text">
        <strong>This design was changed in another tab</strong> (saved {formatTime(savedAt)}). This tab saves nothing until you choose.
      </span>
      <button type="button" className="rd-button" onClick={() => autosave?.loadTheirs()} data-testid="conflict-load-theirs">
        Load theirs
      </button>
      <button type="button" className="rd-button" onClick={() => autosave?.keepMine()} data-testid="conflict-keep-mine">
        Keep mine (overwrite)
      </button>
    </div>
  );
}
