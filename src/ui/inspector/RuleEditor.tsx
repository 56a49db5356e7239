import { addFilter, addMatch, getAt, HTTP_FILTER_TYPES, removeItem, type HttpFilterType } from '../../core/index';
import { useEditingStore } from '../editing/useEditing';
import { BackendsEditor } from './BackendsEditor';
import type { Target } from './field-model';
import { Field, useFormLocked } from './Field';
import { FilterEditor } from './FilterEditor';
import { EditButton, FieldRow, FormItem } from './FormParts';
import { MatchEditor } from './MatchEditor';
import { SimulateRule } from '../simulator/SimulateRule';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One rule: its matches (any one), filters (in order), timeouts, and weighted backends. */
export function RuleEditor({ target, kind, index }: { target: Target; kind: string; index: number }) {
  const at = ['spec', 'rules', index] as const;
  const http = kind === 'HTTPRoute';
  const matches = list(getAt(target.object, [...at, 'matches']));
  const filters = list(getAt(target.object, [...at, 'filters']));
  return (
    <FormItem
      title={`Rule ${index + 1}`}
      testId={`rule-${index}`}
      at={{ target, path: at }}
      tools={
        <>
          <SimulateRule resourceId={target.id} path={`spec.rules[${index}]`} />
          <EditButton target={target} kind="icon" label={`Remove rule ${index + 1}`} update={(o) => removeItem(o, [...at])}>
            ×
          </EditButton>
        </>
      }
    >
      {http && (
        <>
          <div className="rd-form-sub">Matches {matches.length === 0 && <span className="rd-muted">— every request</span>}</div>
          {matches.map((_, j) => (
            <MatchEditor key={j} target={target} rule={index} index={j} />
          ))}
          <div className="rd-form-actions">
            <EditButton target={target} label={`Add a match to rule ${index + 1}`} update={(o) => addMatch(o, index)} testId={`add-match-${index}`}>
              + match
            </EditButton>
            <AddFilter target={target} rule={index} />
          </div>
          {filters.map((_, k) => (
            <FilterEditor key={k} target={target} rule={index} index={k} />
          ))}
          <FieldRow>
            <Field target={target} path={[...at, 'timeouts', 'request']} label="Request timeout" placeholder="e.g. 10s" />
            <Field target={target} path={[...at, 'timeouts', 'backendRequest']} label="Backend timeout" placeholder="e.g. 5s" />
          </FieldRow>
        </>
      )}
      <BackendsEditor target={target} rule={index} />
    </FormItem>
  );
}

function AddFilter({ target, rule }: { target: Target; rule: number }) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  return (
    <select
      className="rd-form-add"
      value=""
      disabled={locked !== null}
      onChange={(e) => e.target.value && editing.getState().updateObject(target.id, (o) => addFilter(o, rule, e.target.value as HttpFilterType), `Add a ${e.target.value} filter`)}
      aria-label={`Add a filter to rule ${rule + 1}`}
      data-testid={`add-filter-${rule}`}
    >
      <option value="">+ filter…</option>
      {HTTP_FILTER_TYPES.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}
