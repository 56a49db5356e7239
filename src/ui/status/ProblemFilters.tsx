import { PROBLEM_FAMILIES, problemFamily, type Diagnostic, type Severity } from '../../core/index';
import type { ProblemFilter } from '../../store/index';
import { SeverityIcon } from '../common/SeverityCounts';
import './problems.css';

const SEVERITIES: readonly { id: Severity; one: string; many: string }[] = [
  { id: 'error', one: 'error', many: 'errors' },
  { id: 'warning', one: 'warning', many: 'warnings' },
  { id: 'info', one: 'info', many: 'infos' },
];

/**
 * The Problems panel's filters: a toggle per severity (with its count, the toolbar's), the check
 * a problem comes from (YAML, API server, controller, istioctl, unreachable rules) and the kind of
 * the resource it is about. The lists offer only what the current problems hold.
 */
export function ProblemFilters({ diagnostics, filter, onChange }: { diagnostics: readonly Diagnostic[]; filter: ProblemFilter; onChange: (filter: ProblemFilter) => void }) {
  const count = (s: Severity): number => diagnostics.filter((d) => d.severity === s).length;
  const families = PROBLEM_FAMILIES.map((f) => ({ ...f, n: diagnostics.filter((d) => problemFamily(d) === f.id).length })).filter((f) => f.n > 0 || f.id === filter.family);
  const kinds = new Map<string, number>();
  for (const d of diagnostics) if (d.resource) kinds.set(d.resource.kind, (kinds.get(d.resource.kind) ?? 0) + 1);
  if (filter.kind !== '' && !kinds.has(filter.kind)) kinds.set(filter.kind, 0);
  const toggle = (s: Severity): void => onChange({ ...filter, severities: filter.severities.includes(s) ? filter.severities.filter((x) => x !== s) : [...filter.severities, s] });
  return (
    <div className="rd-problem-filters" role="toolbar" aria-label="Filter problems" data-testid="problem-filters">
      <div className="rd-problem-severities">
        {SEVERITIES.map((s) => {
          const n = count(s.id);
          return (
            <button
              key={s.id}
              type="button"
              className={`rd-problem-toggle rd-sev-${s.id}`}
              aria-pressed={filter.severities.includes(s.id)}
              title={`Show ${s.many}`}
              data-testid={`filter-${s.id}`}
              onClick={() => toggle(s.id)}
            >
              <SeverityIcon severity={s.id} /> {n} {n === 1 ? s.one : s.many}
            </button>
          );
        })}
      </div>
      <div className="rd-problem-selects">
        <select aria-label="Check" value={filter.family} data-testid="filter-family" onChange={(e) => onChange({ ...filter, family: e.target.value as ProblemFilter['family'] })}>
          <option value="">Every check</option>
          {families.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} ({f.n})
            </option>
          ))}
        </select>
        <select aria-label="Kind" value={filter.kind} data-testid="filter-kind" onChange={(e) => onChange({ ...filter, kind: e.target.value })}>
          <option value="">Every kind</option>
          {[...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => (
            <option key={kind} value={kind}>
              {kind} ({n})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
