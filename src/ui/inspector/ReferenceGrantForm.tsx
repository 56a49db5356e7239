import { addGrantFrom, addGrantTo, getAt, GRANT_FROM_KINDS, GRANT_TO_KINDS, removeItem, setGrantKind } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormSection } from './FormParts';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * ReferenceGrant: who, from other namespaces (`from`), may refer to which objects of this one
 * (`to`). Choosing a kind writes its group too; a `to` without a name grants every object of it.
 */
export function ReferenceGrantForm({ target }: { target: Target }) {
  const from = list(getAt(target.object, ['spec', 'from']));
  const to = list(getAt(target.object, ['spec', 'to']));
  const namespace = String(getAt(target.object, ['metadata', 'namespace']) ?? 'default');
  return (
    <>
      <FormSection title={`From (${from.length})`} testId="form-grant-from" actions={<EditButton target={target} label="Allow another kind or namespace" update={addGrantFrom} testId="add-grant-from">+ from</EditButton>}>
        {from.map((_, i) => (
          <FieldRow key={i}>
            <SelectField target={target} path={['spec', 'from', i, 'kind']} label="Kind" options={GRANT_FROM_KINDS} build={(o, v) => setGrantKind(o, 'from', i, String(v ?? 'HTTPRoute'))} />
            <Field target={target} path={['spec', 'from', i, 'namespace']} label="Namespace" />
            <EditButton target={target} kind="icon" label={`Remove from ${i + 1}`} update={(o) => removeItem(o, ['spec', 'from', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
      <FormSection title={`To, in ${namespace} (${to.length})`} testId="form-grant-to" actions={<EditButton target={target} label="Grant another kind" update={addGrantTo} testId="add-grant-to">+ to</EditButton>}>
        {to.map((entry, i) => (
          <FieldRow key={i}>
            <SelectField target={target} path={['spec', 'to', i, 'kind']} label="Kind" options={GRANT_TO_KINDS} build={(o, v) => setGrantKind(o, 'to', i, String(v ?? 'Service'))} />
            <Field target={target} path={['spec', 'to', i, 'name']} label="Name" placeholder={`every ${String(getAt(entry, ['kind']) ?? 'object')}`} />
            <EditButton target={target} kind="icon" label={`Remove to ${i + 1}`} update={(o) => removeItem(o, ['spec', 'to', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
    </>
  );
}
