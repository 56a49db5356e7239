import { useState } from 'react';
import type { Diagnostic, RelatedPlace } from '../../core/index';
import { matchesFilter, NO_FILTER, selectDiagnostics, selectGraph, useDesign, useDesignStore, type ProblemFilter } from '../../store/index';
import { IconCheck } from '../common/icons';
import { SeverityIcon } from '../common/SeverityCounts';
import { ProblemFilters } from '../status/ProblemFilters';

/**
 * Every problem of the reviewer's verdict (the set `route-designer validate` prints), in file
 * order, filtered by severity, check and kind. A click jumps to its line and its node.
 */
export function ProblemsList() {
  const diagnostics = useDesign(selectDiagnostics);
  const analyzed = useDesign((s) => s.analysis !== null);
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER);
  if (!analyzed) return <p className="rd-empty">Checking…</p>;
  if (diagnostics.length === 0) {
    return (
      <p className="rd-empty rd-empty-ok" data-testid="no-problems">
        <IconCheck /> No problems
      </p>
    );
  }
  const shown = diagnostics.map((d, i) => [d, i] as const).filter(([d]) => matchesFilter(d, filter));
  return (
    <>
      <ProblemFilters diagnostics={diagnostics} filter={filter} onChange={setFilter} />
      <p className="rd-problems-shown" data-testid="problems-shown" aria-live="polite">
        {shown.length === diagnostics.length ? `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}` : `${shown.length} of ${diagnostics.length} problems shown`}
        {shown.length !== diagnostics.length && (
          <button type="button" className="rd-link" onClick={() => setFilter(NO_FILTER)} data-testid="filter-clear">
            show all
          </button>
        )}
      </p>
      <ul className="rd-problems" data-testid="problems">
        {shown.map(([d, i]) => (
          <ProblemRow key={`${i}:${d.code}:${d.line}:${d.column}`} index={i} diagnostic={d} />
        ))}
      </ul>
    </>
  );
}

export function ProblemRow({ index, diagnostic: d, compact = false }: { index: number; diagnostic: Diagnostic; compact?: boolean }) {
  const store = useDesignStore();
  const related = d.related ?? [];
  const witness = d.witness;
  return (
    <li className="rd-problem-item">
      <button type="button" className={`rd-problem rd-sev-${d.severity}`} data-testid="problem" data-code={d.code} data-severity={d.severity} data-line={d.line} onClick={() => store.getState().openProblem(index)}>
        <SeverityIcon severity={d.severity} />
        <span className="rd-problem-body">
          <span className="rd-problem-message">{d.message}</span>
          <span className="rd-problem-meta">
            <code>{d.code}</code>
            {d.istioCode && <code title="the istioctl analyze message with the same meaning">{d.istioCode}</code>}
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
      {(related.length > 0 || witness) && (
        <div className="rd-problem-actions">
          {related.map((r, k) => (
            <RelatedLink key={k} place={r} />
          ))}
          {witness && (
            <button type="button" className="rd-link" data-testid="problem-simulate" title={`Send ${witness.request} in the simulator`} onClick={() => store.getState().simulateWitness(witness)}>
              ▶ Simulate this
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** `shadowed by HTTPRoute shop/cart spec.rules[0]`: a click selects that rule on the canvas. */
function RelatedLink({ place }: { place: RelatedPlace }) {
  const store = useDesignStore();
  const target = useDesign((s) => {
    const graph = selectGraph(s);
    for (const n of graph.nodes) {
      if (n.kind !== place.resource.kind || n.namespace !== place.resource.namespace || n.name !== place.resource.name) continue;
      const row = n.rows.find((r) => place.path === r.path || place.path.startsWith(`${r.path}.`));
      return row ? `${n.id}\u0000${row.id}` : null;
    }
    return null;
  });
  const label = `${place.resource.kind} ${place.resource.namespace}/${place.resource.name} ${place.path}`;
  return (
    <span className="rd-problem-related">
      {place.role}{' '}
      {target ? (
        <button
          type="button"
          className="rd-link"
          data-testid="problem-related"
          onClick={() => {
            const [nodeId = '', rowId = ''] = target.split('\u0000');
            store.getState().selectRow(nodeId, rowId);
          }}
        >
          {label}
        </button>
      ) : (
        <span>{label}</span>
      )}
    </span>
  );
}
