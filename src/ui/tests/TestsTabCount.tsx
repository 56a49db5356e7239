import { selectTestsFailed, selectTestsPassed, selectTestsProblems, useDesign } from '../../store/index';

/** The Tests tab's badge: failing cases in red; else the cases that hold, in green; '!' when the tests' YAML has problems. */
export function TestsTabCount() {
  const failed = useDesign(selectTestsFailed);
  const passed = useDesign(selectTestsPassed);
  const problems = useDesign(selectTestsProblems);
  if (problems > 0)
    return (
      <span className="rd-tab-count is-error" title="The tests' YAML has problems: no case runs">
        !
      </span>
    );
  if (failed > 0)
    return (
      <span className="rd-tab-count is-error" title={`${failed} test${failed === 1 ? '' : 's'} fail`} data-testid="tests-tab-count">
        {failed}
      </span>
    );
  if (passed > 0)
    return (
      <span className="rd-tab-count is-ok" title={`${passed} test${passed === 1 ? '' : 's'}, all hold`} data-testid="tests-tab-count">
        {passed}
      </span>
    );
  return null;
}
