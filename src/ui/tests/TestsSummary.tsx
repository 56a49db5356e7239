import type { RouteTestsRun } from '../../store/index';

/** "4 of 5 hold", with a bar of the share that holds. */
export function TestsSummary({ run, stale }: { run: RouteTestsRun; stale: boolean }) {
  const total = run.passed + run.failed;
  const all = run.failed === 0;
  return (
    <div className={`rd-tests-summary${all ? ' is-ok' : ' is-fail'}`} data-testid="tests-summary" aria-live="polite">
      <strong>{all ? (total === 1 ? 'The test holds' : `All ${total} hold`) : `${run.passed} of ${total} hold`}</strong>
      <span className="rd-muted">{all ? '' : ` · ${run.failed} fail${run.failed === 1 ? 's' : ''}`}</span>
      <span className="rd-spacer" />
      <span className="rd-tests-when">{stale ? 'checking…' : `ran in ${run.millis < 1 ? run.millis.toFixed(2) : run.millis.toFixed(1)} ms`}</span>
      <span className="rd-tests-bar" aria-hidden="true">
        <span style={{ width: `${total === 0 ? 0 : (100 * run.passed) / total}%` }} />
      </span>
    </div>
  );
}
