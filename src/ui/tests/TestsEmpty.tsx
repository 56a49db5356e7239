/** No tests yet: how to add one. */
export function TestsEmpty({ onSimulate, onWrite }: { onSimulate: () => void; onWrite: () => void }) {
  return (
    <div className="rd-tests-empty" data-testid="tests-empty">
      <p>
        <strong>No tests yet.</strong> A test is a request and what it must get: a status, the backends and their shares, a redirect, a rewritten path.
      </p>
      <p>
        In the Simulator, send a request and press <em>Save as test</em>: the answer it gets now becomes what it must keep getting. From then on every edit of the
        design runs the tests, and this tab says which ones no longer hold.
      </p>
      <div className="rd-tests-empty-actions">
        <button type="button" className="rd-button rd-button-primary rd-sim-small" onClick={onSimulate} data-testid="tests-go-simulator">
          Go to the Simulator
        </button>
        <button type="button" className="rd-button rd-sim-small" onClick={onWrite}>
          Write them in YAML
        </button>
      </div>
      <p className="rd-muted">
        Or open a RouteTests file (<code>shop.tests.yaml</code>), or drop it on the window with the design&apos;s files.
      </p>
    </div>
  );
}
