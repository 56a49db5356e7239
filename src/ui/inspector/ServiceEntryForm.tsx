import { addServiceEntryEndpoint, addServiceEntryPort, getAt, removeItem } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormSection } from './FormParts';
import { labelsField } from './labels-field';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const PROTOCOLS = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TLS', 'TCP', 'MONGO'] as const;

/**
 * Istio ServiceEntry: hosts the mesh does not know by itself (an external API, a VM): where they
 * are (location), how their addresses are found (resolution), their ports and endpoints.
 */
export function ServiceEntryForm({ target }: { target: Target }) {
  const ports = list(getAt(target.object, ['spec', 'ports']));
  const endpoints = list(getAt(target.object, ['spec', 'endpoints']));
  return (
    <>
      <Field target={target} path={['spec', 'hosts']} label="Hosts" type="list" />
      <FieldRow>
        <SelectField target={target} path={['spec', 'location']} label="Location" options={['MESH_EXTERNAL', 'MESH_INTERNAL']} absent="— (MESH_EXTERNAL)" />
        <SelectField target={target} path={['spec', 'resolution']} label="Resolution" options={['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN']} absent="— (NONE)" />
      </FieldRow>
      <Field target={target} path={['spec', 'addresses']} label="Addresses (VIPs, CIDRs)" type="list" placeholder="none" />
      <FormSection title={`Ports (${ports.length})`} testId="form-se-ports" actions={<EditButton target={target} label="Add a port" update={addServiceEntryPort} testId="add-se-port">+ port</EditButton>}>
        {ports.map((_, i) => (
          <FieldRow key={i}>
            <Field target={target} path={['spec', 'ports', i, 'number']} label="Port" type="number" />
            <Field target={target} path={['spec', 'ports', i, 'name']} label="Name" />
            <SelectField target={target} path={['spec', 'ports', i, 'protocol']} label="Protocol" options={PROTOCOLS} absent="—" />
            <EditButton target={target} kind="icon" label={`Remove port ${i + 1}`} update={(o) => removeItem(o, ['spec', 'ports', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
      <FormSection title={`Endpoints (${endpoints.length})`} testId="form-se-endpoints" actions={<EditButton target={target} label="Add an endpoint" update={addServiceEntryEndpoint} testId="add-se-endpoint">+ endpoint</EditButton>}>
        {endpoints.length === 0 && <p className="rd-hint">None: with DNS resolution the hosts themselves are resolved; STATIC needs endpoints.</p>}
        {endpoints.map((_, i) => (
          <FieldRow key={i}>
            <Field target={target} path={['spec', 'endpoints', i, 'address']} label="Address" />
            <Field target={target} path={['spec', 'endpoints', i, 'labels']} label="Labels" {...labelsField(['spec', 'endpoints', i, 'labels'])} />
            <Field target={target} path={['spec', 'endpoints', i, 'weight']} label="Weight" type="number" />
            <EditButton target={target} kind="icon" label={`Remove endpoint ${i + 1}`} update={(o) => removeItem(o, ['spec', 'endpoints', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
    </>
  );
}
