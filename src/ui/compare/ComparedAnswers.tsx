import { useDesign, useDesignStore, witnessLine, type SimulationAnswer } from '../../store/index';
import { AnswerView } from '../simulator/AnswerView';
import { TraceList } from '../simulator/TraceList';
import '../simulator/simulator.css';
import './compare.css';

/**
 * The picked change's witness request simulated on both versions, side by side: the before
 * version's answer and the design's (status, route and rule, backends and shares, redirect, the
 * request as forwarded, the trace). Over the lower part of the canvas, which lights the "after"
 * answer's path above it.
 */
export function ComparedAnswers() {
  const store = useDesignStore();
  const picked = useDesign((s) => (s.compare.before && s.compare.diff ? s.compare.picked : null));
  const change = useDesign((s) => (picked === null ? null : (s.compare.diff?.changes[picked] ?? null)));
  const answers = useDesign((s) => s.compare.answers);
  const name = useDesign((s) => s.compare.before?.name ?? '');
  if (picked === null || !change) return null;
  return (
    // Escape inside closes it, as the close button does (the change is unpicked).
    <section
      className="rd-compared"
      aria-label="The change's request on both versions"
      data-testid="compared-answers"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        store.getState().pickChange(null);
      }}
    >
      <header className="rd-compared-head">
        <h2 className="rd-compared-title">
          <span className="rd-muted">Request</span> <code data-testid="compared-witness">{witnessLine(change.witness)}</code>
        </h2>
        <span className="rd-spacer" />
        <button type="button" className="rd-button rd-sim-small" onClick={() => store.getState().simulateWitness(change.witness)} title="Open this request in the Simulator (the design as it is now)">
          Open in Simulator
        </button>
        <button type="button" className="rd-button rd-icon-button" onClick={() => store.getState().pickChange(null)} aria-label="Close the answers" title="Close" data-testid="compared-close">
          ×
        </button>
      </header>
      <div className="rd-compared-columns">
        <Column side="before" title="Before" subtitle={name} answer={answers?.before ?? null} />
        <Column side="after" title="After" subtitle="the design as it is now" answer={answers?.after ?? null} />
      </div>
    </section>
  );
}

function Column({ side, title, subtitle, answer }: { side: 'before' | 'after'; title: string; subtitle: string; answer: SimulationAnswer | null }) {
  return (
    <div className={`rd-compared-column is-${side}`} data-testid={`compared-${side}`}>
      <h3 className="rd-compared-side">
        {title} <span className="rd-muted">— {subtitle}</span>
      </h3>
      {answer === null ? (
        <p className="rd-sim-hint">
          <span className="rd-spinner" aria-hidden="true" /> Simulating…
        </p>
      ) : answer.kind === 'invalid' ? (
        <p className="rd-callout rd-callout-error">{answer.error}</p>
      ) : answer.kind === 'unavailable' ? (
        <p className="rd-sim-hint">
          <span className="rd-spinner" aria-hidden="true" /> The design changed: simulating again…
        </p>
      ) : (
        <>
          <AnswerView answer={answer} />
          <TraceList trace={answer.decision.trace} />
        </>
      )}
    </div>
  );
}
