import type { Diagnostic } from '../../core/index';
import { selectDiagnostics, useDesign, useDesignStore } from '../../store/index';
import { IconCheck } from '../common/icons';
import { SeverityIcon } from '../common/SeverityCounts';

/** Every diagnostic of the current text, in file order. A click jumps to its line and its node. */
export function ProblemsList() {
  const diagnostics = useDesign(selectDiagnostics);
  const analyzed = useDesign((s) => s.analysis !== null);
  if (!analyzed) return <p className="rd-empty">Checking…</p>;
  if (diagnostics.length === 0) {
    return (
      <p className="rd-empty rd-empty-ok" data-testid="no-problems">
        <IconCheck /> No problems
      </p>
    );
  }
  return (
    <ul className="rd-problems" data-testid="problems">
      {diagnostics.map((d, i) => (
        <ProblemRow key={`${i}:${d.code}:${d.line}:${d.column}`} index={i} diagnostic={d} />
      ))}
    </ul>
  );
}

export function ProblemRow({ index, diagnostic: d, compact = false }: { index: number; diagnostic: Diagnostic; compact?: boolean }) {
  const store = useDesignStore();
  return (
    <li>
      <button type="button" className={`rd-problem rd-sev-${d.severity}`} data-testid="problem" data-code={d.code} data-line={d.line} onClick={() => store.getState().openProblem(index)}>
        <SeverityIcon severity={d.severity} />
        <span className="rd-problem-body">
          <span className="rd-problem-message">{d.message}</span>
          <span className="rd-problem-meta">
            <code>{d.code}</code>
            {!compact && d.resource && (
              <span>
                {d.resource.kind} {d.resource.namespace ? `${d.resource.namespace}/` : ''}
                {d.resource.name}
              </span>
            )}
            <span className="rd-problem-loc">
              {d.file}:{d.line}:{d.column}
            </span>
          </span>
        </span>
      </button>
    </li>
  );
}
