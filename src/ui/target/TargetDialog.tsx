import { useEffect, useMemo, useRef, useState } from 'react';
import { useDesign, useDesignStore } from '../../store/index';
import { Modal } from '../io/Modal';
import { classControllers, implementationChoices, ISTIO_CHOICES, releaseChoices, reportLine, resolveFields, versionChoices } from './target-choices';
import { TargetClassNotes } from './TargetClassNotes';
import { DEFAULT_FIELDS, fieldsOf, textOf, type Channel, type TargetFields } from './target-text';

const CHANNELS: readonly { readonly value: Channel; readonly label: string }[] = [
  { value: 'standard', label: 'Standard' },
  { value: 'experimental', label: 'Experimental' },
];

/**
 * The target picker (issue 14): the Gateway API release and channel whose CRDs the cluster has,
 * the implementation (and release) whose conformance report the design is judged by, the Istio
 * release. Loaded lazily (it brings the conformance and CRD data); Apply sets the store's target,
 * which is saved with the design and has it analysed again.
 */
export default function TargetDialog({ onClose }: { readonly onClose: () => void }) {
  const store = useDesignStore();
  const current = useDesign((s) => s.target);
  const resources = useDesign((s) => s.shown?.resources);
  const [fields, setFields] = useState<TargetFields>(() => fieldsOf(current));
  // Focus starts on the first choice (the Modal, whose effect runs first, focuses its Close button).
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const releases = useMemo(releaseChoices, []);
  const implementations = useMemo(implementationChoices, []);
  const versions = useMemo(() => (fields.implementation === '' ? [] : versionChoices(fields.implementation)), [fields.implementation]);
  const classes = useMemo(() => classControllers(resources ?? []), [resources]);
  const text = textOf(fields);
  const resolved = useMemo(() => resolveFields(fields), [fields]);
  const report = reportLine(resolved);
  // The report "Newest report" stands for, whatever version is picked now.
  const newest = useMemo(() => {
    const r = fields.implementation === '' ? null : resolveFields({ ...fields, version: '' });
    return r?.ok ? (r.target.implementation?.report.version ?? null) : null;
  }, [fields]);
  const change = (patch: Partial<TargetFields>): void => setFields((f) => ({ ...f, ...patch }));
  const apply = (): void => {
    if (!resolved.ok) return;
    store.getState().setTarget(text);
    onClose();
  };

  return (
    <Modal
      title="Target cluster"
      onClose={onClose}
      testId="target-dialog"
      footer={
        <>
          <button type="button" className="rd-button" onClick={() => setFields(DEFAULT_FIELDS)} data-testid="target-default">
            Default
          </button>
          <span className="rd-spacer" />
          <button type="button" className="rd-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="rd-button rd-button-primary" onClick={apply} disabled={!resolved.ok} data-testid="target-apply">
            Apply
          </button>
        </>
      }
    >
      <p className="rd-target-lead">
        What the cluster runs: the design is checked against that release’s CRDs and the implementation’s published conformance report, and the simulator follows it where the spec leaves a choice.
      </p>
      <div className="rd-target-form">
        <label htmlFor="rd-target-release">Gateway API release</label>
        <select id="rd-target-release" value={fields.release} onChange={(e) => change({ release: e.target.value })} data-testid="target-release" ref={first}>
          <option value={releases.newest.value}>{releases.newest.label}</option>
          {releases.groups.map((g) => (
            <optgroup key={g.minor} label={g.minor}>
              {g.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>

        <span id="rd-target-channel-label">Channel</span>
        <div className="rd-segmented" role="radiogroup" aria-labelledby="rd-target-channel-label">
          {CHANNELS.map((c) => (
            <label key={c.value} className={fields.channel === c.value ? 'is-on' : ''}>
              <input type="radio" name="rd-target-channel" value={c.value} checked={fields.channel === c.value} onChange={() => change({ channel: c.value })} data-testid={`target-channel-${c.value}`} />
              {c.label}
            </label>
          ))}
        </div>

        <label htmlFor="rd-target-implementation">Implementation</label>
        <select id="rd-target-implementation" value={fields.implementation} onChange={(e) => change({ implementation: e.target.value, version: '' })} data-testid="target-implementation">
          <option value="">Any (simulated, supports everything)</option>
          {implementations.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>

        <label htmlFor="rd-target-version">Its release</label>
        <select id="rd-target-version" value={fields.version} onChange={(e) => change({ version: e.target.value })} disabled={fields.implementation === ''} data-testid="target-version">
          <option value="">{fields.implementation === '' ? '—' : `Newest report${newest === null ? '' : ` (${newest})`}`}</option>
          {versions.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>

        <label htmlFor="rd-target-istio">Istio release</label>
        <select id="rd-target-istio" value={fields.istio} onChange={(e) => change({ istio: e.target.value })} data-testid="target-istio">
          <option value="">None (the newest behaviour)</option>
          {ISTIO_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>

      <div className="rd-target-facts" aria-live="polite" data-testid="target-resolved">
        {resolved.ok ? (
          <p>
            Checked against the CRDs of <strong>{summaryLine(resolved.target.release, resolved.target.channel)}</strong>
            {report === null ? (
              <> and no implementation’s report: the simulated controller supports every feature.</>
            ) : (
              <>
                {' '}
                and the conformance report of <strong>{report.name}</strong>: <code>{report.path}</code>
                {report.covers === '' ? '' : ` (${report.covers})`}.
              </>
            )}
          </p>
        ) : (
          <p className="rd-target-error" role="alert">
            {resolved.error}
          </p>
        )}
        <TargetClassNotes classes={classes} picked={fields.implementation} />
        <p className="rd-muted">
          On the command line: <code data-testid="target-cli">{text === '' ? '(no --target: the default)' : `--target ${text}`}</code>
        </p>
      </div>
    </Modal>
  );
}

const summaryLine = (release: string, channel: Channel): string => `Gateway API ${release} (${channel} channel)`;
