import { useState } from 'react';
import { selectNoTests, selectRouteTests, testsProblems, useDesign, useDesignStore } from '../../store/index';
import { TestList } from './TestList';
import { TestsEmpty } from './TestsEmpty';
import { TestsSummary } from './TestsSummary';
import { TestsToolbar } from './TestsToolbar';
import { TestsYaml } from './TestsYaml';
import './tests.css';

/**
 * The Tests tab: the design's route tests, run by the analysis Worker against the design the
 * canvas shows after every edit — a summary, one row per case (what differed when it fails),
 * and the tests' YAML to edit, download or open.
 */
export function TestsPanel() {
  const store = useDesignStore();
  const tests = useDesign(selectRouteTests);
  const none = useDesign(selectNoTests);
  const hasTable = useDesign((s) => (s.shown?.tableId ?? null) !== null);
  const [yamlOpen, setYamlOpen] = useState(false);
  const [deleted, setDeleted] = useState<{ name: string; text: string; after: string } | null>(null);
  const problems = testsProblems(tests.run).length;
  const handleUndo = (): void => {
    if (deleted) store.getState().setRouteTestsText(deleted.text);
    setDeleted(null);
  };
  return (
    <div className="rd-tests" data-testid="tests">
      <TestsToolbar yamlOpen={yamlOpen} onToggleYaml={() => setYamlOpen(!yamlOpen)} />
      {tests.failure && <p className="rd-callout rd-callout-error">{tests.failure}</p>}
      {/* Undo stays offered until the tests change again. */}
      {deleted?.after === tests.text && (
        <p className="rd-tests-notice" role="status" data-testid="tests-deleted">
          Deleted “{deleted.name}”.{' '}
          <button type="button" className="rd-link-button" onClick={handleUndo}>
            Undo
          </button>
        </p>
      )}
      {yamlOpen && <TestsYaml />}
      {none ? (
        !yamlOpen && <TestsEmpty onWrite={() => setYamlOpen(true)} onSimulate={() => store.getState().setPanelTab('simulator')} />
      ) : !hasTable ? (
        <p className="rd-tests-hint">The tests run once the design compiles.</p>
      ) : !tests.run ? (
        <p className="rd-tests-hint">Running the tests…</p>
      ) : problems > 0 ? (
        !yamlOpen && (
          <p className="rd-callout rd-callout-error" data-testid="tests-problems">
            The tests&apos; YAML has {problems} problem{problems === 1 ? '' : 's'}, so no case runs.{' '}
            <button type="button" className="rd-link-button" onClick={() => setYamlOpen(true)}>
              Show them
            </button>
          </p>
        )
      ) : (
        <>
          <TestsSummary run={tests.run} stale={tests.run.seq !== tests.revision} />
          <TestList rows={tests.run.rows} editable={tests.runText === tests.text} onDeleted={(name, text, after) => setDeleted({ name, text, after })} />
        </>
      )}
    </div>
  );
}
