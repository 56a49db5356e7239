import { getAt, removeItem, setField, type FieldPath, type KubeObject } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow } from './FormParts';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One filter of a rule, by type. @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefilter */
export function FilterEditor({ target, rule, index }: { target: Target; rule: number; index: number }) {
  const at: FieldPath = ['spec', 'rules', rule, 'filters', index];
  const type = String(getAt(target.object, [...at, 'type']) ?? '?');
  return (
    <div className="rd-form-filter" data-testid={`filter-${rule}-${index}`}>
      <div className="rd-form-item-head">
        <span className="rd-chip">{type}</span>
        <span className="rd-spacer" />
        <EditButton target={target} kind="icon" label={`Remove the ${type} filter`} update={(o) => removeItem(o, at)}>
          ×
        </EditButton>
      </div>
      <FilterFields target={target} at={at} type={type} />
    </div>
  );
}

function FilterFields({ target, at, type }: { target: Target; at: FieldPath; type: string }) {
  switch (type) {
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier':
      return <HeaderModifier target={target} at={[...at, type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier']} />;
    case 'URLRewrite':
      return (
        <>
          <Field target={target} path={[...at, 'urlRewrite', 'hostname']} label="Rewrite host" />
          <PathModifier target={target} at={[...at, 'urlRewrite', 'path']} />
        </>
      );
    case 'RequestRedirect':
      return (
        <>
          <FieldRow>
            <SelectField target={target} path={[...at, 'requestRedirect', 'scheme']} label="Scheme" options={['http', 'https']} absent="as requested" />
            <Field target={target} path={[...at, 'requestRedirect', 'hostname']} label="Host" />
            <Field target={target} path={[...at, 'requestRedirect', 'port']} label="Port" type="number" />
            <SelectField target={target} path={[...at, 'requestRedirect', 'statusCode']} label="Status" options={['301', '302', '303', '307', '308']} absent="302 (default)" build={(o, v) => setField(o, [...at, 'requestRedirect', 'statusCode'], v === undefined ? undefined : Number(v))} />
          </FieldRow>
          <PathModifier target={target} at={[...at, 'requestRedirect', 'path']} />
        </>
      );
    case 'RequestMirror':
      return (
        <FieldRow>
          <Field target={target} path={[...at, 'requestMirror', 'backendRef', 'name']} label="Mirror to Service" />
          <Field target={target} path={[...at, 'requestMirror', 'backendRef', 'port']} label="Port" type="number" />
          <Field target={target} path={[...at, 'requestMirror', 'percent']} label="Percent" type="number" placeholder="100" />
        </FieldRow>
      );
    default:
      return <p className="rd-hint">Edit this filter in the YAML.</p>;
  }
}

function HeaderModifier({ target, at }: { target: Target; at: FieldPath }) {
  const entries = (['set', 'add'] as const).flatMap((op) => list(getAt(target.object, [...at, op])).map((_, i) => ({ op, i })));
  return (
    <>
      {entries.map(({ op, i }) => (
        <FieldRow key={`${op}${i}`}>
          <span className="rd-form-op">{op}</span>
          <Field target={target} path={[...at, op, i, 'name']} label="Header" />
          <Field target={target} path={[...at, op, i, 'value']} label="Value" />
          <EditButton target={target} kind="icon" label={`Remove this ${op}`} update={(o) => removeItem(o, [...at, op, i])}>
            ×
          </EditButton>
        </FieldRow>
      ))}
      <Field target={target} path={[...at, 'remove']} label="Remove headers" type="list" placeholder="none" />
    </>
  );
}

const VALUE_OF: Readonly<Record<string, string>> = { ReplaceFullPath: 'replaceFullPath', ReplacePrefixMatch: 'replacePrefixMatch' };

/** A path modifier: its type decides which field holds the value (moved along when the type changes). */
function PathModifier({ target, at }: { target: Target; at: FieldPath }) {
  const type = getAt(target.object, [...at, 'type']);
  const field = typeof type === 'string' ? VALUE_OF[type] : undefined;
  const build = (o: KubeObject, v: unknown): KubeObject => {
    if (v === undefined) return setField(o, at, undefined);
    const old = field ? getAt(o, [...at, field]) : undefined;
    return setField(o, at, { type: v, [VALUE_OF[String(v)] ?? 'replaceFullPath']: typeof old === 'string' ? old : '/' });
  };
  return (
    <FieldRow>
      <SelectField target={target} path={[...at, 'type']} label="Path" options={Object.keys(VALUE_OF)} absent="unchanged" build={build} />
      {field && <Field target={target} path={[...at, field]} label="To" />}
    </FieldRow>
  );
}
