import type { ReportEntry } from '../../store/io-export';

interface LossReportProps {
  readonly entries: readonly ReportEntry[];
  readonly active: number | null;
  onSelect(index: number): void;
  /** Jump to the entry's line in the YAML editor. */
  onReveal(entry: ReportEntry): void;
  /** Converts again writing one Service per DestinationRule subset (offered on `Subset` losses while off). */
  onSubsetsAsServices?: () => void;
}

/** What the conversion could not carry over (losses) and what it restructured (notes). */
export function LossReport({ entries, active, onSelect, onReveal, onSubsetsAsServices }: LossReportProps) {
  const losses = entries.filter((e) => e.type === 'loss').length;
  const notes = entries.length - losses;
  return (
    <section className="rd-loss" aria-label="Loss report" data-testid="loss-report">
      <div className="rd-loss-head">
        <strong>Loss report</strong>
        <span className={losses > 0 ? 'rd-loss-count is-lossy' : 'rd-loss-count'} data-testid="loss-count">
          {losses === 0 ? 'lossless' : `${losses} lost`}
        </span>
        {notes > 0 && <span className="rd-loss-count">{notes} note{notes === 1 ? '' : 's'}</span>}
      </div>
      {entries.length === 0 && <p className="rd-hint">Everything carries over: the same requests get the same answers.</p>}
      <ol className="rd-loss-list">
        {entries.map((e, i) => (
          <li key={i} className={`rd-loss-entry is-${e.type}${active === i ? ' is-active' : ''}`} data-testid="loss-entry" data-code={e.code}>
            <button type="button" className="rd-loss-main" onClick={() => onSelect(i)} aria-pressed={active === i} title="Show the source object and what it became">
              <span className="rd-loss-code">
                <span className={`rd-badge rd-tone-${e.type === 'loss' ? 'warning' : 'info'}`}>{e.type}</span> <code>{e.code}</code>
              </span>
              <span className="rd-loss-message">{e.message}</span>
              <span className="rd-loss-object">
                {e.resource.kind} {e.resource.namespace ? `${e.resource.namespace}/` : ''}
                {e.resource.name}
                {e.path ? <span className="rd-muted"> · {e.path}</span> : null}
              </span>
            </button>
            <button type="button" className="rd-link rd-loss-line" onClick={() => onReveal(e)} title="Show this line in the YAML editor" data-testid="loss-line">
              {e.file}:{e.line}
            </button>
            {e.code === 'Subset' && onSubsetsAsServices && (
              <button type="button" className="rd-link rd-loss-action" onClick={onSubsetsAsServices} title="Convert again, writing one Service per DestinationRule subset" data-testid="loss-subsets-as-services">
                Write a Service per subset
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
