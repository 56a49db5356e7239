import { formatPath, getAt, removeItem, type VsSection } from '../../core/index';
import { ConnectPicker } from './ConnectPicker';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow } from './FormParts';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The weighted destinations of one VirtualService route (a new one is added by dragging from the
 * route to a Service). TLS and TCP destinations name a port too: the connection is not HTTP.
 */
export function VsDestinations({ target, section, index }: { target: Target; section: VsSection; index: number }) {
  const at = ['spec', section, index, 'route'] as const;
  const routes = list(getAt(target.object, at));
  const prefix = section === 'http' ? 'vs' : `vs-${section}`;
  return (
    <>
      <div className="rd-form-sub">Destinations {routes.length === 0 && <span className="rd-muted">— drag from the route to a Service or a subset, or choose one</span>}</div>
      {routes.map((_, j) => (
        <FieldRow key={j}>
          <Field target={target} path={[...at, j, 'destination', 'host']} label="Host" />
          {section === 'http' ? <Field target={target} path={[...at, j, 'destination', 'subset']} label="Subset" /> : <Field target={target} path={[...at, j, 'destination', 'port', 'number']} label="Port" type="number" />}
          <Field target={target} path={[...at, j, 'weight']} label="Weight" type="number" testId={`${prefix}-weight-${index}-${j}`} />
          <EditButton target={target} kind="icon" label={`Remove destination ${j + 1}`} update={(o) => removeItem(o, [...at, j])}>
            ×
          </EditButton>
        </FieldRow>
      ))}
      <ConnectPicker resourceId={target.id} mode="backend" rulePath={formatPath(['spec', section, index])} testId={`${prefix}-add-destination-${index}`} />
    </>
  );
}
