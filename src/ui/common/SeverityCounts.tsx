import type { DiagnosticCounts } from '../../core/index';

/** Error and warning counts as small coloured marks; nothing when clean. */
export function SeverityCounts({ counts }: { counts: DiagnosticCounts }) {
  if (counts.error === 0 && counts.warning === 0) return null;
  return (
    <span className="rd-counts">
      {counts.error > 0 && (
        <span className="rd-count rd-sev-error" title={`${counts.error} error${counts.error === 1 ? '' : 's'}`}>
          <SeverityIcon severity="error" /> {counts.error}
        </span>
      )}
      {counts.warning > 0 && (
        <span className="rd-count rd-sev-warning" title={`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`}>
          <SeverityIcon severity="warning" /> {counts.warning}
        </span>
      )}
    </span>
  );
}

export function SeverityIcon({ severity }: { severity: 'error' | 'warning' | 'info' }) {
  if (severity === 'error') {
    return (
      <svg className="rd-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="currentColor" />
        <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" stroke="var(--rd-icon-contrast)" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    );
  }
  if (severity === 'warning') {
    return (
      <svg className="rd-icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 1.8l6.6 11.6H1.4z" fill="currentColor" strokeLinejoin="round" />
        <path d="M8 6v3.4M8 11.3v.1" stroke="var(--rd-icon-contrast)" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg className="rd-icon" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path d="M8 7.2v4M8 4.8v.1" stroke="var(--rd-icon-contrast)" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
