import { addVsHeaderMatch, getAt, isRecord, setField, type KubeObject } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow } from './FormParts';
import { SelectField } from './SelectField';
import { VsDestinations } from './VsDestinations';

const STRING_MATCH = ['prefix', 'exact', 'regex'] as const;

/** The kind of an Istio StringMatch (`{prefix: "/"}` → prefix). */
const matchKind = (v: unknown): string | undefined => (isRecord(v) ? Object.keys(v).find((k) => (STRING_MATCH as readonly string[]).includes(k)) : undefined);

/** The fields of one http route: name, URI match, header matches, destinations, timeout. */
export function VsRouteFields({ target, index }: { target: Target; index: number }) {
  const at = ['spec', 'http', index] as const;
  const uriAt = [...at, 'match', 0, 'uri'] as const;
  const kind = matchKind(getAt(target.object, uriAt)) ?? 'prefix';
  const headers = getAt(target.object, [...at, 'match', 0, 'headers']);
  const names = isRecord(headers) ? Object.keys(headers) : [];
  const setUri = (o: KubeObject, type: string, value: unknown): KubeObject => setField(o, [...uriAt], value === undefined || value === '' ? undefined : { [type]: value });
  return (
    <>
      <FieldRow>
        <Field target={target} path={[...at, 'name']} label="Name" />
        <Field target={target} path={[...at, 'timeout']} label="Timeout" placeholder="e.g. 10s" />
      </FieldRow>
      <FieldRow>
        <SelectField target={target} path={[...uriAt]} label="URI" options={STRING_MATCH} read={() => kind} build={(o, v) => setUri(o, String(v ?? 'prefix'), getAt(o, [...uriAt, kind]) ?? '/')} />
        <Field target={target} path={[...uriAt, kind]} label="Value" placeholder="any URI" build={(o, v) => setUri(o, kind, v)} />
      </FieldRow>
      {names.map((name) => {
        const hk = matchKind(getAt(headers, [name])) ?? 'exact';
        return (
          <FieldRow key={name}>
            <span className="rd-form-op">header</span>
            <Field target={target} path={[...at, 'match', 0, 'headers', name, hk]} label={`${name} (${hk})`} />
            <EditButton target={target} kind="icon" label={`Remove the ${name} header match`} update={(o) => setField(o, [...at, 'match', 0, 'headers', name], undefined)}>
              ×
            </EditButton>
          </FieldRow>
        );
      })}
      <EditButton target={target} label="Add a header match" update={(o) => addVsHeaderMatch(o, index)} testId={`add-vs-header-${index}`}>
        + header
      </EditButton>
      <VsDestinations target={target} section="http" index={index} />
    </>
  );
}
