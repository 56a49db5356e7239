import type { KeyValue } from '../../store/index';
import { newKeyValue } from '../../store/index';

interface KeyValueRowsProps {
  readonly rows: readonly KeyValue[];
  readonly onChange: (rows: readonly KeyValue[]) => void;
  /** `header` or `label`: names the inputs and test ids. */
  readonly what: string;
  readonly namePlaceholder: string;
  readonly valuePlaceholder: string;
}

/** Editable `name: value` rows with add and remove. */
export function KeyValueRows({ rows, onChange, what, namePlaceholder, valuePlaceholder }: KeyValueRowsProps) {
  const handleEdit = (id: number, patch: Partial<KeyValue>): void => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <div className="rd-sim-kv">
      {rows.map((r) => (
        <div key={r.id} className="rd-sim-kv-row">
          <input
            className="rd-input rd-sim-kv-name"
            value={r.name}
            placeholder={namePlaceholder}
            aria-label={`${what} name`}
            data-testid={`sim-${what}-name`}
            spellCheck={false}
            onChange={(e) => handleEdit(r.id, { name: e.target.value })}
          />
          <input
            className="rd-input rd-sim-kv-value"
            value={r.value}
            placeholder={valuePlaceholder}
            aria-label={`${what} value`}
            data-testid={`sim-${what}-value`}
            spellCheck={false}
            onChange={(e) => handleEdit(r.id, { value: e.target.value })}
          />
          <button type="button" className="rd-sim-icon-button" aria-label={`Remove ${what} ${r.name}`} data-testid={`sim-remove-${what}`} onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="rd-sim-add" data-testid={`sim-add-${what}`} onClick={() => onChange([...rows, newKeyValue()])}>
        + {what}
      </button>
    </div>
  );
}
