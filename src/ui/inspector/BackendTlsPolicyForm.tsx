import { addPolicyTarget, appendItem, caSourceOf, getAt, removeItem, setCaSource, type CaSource } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormSection } from './FormParts';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const CA_LABEL: Readonly<Record<CaSource, string>> = { System: 'System (well-known roots)', refs: 'Certificate refs' };

/**
 * BackendTLSPolicy: the Services (of its own namespace) a Gateway reaches over TLS, the hostname
 * it expects their certificate for, and the CA it trusts — the system's roots or given certificates.
 */
export function BackendTlsPolicyForm({ target }: { target: Target }) {
  const targets = list(getAt(target.object, ['spec', 'targetRefs']));
  const source = caSourceOf(target.object);
  const refs = list(getAt(target.object, ['spec', 'validation', 'caCertificateRefs']));
  return (
    <>
      <FormSection title={`Targets (${targets.length})`} testId="form-policy-targets" actions={<EditButton target={target} label="Add a target Service" update={addPolicyTarget} testId="add-policy-target">+ target</EditButton>}>
        {targets.map((_, i) => (
          <FieldRow key={i}>
            <Field target={target} path={['spec', 'targetRefs', i, 'name']} label="Service" />
            <Field target={target} path={['spec', 'targetRefs', i, 'sectionName']} label="Port name" placeholder="every port" />
            <EditButton target={target} kind="icon" label={`Remove target ${i + 1}`} update={(o) => removeItem(o, ['spec', 'targetRefs', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
      <FormSection title="Validation" testId="form-policy-validation">
        <Field target={target} path={['spec', 'validation', 'hostname']} label="Hostname (SNI, certificate)" />
        <SelectField
          target={target}
          path={['spec', 'validation']}
          label="Trusted CA"
          options={Object.values(CA_LABEL)}
          read={() => CA_LABEL[source]}
          build={(o, v) => setCaSource(o, v === CA_LABEL.refs ? 'refs' : 'System')}
          testId="field-ca-source"
        />
        {source === 'refs' &&
          refs.map((_, i) => (
            <FieldRow key={i}>
              <SelectField target={target} path={['spec', 'validation', 'caCertificateRefs', i, 'kind']} label="Kind" options={['ConfigMap', 'Secret']} />
              <Field target={target} path={['spec', 'validation', 'caCertificateRefs', i, 'name']} label="Name" />
              <EditButton target={target} kind="icon" label={`Remove CA ${i + 1}`} update={(o) => removeItem(o, ['spec', 'validation', 'caCertificateRefs', i])} disabled={refs.length === 1}>
                ×
              </EditButton>
            </FieldRow>
          ))}
        {source === 'refs' && (
          <div className="rd-form-actions">
            <EditButton target={target} label="Add a CA certificate" update={(o) => appendItem(o, ['spec', 'validation', 'caCertificateRefs'], { group: '', kind: 'ConfigMap', name: `ca-${refs.length + 1}` })} testId="add-policy-ca">
              + CA
            </EditButton>
          </div>
        )}
      </FormSection>
    </>
  );
}
