import { useDesign, useDesignStore } from '../../store/index';
import { SeverityIcon } from '../common/SeverityCounts';
import { diffCountWords } from './change-words';
import { useCompareUi } from './compare-ui-state';
import { MarkTag } from './MarkTag';
import './compare.css';

/**
 * While comparing, a strip under the toolbar: which version the design is compared with, what
 * changed (counts), a busy state while the diff is computed, the legend of the canvas marks, and
 * the way out.
 */
export function CompareBar() {
  const store = useDesignStore();
  const before = useDesign((s) => s.compare.before);
  const diff = useDesign((s) => s.compare.diff);
  const running = useDesign((s) => s.compare.running);
  const failure = useDesign((s) => s.compare.failure);
  // The diff is of an older analysis than the canvas shows: it is being computed again.
  const stale = useDesign((s) => s.compare.diff !== null && s.shown !== null && s.compare.diffSeq !== s.shown.seq);
  const openDialog = useCompareUi((s) => s.openDialog);
  if (!before) return null;
  const busy = running || (diff === null && failure === null) || stale;
  return (
    <div className="rd-compare-bar" role="region" aria-label="Compare view" data-testid="compare-bar" data-busy={busy ? 'true' : 'false'}>
      <span className="rd-compare-title">
        Comparing with <strong data-testid="compare-name">{before.name}</strong>
      </span>
      <span className="rd-compare-sep" aria-hidden="true">
        ·
      </span>
      <span className="rd-compare-summary" role="status" aria-live="polite" data-testid="compare-summary">
        {failure ? (
          <span className="rd-compare-failure" title={failure}>
            <SeverityIcon severity="error" /> {failure}
          </span>
        ) : diff === null ? (
          <>
            <span className="rd-spinner" aria-hidden="true" /> Comparing…
          </>
        ) : (
          <>
            {busy && <span className="rd-spinner" aria-label="Updating the comparison" />}
            <button type="button" className="rd-link" onClick={() => store.getState().setPanelTab('changes')} data-testid="compare-counts" title="Show the changes in the side panel">
              {diffCountWords(diff)}
            </button>
            {!diff.compared && <span className="rd-compare-note-inline"> — a version does not compile: only its problems are compared</span>}
          </>
        )}
      </span>
      <span className="rd-spacer" />
      <span className="rd-compare-legend" aria-label="Canvas marks" data-testid="compare-legend">
        <MarkTag mark="added" /> in the design only
        <MarkTag mark="changed" /> behaves differently
        <MarkTag mark="removed" /> in the before version only
      </span>
      <button type="button" className="rd-button" onClick={openDialog} data-testid="compare-change-before" title="Compare with another version">
        Other version…
      </button>
      <button type="button" className="rd-button" onClick={() => store.getState().stopCompare()} data-testid="compare-stop">
        Stop comparing
      </button>
    </div>
  );
}
