import { useEffect } from 'react';
import { selectSimulator, useDesign, useDesignStore } from '../../store/index';
import { AnswerView } from './AnswerView';
import { RequestForm } from './RequestForm';
import { SaveAsTest } from '../tests/SaveAsTest';
import './simulator.css';
import { TraceList } from './TraceList';

/**
 * The Simulator tab: which backend does this request hit, and why? The answer comes from the
 * analysis Worker (compile + simulate in the engine) and follows typing and design changes; the
 * path it took lights up on the canvas until Clear.
 */
export function SimulatorPanel() {
  const store = useDesignStore();
  const sim = useDesign(selectSimulator);
  const hasTable = useDesign((s) => (s.shown?.tableId ?? null) !== null);
  // Opening the tab asks for the current request.
  useEffect(() => {
    if (!store.getState().simulator.active) store.getState().startSimulator();
  }, [store]);
  const answer = sim.active ? sim.answer : null;
  return (
    <div className="rd-simulator" data-testid="simulator">
      <div className="rd-sim-toolbar">
        <h2 className="rd-sim-title">Simulate a request</h2>
        {sim.running && <span className="rd-spinner" aria-label="Simulating" />}
        <span className="rd-spacer" />
        {sim.active ? (
          <button type="button" className="rd-button rd-sim-small" data-testid="sim-clear" onClick={() => store.getState().clearSimulator()} title="Hide the answer and the path on the canvas">
            Clear
          </button>
        ) : (
          <button type="button" className="rd-button rd-sim-small" data-testid="sim-start" onClick={() => store.getState().startSimulator()}>
            Show on canvas
          </button>
        )}
      </div>
      <RequestForm />
      {sim.failure && <p className="rd-callout rd-callout-error">{sim.failure}</p>}
      {!sim.active ? (
        <p className="rd-sim-hint" data-testid="sim-idle">Send the request (or Show on canvas) to see which backend it reaches, and why.</p>
      ) : !hasTable ? (
        <p className="rd-sim-hint">Waiting for the design to compile…</p>
      ) : answer?.kind === 'invalid' ? (
        answer.field === undefined ? (
          <p className="rd-callout rd-callout-error" data-testid="sim-invalid">
            {answer.error}
          </p>
        ) : (
          // The form says why under the field: here only that there is no answer.
          <p className="rd-sim-hint" data-testid="sim-invalid">
            No answer until the backend answers above can be read.
          </p>
        )
      ) : answer?.kind === 'decision' ? (
        <>
          <AnswerView answer={answer} />
          <SaveAsTest />
          <TraceList trace={answer.decision.trace} />
          <p className="rd-sim-timing" data-testid="sim-timing">
            simulated in {answer.millis < 1 ? answer.millis.toFixed(2) : answer.millis.toFixed(1)} ms in the analysis worker
          </p>
        </>
      ) : null}
    </div>
  );
}
