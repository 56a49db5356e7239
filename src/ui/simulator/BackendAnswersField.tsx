import { useId, useState } from 'react';
import { readBackend, selectSimulatorInput, useDesign, useDesignStore, type BackendField } from '../../store/index';
import { activePreset, BACKEND_PRESETS, behaviourSummary } from './backend-presets';

/**
 * "Backend answers" (`simulate --backend-status/--backend-delay` in the app): how the backend
 * answers each try. Collapsed it says what is assumed ("200 at once"); open, the two fields, a few
 * presets, and a value that cannot be read said under its field.
 */
export function BackendAnswersField() {
  const store = useDesignStore();
  const input = useDesign(selectSimulatorInput);
  const [open, setOpen] = useState(false);
  const id = useId();
  const read = readBackend(input);
  // A value that cannot be read keeps the fields in view: the error is said under its field.
  const expanded = open || !read.ok;
  const active = activePreset(input);
  const set = (patch: { backendStatus?: string; backendDelay?: string }): void => store.getState().setSimulatorInput(patch);
  return (
    <div className="rd-sim-backend-answers" data-testid="sim-backend-answers">
      <button type="button" className="rd-sim-disclosure" aria-expanded={expanded} aria-controls={`${id}-body`} data-testid="sim-backend-toggle" onClick={() => setOpen(!expanded)}>
        <span className="rd-sim-disclosure-mark" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="rd-sim-disclosure-text">
          <span className="rd-sim-field-label">Backend answers</span>
          <span className={`rd-sim-backend-summary${read.ok ? '' : ' is-invalid'}`} data-testid="sim-backend-summary">
            {read.ok ? behaviourSummary(read.behaviour) : 'cannot be read'}
          </span>
        </span>
      </button>
      {expanded && (
        <div id={`${id}-body`} className="rd-sim-backend-body">
          <div className="rd-sim-presets" role="group" aria-label="Backend answer presets">
            {BACKEND_PRESETS.map((p) => (
              <button key={p.id} type="button" className="rd-sim-preset" aria-pressed={active === p.id} data-testid={`sim-backend-preset-${p.id}`} onClick={() => set({ backendStatus: p.status, backendDelay: p.delay })}>
                {p.label}
                {p.detail && <span className="rd-sim-preset-detail"> ({p.detail})</span>}
              </button>
            ))}
          </div>
          <div className="rd-sim-backend-fields">
            <BackendInput id={`${id}-status`} field="backendStatus" label="Status of each try" placeholder="200   e.g. 503,503,200" value={input.backendStatus ?? ''} error={read.ok || read.field !== 'backendStatus' ? null : read.error} onChange={set} />
            <BackendInput id={`${id}-delay`} field="backendDelay" label="Time to answer each try" placeholder="0s   e.g. 2s or 2s,0s" value={input.backendDelay ?? ''} error={read.ok || read.field !== 'backendDelay' ? null : read.error} onChange={set} />
          </div>
          <p className="rd-sim-backend-hint">One value per try; the last repeats. Statuses: HTTP codes, gRPC names (UNAVAILABLE), reset, connect-failure, refused-stream.</p>
        </div>
      )}
    </div>
  );
}

interface BackendInputProps {
  readonly id: string;
  readonly field: BackendField;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (patch: { backendStatus?: string; backendDelay?: string }) => void;
}

function BackendInput({ id, field, label, placeholder, value, error, onChange }: BackendInputProps) {
  const testId = field === 'backendStatus' ? 'sim-backend-status' : 'sim-backend-delay';
  return (
    <div className="rd-sim-field">
      <label className="rd-sim-field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="rd-input rd-sim-backend-input"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : `${id}-error`}
        data-testid={testId}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
      {error !== null && (
        <span id={`${id}-error`} className="rd-sim-field-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
