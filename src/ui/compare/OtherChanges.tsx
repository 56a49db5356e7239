import type { Diagnostic, StatusChange } from '../../core/index';
import { selectDiagnostics, selectGraph, useDesign, useDesignStore } from '../../store/index';
import { SeverityIcon } from '../common/SeverityCounts';
import { ProblemRow } from '../panel/ProblemsList';
import { statusChangeWords } from './change-words';

/*
 * The Changes tab's entries after the behaviour changes: a controller status field that changed,
 * a problem added or fixed.
 */

/** A status change: a click selects its object on the canvas (when the design has it). */
export function StatusItem({ change }: { change: StatusChange }) {
  const store = useDesignStore();
  const w = statusChangeWords(change);
  const nodeId = useDesign((s) => selectGraph(s).nodes.find((n) => n.kind === change.object.kind && n.namespace === change.object.namespace && n.name === change.object.name)?.id ?? null);
  const body = (
    <>
      <span className="rd-change-object">{w.object}</span>
      <span className="rd-change-field">{w.field}</span>
      <span className="rd-change-values">
        <span className="rd-change-value">{w.before}</span> → <span className="rd-change-value">{w.after}</span>
      </span>
    </>
  );
  return (
    <li>
      {nodeId ? (
        <button type="button" className="rd-change rd-change-status" onClick={() => store.getState().select(nodeId, { reveal: true, focus: true })} data-testid="status-change" title={`Select ${w.object} on the canvas`}>
          {body}
        </button>
      ) : (
        <div className="rd-change rd-change-status is-static" data-testid="status-change">
          {body}
        </div>
      )}
    </li>
  );
}

const sameDiagnostic = (a: Diagnostic, b: Diagnostic): boolean => a.code === b.code && a.file === b.file && a.line === b.line && a.column === b.column && a.message === b.message;

/** A problem of the design as it is: a click jumps to it, as in the Problems tab. */
export function AddedProblem({ diagnostic }: { diagnostic: Diagnostic }) {
  const index = useDesign((s) => selectDiagnostics(s).findIndex((d) => sameDiagnostic(d, diagnostic)));
  if (index >= 0) return <ProblemRow index={index} diagnostic={diagnostic} />;
  return <StaticProblem diagnostic={diagnostic} where="after" testId="added-problem" />;
}

/** A problem said, not linked: one of the before version only (its lines are not the editor's), or one the editor no longer has. */
export function StaticProblem({ diagnostic: d, where, testId }: { diagnostic: Diagnostic; where: 'before' | 'after'; testId: string }) {
  return (
    <li className="rd-problem-item">
      <div className={`rd-problem is-static rd-sev-${d.severity}`} data-testid={testId} data-code={d.code}>
        <SeverityIcon severity={d.severity} />
        <span className="rd-problem-body">
          <span className="rd-problem-message">{d.message}</span>
          <span className="rd-problem-meta">
            <code>{d.code}</code>
            {d.resource && (
              <span>
                {d.resource.kind} {d.resource.namespace ? `${d.resource.namespace}/` : ''}
                {d.resource.name}
              </span>
            )}
            <span className="rd-problem-loc">
              {where}: {d.file}:{d.line}:{d.column}
            </span>
          </span>
        </span>
      </div>
    </li>
  );
}
