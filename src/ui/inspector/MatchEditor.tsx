import { addHeaderMatch, getAt, HEADER_MATCH_TYPES, HTTP_METHODS, PATH_MATCH_TYPES, removeItem } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow } from './FormParts';
import { SelectField } from './SelectField';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One HTTPRoute match: path, method, headers (all must hold). @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch */
export function MatchEditor({ target, rule, index }: { target: Target; rule: number; index: number }) {
  const at = ['spec', 'rules', rule, 'matches', index] as const;
  const headers = list(getAt(target.object, [...at, 'headers']));
  return (
    <div className="rd-form-match" data-testid={`match-${rule}-${index}`}>
      <FieldRow>
        <SelectField target={target} path={[...at, 'path', 'type']} label="Path" options={PATH_MATCH_TYPES} absent="PathPrefix (default)" />
        <Field target={target} path={[...at, 'path', 'value']} label="Value" placeholder="/" />
        <SelectField target={target} path={[...at, 'method']} label="Method" options={HTTP_METHODS} absent="any" />
        <EditButton target={target} kind="icon" label={`Remove match ${index + 1}`} update={(o) => removeItem(o, [...at])}>
          ×
        </EditButton>
      </FieldRow>
      {headers.map((_, h) => (
        <FieldRow key={h}>
          <Field target={target} path={[...at, 'headers', h, 'name']} label="Header" />
          <SelectField target={target} path={[...at, 'headers', h, 'type']} label="Type" options={HEADER_MATCH_TYPES} absent="Exact" />
          <Field target={target} path={[...at, 'headers', h, 'value']} label="Value" />
          <EditButton target={target} kind="icon" label="Remove this header match" update={(o) => removeItem(o, [...at, 'headers', h])}>
            ×
          </EditButton>
        </FieldRow>
      ))}
      <EditButton target={target} label="Add a header match" update={(o) => addHeaderMatch(o, rule, index)} testId={`add-header-${rule}-${index}`}>
        + header
      </EditButton>
    </div>
  );
}
