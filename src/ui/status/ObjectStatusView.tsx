import { selectObjectStatus, useDesign } from '../../store/index';
import { toYaml } from './status-yaml';
import './status.css';

/**
 * The selected object's controller status (conditions with type, status, reason, message), as
 * `kubectl get -o yaml` would show it once a conformant controller has written it.
 */
export function ObjectStatusView({ resourceId }: { resourceId: string }) {
  const item = useDesign((s) => selectObjectStatus(s, resourceId));
  if (!item) return null;
  const conditions = [
    ...(item.status.conditions ?? []),
    ...(item.status.parents ?? []).flatMap((p) => p.conditions),
    ...(item.status.listeners ?? []).flatMap((l) => l.conditions),
  ];
  const bad = conditions.filter((c) => (c.type === 'Conflicted' || c.type === 'PartiallyInvalid' || c.type === 'OverlappingTLSConfig' ? c.status === 'True' : c.status === 'False'));
  return (
    <section>
      <h3 className="rd-section-title">Status{bad.length > 0 ? ` (${bad.length} ${bad.length === 1 ? 'problem' : 'problems'})` : ''}</h3>
      {bad.map((c, i) => (
        <p key={i} className="rd-callout rd-callout-warning rd-status-bad">
          <strong>
            {c.type}={c.status} {c.reason}
          </strong>{' '}
          {c.message}
        </p>
      ))}
      <pre className="rd-status-yaml" data-testid="inspector-status" tabIndex={0} aria-label="Status as YAML">
        {hanging(toYaml({ status: item.status }))}
      </pre>
      <p className="rd-muted rd-status-note">What a conformant controller would write.</p>
    </section>
  );
}

/**
 * Each YAML line as its own block with a hanging indent: a long message wraps inside the panel
 * (no sideways scrolling) and its continuation stays under its key. The text, copied, is the YAML.
 */
function hanging(yaml: string) {
  return yaml.split('\n').map((line, i) => {
    const indent = line.length - line.trimStart().length + (line.trimStart().startsWith('- ') ? 2 : 0);
    return (
      <span key={i} className="rd-status-line" style={{ paddingLeft: `${indent + 2}ch`, textIndent: `-${indent + 2}ch` }}>
        {line}
        {'\n'}
      </span>
    );
  });
}
