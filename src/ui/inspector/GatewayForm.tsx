import { addListener, getAt, LISTENER_PROTOCOLS, removeItem, setCertificateRef, setListenerProtocol, type DesignListenerProtocol } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormItem, FormSection } from './FormParts';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Gateway API Gateway / ListenerSet: class (or parent), then one editor per listener. */
export function GatewayForm({ target, kind }: { target: Target; kind: string }) {
  const listeners = list(getAt(target.object, ['spec', 'listeners']));
  return (
    <>
      {kind === 'Gateway' ? (
        <Field target={target} path={['spec', 'gatewayClassName']} label="GatewayClass" />
      ) : (
        <Field target={target} path={['spec', 'parentRef', 'name']} label="Parent Gateway" />
      )}
      <FormSection
        title={`Listeners (${listeners.length})`}
        testId="form-listeners"
        actions={
          <>
            <EditButton target={target} label="Add an HTTP listener on port 80" update={(o) => addListener(o, { protocol: 'HTTP', port: 80 })} testId="add-listener-http">
              + HTTP :80
            </EditButton>
            <EditButton target={target} label="Add an HTTPS listener on port 443" update={(o) => addListener(o, { protocol: 'HTTPS', port: 443 })} testId="add-listener-https">
              + HTTPS :443
            </EditButton>
          </>
        }
      >
        {listeners.map((l, i) => (
          <ListenerEditor key={i} target={target} index={i} protocol={String(getAt(l, ['protocol']) ?? '')} />
        ))}
      </FormSection>
    </>
  );
}

function ListenerEditor({ target, index, protocol }: { target: Target; index: number; protocol: string }) {
  const at = ['spec', 'listeners', index] as const;
  const name = String(getAt(target.object, [...at, 'name']) ?? `#${index}`);
  const tls = protocol === 'HTTPS' || protocol === 'TLS';
  return (
    <FormItem
      title={`${name} · ${protocol}`}
      testId={`listener-${index}`}
      at={{ target, path: at }}
      tools={
        <EditButton target={target} kind="icon" label={`Remove listener ${name}`} update={(o) => removeItem(o, [...at])}>
          ×
        </EditButton>
      }
    >
      <FieldRow>
        <Field target={target} path={[...at, 'name']} label="Name" />
        <SelectField target={target} path={[...at, 'protocol']} label="Protocol" options={LISTENER_PROTOCOLS} build={(o, v) => setListenerProtocol(o, index, v as DesignListenerProtocol)} />
        <Field target={target} path={[...at, 'port']} label="Port" type="number" />
      </FieldRow>
      <Field target={target} path={[...at, 'hostname']} label="Hostname" placeholder="any host (e.g. *.example.com)" />
      {tls && (
        <FieldRow>
          <SelectField target={target} path={[...at, 'tls', 'mode']} label="TLS mode" options={['Terminate', 'Passthrough']} absent="Terminate (default)" />
          {protocol === 'HTTPS' || getAt(target.object, [...at, 'tls', 'mode']) !== 'Passthrough' ? (
            <Field target={target} path={[...at, 'tls', 'certificateRefs', 0, 'name']} label="Certificate Secret" build={(o, v) => setCertificateRef(o, index, String(v ?? ''))} />
          ) : null}
        </FieldRow>
      )}
      <SelectField target={target} path={[...at, 'allowedRoutes', 'namespaces', 'from']} label="Routes from namespaces" options={['Same', 'All', 'Selector']} absent="Same (default)" />
    </FormItem>
  );
}
