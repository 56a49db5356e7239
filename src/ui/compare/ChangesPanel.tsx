import type { ReactNode } from 'react';
import type { BehaviourChange, Diagnostic, StatusChange } from '../../core/index';
import { selectChangeRows, selectDiagnostics, selectGraph, useDesign, useDesignStore, type ChangeRow } from '../../store/index';
import { SeverityIcon } from '../common/SeverityCounts';
import { ProblemRow } from '../panel/ProblemsList';
import { changeAspects, statusChangeWords } from './change-words';
import { useCompareUi } from './compare-ui-state';
import './compare.css';

/**
 * The Changes tab: every class of requests that behaves differently (its witness, and the answer
 * before → after in short words), then the controller status that changed, then the problems
 * added and fixed. A behaviour change is a button: it simulates its witness on both versions.
 */
export function ChangesPanel() {
  const before = useDesign((s) => s.compare.before);
  const diff = useDesign((s) => s.compare.diff);
  const failure = useDesign((s) => s.compare.failure);
  const rows = useDesign(selectChangeRows);
  const openDialog = useCompareUi((s) => s.openDialog);
  if (!before) {
    return (
      <div className="rd-changes" data-testid="changes">
        <p className="rd-empty">Not comparing.</p>
        <button type="button" className="rd-button" onClick={openDialog}>
          Compare with an earlier version…
        </button>
      </div>
    );
  }
  if (failure) {
    return (
      <div className="rd-changes" data-testid="changes">
        <p className="rd-callout rd-callout-error" data-testid="changes-failure">
          {failure}
        </p>
      </div>
    );
  }
  if (!diff) {
    return (
      <div className="rd-changes" data-testid="changes">
        <p className="rd-empty">
          <span className="rd-spinner" aria-hidden="true" /> Comparing with {before.name}…
        </p>
      </div>
    );
  }
  return (
    <div className="rd-changes" data-testid="changes">
      <h2 className="rd-changes-title">Changes since {before.name}</h2>
      <Section id="changes-behaviour" title="Behaviour changes" count={diff.changes.length} empty={diff.compared ? 'No request behaves differently.' : 'Not compared: a version does not compile (see the problems below).'}>
        {rows.map((row) => {
          const change = diff.changes[row.index];
          return change && <ChangeItem key={row.index} row={row} change={change} />;
        })}
      </Section>
      {diff.uncrossed.length > 0 && (
        <p className="rd-hint rd-changes-uncrossed" data-testid="changes-uncrossed" title={diff.uncrossed.join('\n')}>
          {diff.uncrossed.length} site{diff.uncrossed.length === 1 ? ' has' : 's have'} too many boundaries to try every combination: there only each rule’s own requests were compared.
        </p>
      )}
      <Section id="changes-status" title="Status changes" count={diff.status.length} empty="No controller status changes.">
        {diff.status.map((s, i) => (
          <StatusItem key={i} change={s} />
        ))}
      </Section>
      <Section id="changes-added" title="Problems added" count={diff.problems.added.length} empty="No problem added." list="rd-problems">
        {diff.problems.added.map((d, i) => (
          <AddedProblem key={i} diagnostic={d} />
        ))}
      </Section>
      <Section id="changes-fixed" title="Problems fixed" count={diff.problems.fixed.length} empty="No problem fixed." list="rd-problems">
        {diff.problems.fixed.map((d, i) => (
          <StaticProblem key={i} diagnostic={d} where="before" testId="fixed-problem" />
        ))}
      </Section>
      <p className="rd-hint rd-changes-foot" data-testid="changes-candidates">
        {diff.candidates.toLocaleString('en')} distinct requests were sent to both versions.
      </p>
    </div>
  );
}

function Section({ id, title, count, empty, children, list = 'rd-changes-list' }: { id: string; title: string; count: number; empty: string; children: ReactNode; list?: string }) {
  return (
    <section className="rd-changes-section" aria-labelledby={id} data-testid={id}>
      <h3 className="rd-section-title" id={id}>
        {title} <span className="rd-changes-count">{count}</span>
      </h3>
      {count === 0 ? <p className="rd-changes-empty">{empty}</p> : <ul className={list}>{children}</ul>}
    </section>
  );
}

function ChangeItem({ row, change: c }: { row: ChangeRow; change: BehaviourChange }) {
  const { index } = row;
  const store = useDesignStore();
  const picked = useDesign((s) => s.compare.picked === index);
  const handleClick = (): void => {
    const s = store.getState();
    // One lit path at a time: the picked change's, not the simulator's last answer.
    if (s.simulator.active) s.clearSimulator();
    s.pickChange(picked ? null : index);
  };
  return (
    <li>
      <button type="button" className={`rd-change${picked ? ' is-picked' : ''}`} aria-pressed={picked} onClick={handleClick} data-testid="change" data-index={index} title={row.class}>
        <span className="rd-change-aspects">
          {changeAspects(c).map((a) => (
            <span key={a} className="rd-change-aspect">
              {a}
            </span>
          ))}
          {row.requests > 1 && <span className="rd-change-requests">{row.requests.toLocaleString('en')} requests alike</span>}
        </span>
        <span className="rd-change-witness">{row.request}</span>
        <span className="rd-change-side">
          <span className="rd-change-when">before</span>
          <span className="rd-change-outcome" data-testid="change-before">
            {row.before}
          </span>
        </span>
        <span className="rd-change-side">
          <span className="rd-change-when">after</span>
          <span className="rd-change-outcome" data-testid="change-after">
            {row.after}
          </span>
        </span>
      </button>
    </li>
  );
}

function StatusItem({ change }: { change: StatusChange }) {
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
function AddedProblem({ diagnostic }: { diagnostic: Diagnostic }) {
  const index = useDesign((s) => selectDiagnostics(s).findIndex((d) => sameDiagnostic(d, diagnostic)));
  if (index >= 0) return <ProblemRow index={index} diagnostic={diagnostic} />;
  return <StaticProblem diagnostic={diagnostic} where="after" testId="added-problem" />;
}

/** A problem said, not linked: one of the before version only (its lines are not the editor's), or one the editor no longer has. */
function StaticProblem({ diagnostic: d, where, testId }: { diagnostic: Diagnostic; where: 'before' | 'after'; testId: string }) {
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
