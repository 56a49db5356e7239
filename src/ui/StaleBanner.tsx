import { selectIsStale, useDesign, useDesignStore } from '../store/index';
import { SeverityIcon } from './common/SeverityCounts';

/** Says, over the canvas, when what it shows is not the current text. */
export function StaleBanner() {
  const store = useDesignStore();
  const stale = useDesign(selectIsStale);
  const failure = useDesign((s) => s.failure);
  if (failure) {
    return (
      <div className="rd-banner rd-banner-error" role="alert" data-testid="failure-banner">
        <SeverityIcon severity="error" /> {failure}
      </div>
    );
  }
  if (!stale) return null;
  return (
    <div className="rd-banner" role="status" data-testid="stale-banner">
      <SeverityIcon severity="error" />
      <span>
        <strong>The YAML has errors.</strong> The canvas shows the last good version.
      </span>
      <button type="button" className="rd-link" onClick={() => store.getState().setPanelTab('problems')}>
        Show problems
      </button>
    </div>
  );
}
