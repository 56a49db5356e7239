import { addRule, getAt, isRecord, removeItem } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { FieldMessages } from './FieldMessages';
import { EditButton, FormSection } from './FormParts';
import { RuleEditor } from './RuleEditor';
import { ConnectPicker } from './ConnectPicker';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const HOSTNAMES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute']);

function parentText(ref: unknown): string {
  if (!isRecord(ref)) return '?';
  const kind = typeof ref.kind === 'string' ? ref.kind : 'Gateway';
  const ns = typeof ref.namespace === 'string' ? `${ref.namespace}/` : '';
  const section = typeof ref.sectionName === 'string' ? ` · listener ${ref.sectionName}` : '';
  const port = typeof ref.port === 'number' ? ` · port ${ref.port}` : '';
  return `${kind} ${ns}${String(ref.name)}${section}${port}${kind === 'Service' ? ' (mesh)' : ''}`;
}

/** HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute: hostnames, parents, rules. */
export function RouteForm({ target, kind }: { target: Target; kind: string }) {
  const parents = list(getAt(target.object, ['spec', 'parentRefs']));
  const rules = list(getAt(target.object, ['spec', 'rules']));
  return (
    <>
      {HOSTNAMES.has(kind) && <Field target={target} path={['spec', 'hostnames']} label="Hostnames" type="list" placeholder="any host (comma separated)" />}
      <FormSection title={`Parents (${parents.length})`} testId="form-parents" actions={<ConnectPicker resourceId={target.id} mode="parent" testId="add-parent" />}>
        {parents.length === 0 && <p className="rd-hint">Not attached: drag from a Gateway listener (or a Service, for the mesh) to this route, or choose one under “+ parent”.</p>}
        <ul className="rd-form-list">
          {parents.map((p, i) => (
            <li key={i} data-testid="parent-ref">
              <div className="rd-form-list-row">
                <span>{parentText(p)}</span>
                <EditButton target={target} kind="icon" label={`Detach from ${parentText(p)}`} update={(o) => removeItem(o, ['spec', 'parentRefs', i])}>
                  ×
                </EditButton>
              </div>
              <FieldMessages resourceId={target.id} path={['spec', 'parentRefs', i]} errors={null} exact />
            </li>
          ))}
        </ul>
      </FormSection>
      <FormSection
        title={`Rules (${rules.length})`}
        testId="form-rules"
        actions={
          <EditButton target={target} label="Add a rule" update={addRule} testId="add-rule">
            + rule
          </EditButton>
        }
      >
        {rules.map((_, i) => (
          <RuleEditor key={i} target={target} kind={kind} index={i} />
        ))}
      </FormSection>
    </>
  );
}
