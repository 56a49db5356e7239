import { addServer, addServicePort, addSubset, getAt, removeItem } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormItem, FormSection } from './FormParts';
import { labelsField } from './labels-field';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Istio Gateway: the workload it configures, and its servers. */
export function IstioGatewayForm({ target }: { target: Target }) {
  const servers = list(getAt(target.object, ['spec', 'servers']));
  return (
    <>
      <Field target={target} path={['spec', 'selector']} label="Selector (gateway pods)" {...labelsField(['spec', 'selector'])} />
      <FormSection
        title={`Servers (${servers.length})`}
        actions={
          <>
            <EditButton target={target} label="Add an HTTP server on port 80" update={(o) => addServer(o, { protocol: 'HTTP', port: 80 })} testId="add-server-http">
              + HTTP :80
            </EditButton>
            <EditButton target={target} label="Add an HTTPS server on port 443" update={(o) => addServer(o, { protocol: 'HTTPS', port: 443 })} testId="add-server-https">
              + HTTPS :443
            </EditButton>
          </>
        }
      >
        {servers.map((_, i) => {
          const at = ['spec', 'servers', i] as const;
          return (
            <FormItem
              key={i}
              title={String(getAt(target.object, [...at, 'port', 'name']) ?? `server ${i + 1}`)}
              testId={`server-${i}`}
              tools={
                <EditButton target={target} kind="icon" label={`Remove server ${i + 1}`} update={(o) => removeItem(o, [...at])}>
                  ×
                </EditButton>
              }
            >
              <FieldRow>
                <Field target={target} path={[...at, 'port', 'name']} label="Name" />
                <SelectField target={target} path={[...at, 'port', 'protocol']} label="Protocol" options={['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'TLS', 'TCP']} />
                <Field target={target} path={[...at, 'port', 'number']} label="Port" type="number" />
              </FieldRow>
              <Field target={target} path={[...at, 'hosts']} label="Hosts" type="list" />
              {getAt(target.object, [...at, 'tls']) !== undefined && (
                <FieldRow>
                  <SelectField target={target} path={[...at, 'tls', 'mode']} label="TLS mode" options={['SIMPLE', 'PASSTHROUGH', 'MUTUAL', 'ISTIO_MUTUAL', 'AUTO_PASSTHROUGH', 'OPTIONAL_MUTUAL']} />
                  <Field target={target} path={[...at, 'tls', 'credentialName']} label="Credential (Secret)" />
                </FieldRow>
              )}
            </FormItem>
          );
        })}
      </FormSection>
    </>
  );
}

/** DestinationRule: the host it refines and its subsets (drawn as rows of that host's Service). */
export function DestinationRuleForm({ target }: { target: Target }) {
  const subsets = list(getAt(target.object, ['spec', 'subsets']));
  return (
    <>
      <Field target={target} path={['spec', 'host']} label="Host" />
      <FormSection title={`Subsets (${subsets.length})`} actions={<EditButton target={target} label="Add a subset" update={addSubset} testId="add-subset">+ subset</EditButton>}>
        {subsets.map((_, i) => (
          <FieldRow key={i}>
            <Field target={target} path={['spec', 'subsets', i, 'name']} label="Subset" />
            <Field target={target} path={['spec', 'subsets', i, 'labels']} label="Pod labels" {...labelsField(['spec', 'subsets', i, 'labels'])} />
            <EditButton target={target} kind="icon" label={`Remove subset ${i + 1}`} update={(o) => removeItem(o, ['spec', 'subsets', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
    </>
  );
}

/** Service: the pods it selects and its ports (what backendRefs name). */
export function ServiceForm({ target }: { target: Target }) {
  const ports = list(getAt(target.object, ['spec', 'ports']));
  return (
    <>
      <Field target={target} path={['spec', 'selector']} label="Selector (pods)" {...labelsField(['spec', 'selector'])} />
      <FormSection title={`Ports (${ports.length})`} actions={<EditButton target={target} label="Add a port" update={addServicePort} testId="add-port">+ port</EditButton>}>
        {ports.map((_, i) => (
          <FieldRow key={i}>
            <Field target={target} path={['spec', 'ports', i, 'name']} label="Name" />
            <Field target={target} path={['spec', 'ports', i, 'port']} label="Port" type="number" />
            <Field target={target} path={['spec', 'ports', i, 'targetPort']} label="Target port" type="number" />
            <EditButton target={target} kind="icon" label={`Remove port ${i + 1}`} update={(o) => removeItem(o, ['spec', 'ports', i])}>
              ×
            </EditButton>
          </FieldRow>
        ))}
      </FormSection>
    </>
  );
}
