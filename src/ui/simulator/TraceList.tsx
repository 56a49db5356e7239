import type { TraceStep } from '../../core/index';
import { selectTraceTarget, useDesignStore } from '../../store/index';

/**
 * Every candidate the simulator looked at, in order, matched or skipped with the first reason.
 * A step about an object selects it on the canvas and shows its YAML.
 */
export function TraceList({ trace }: { trace: readonly TraceStep[] }) {
  const store = useDesignStore();
  const handleOpen = (step: TraceStep): void => {
    const target = selectTraceTarget(store.getState(), step);
    if (target) store.getState().select(target.node, { reveal: true, focus: true });
  };
  return (
    <section className="rd-sim-section">
      <h3 className="rd-section-title">Trace ({trace.length})</h3>
      <ol className="rd-sim-trace" data-testid="sim-trace">
        {trace.map((t, i) => (
          <li key={i}>
            <button type="button" className={`rd-sim-step is-${t.result}`} data-testid="trace-step" data-result={t.result} data-ref={t.ref} onClick={() => handleOpen(t)} title="Select it on the canvas and show its YAML">
              <span className="rd-sim-step-mark" aria-label={t.result}>
                {t.result === 'matched' ? '✓' : '✗'}
              </span>
              <span className="rd-sim-step-body">
                <span className="rd-sim-step-head">
                  <span className="rd-sim-step-kind">{t.step}</span>
                  <span className="rd-sim-step-ref">{t.ref}</span>
                </span>
                <span className="rd-sim-step-reason">{t.reason}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
