import { formatPath, getAt, removeItem } from '../../core/index';
import { ConnectPicker } from './ConnectPicker';
import type { Target } from './field-model';
import { Field } from './Field';
import { FieldMessages } from './FieldMessages';
import { EditButton, FieldRow } from './FormParts';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The weighted backends of a rule; a new one is added by dragging from the rule to a Service, or by "+ backend". */
export function BackendsEditor({ target, rule }: { target: Target; rule: number }) {
  const at = ['spec', 'rules', rule, 'backendRefs'] as const;
  const refs = list(getAt(target.object, at));
  return (
    <>
      <div className="rd-form-sub">
        Backends {refs.length === 0 && <span className="rd-muted">— drag from the rule to a Service, or choose one</span>}
      </div>
      {refs.map((_, i) => (
        <div key={i}>
          <FieldRow>
            <Field target={target} path={[...at, i, 'name']} label="Service" />
            <Field target={target} path={[...at, i, 'port']} label="Port" type="number" />
            <Field target={target} path={[...at, i, 'weight']} label="Weight" type="number" placeholder="1" testId={`backend-weight-${rule}-${i}`} />
            <EditButton target={target} kind="icon" label={`Remove backend ${i + 1}`} update={(o) => removeItem(o, [...at, i])}>
              ×
            </EditButton>
          </FieldRow>
          <FieldMessages resourceId={target.id} path={[...at, i]} errors={null} exact />
        </div>
      ))}
      <ConnectPicker resourceId={target.id} mode="backend" rulePath={formatPath(['spec', 'rules', rule])} testId={`add-backend-${rule}`} />
    </>
  );
}
