import { useState } from 'react';
import { selectSavedVerdict, useDesign, useDesignStore } from '../../store/index';

/**
 * "Save as test", under the simulator's answer: the request and what it gets now become a case
 * of the design's tests; the status says its number and, once the tests ran, that it holds.
 */
export function SaveAsTest() {
  const store = useDesignStore();
  const saved = useDesign((s) => s.routeTests.saved);
  const verdict = useDesign(selectSavedVerdict);
  const [error, setError] = useState<string | null>(null);
  // The status is of the answer it was saved from: it goes when the request or the design changes.
  const revision = useDesign((s) => s.simulator.revision);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const shown = savedAt === revision;
  const handleSave = (): void => {
    const edit = store.getState().saveSimulatorAsTest();
    setError(edit.ok ? null : edit.error);
    setSavedAt(edit.ok ? store.getState().simulator.revision : null);
  };
  return (
    <div className="rd-save-test">
      <button type="button" className="rd-button rd-sim-small" onClick={handleSave} data-testid="sim-save-test" title="Keep this request and its answer as a route test: every edit of the design checks it still gets this answer">
        Save as test
      </button>
      <span className="rd-save-test-status" role="status" data-testid="sim-save-status">
        {error ? (
          <span className="rd-sev-error">{error}</span>
        ) : shown && saved ? (
          <>
            Saved as test {saved.number} · <span className={verdict === 'fails' ? 'rd-sev-error' : verdict === 'holds' ? 'rd-tests-holds' : 'rd-muted'}>{verdict ?? 'checking'}</span>{' '}
            <button type="button" className="rd-link-button" onClick={() => store.getState().setPanelTab('tests')}>
              Show tests
            </button>
          </>
        ) : null}
      </span>
    </div>
  );
}
