import { formatPath, type FieldPath } from '../../core/index';
import { SeverityIcon } from '../common/SeverityCounts';
import { useFieldDiagnostics } from './useFieldDiagnostics';

/**
 * Under a field: the errors of what is being typed (not written), or else the document's own
 * diagnostics about the field — so a problem is said where it can be fixed.
 */
export function FieldMessages({ resourceId, path, errors, exact = false }: { resourceId: string; path: FieldPath; errors: readonly string[] | null; exact?: boolean }) {
  const within = useFieldDiagnostics(resourceId, path);
  // `exact`: only what is about the entry itself (a listener, a parentRef), not about its fields.
  const diagnostics = exact ? within.filter((d) => d.path === formatPath(path)) : within;
  if (errors) {
    return (
      <ul className="rd-field-messages" data-testid="field-error">
        {errors.map((e) => (
          <li key={e} className="is-error">
            <SeverityIcon severity="error" />
            <span className="rd-field-message">
              {e} <span className="rd-muted">— not applied</span>
            </span>
          </li>
        ))}
      </ul>
    );
  }
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <ul className="rd-field-messages" data-testid="field-diagnostic">
      {shown.map((d, i) => (
        <li key={`${d.code}:${i}`} className={`is-${d.severity}`}>
          <SeverityIcon severity={d.severity} />
          <span className="rd-field-message">
            {d.message} <code>{d.code}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
