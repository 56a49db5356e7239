import type { ReactNode } from 'react';
import { selectChangeRows, useDesign } from '../../store/index';
import { ChangeItem } from './ChangeItem';
import { useCompareUi } from './compare-ui-state';
import { AddedProblem, StaticProblem, StatusItem } from './OtherChanges';
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
