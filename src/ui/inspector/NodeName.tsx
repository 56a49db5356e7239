import { useState, type KeyboardEvent } from 'react';
import { checkName, type GraphNode } from '../../core/index';
import { useEditingStore } from '../editing/useEditing';
import { useFormLocked } from './Field';

/**
 * The selected object's name, editable: Enter (or leaving the field) renames it and every
 * reference follows; an invalid name is said and not applied.
 */
export function NodeName({ node }: { node: GraphNode }) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  const [draft, setDraft] = useState<string | null>(null);
  const [prevName, setPrevName] = useState(node.name);
  if (prevName !== node.name) {
    setPrevName(node.name);
    setDraft(null);
  }
  if (!node.resourceId || locked) return <h2 className="rd-inspector-name">{node.name}</h2>;
  const resourceId = node.resourceId;
  const error = draft === null ? null : checkName(draft.trim());
  const apply = (): void => {
    if (draft === null || error) return;
    if (!editing.getState().rename(resourceId, draft.trim())) setDraft(null);
  };
  const handleKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') apply();
    if (event.key === 'Escape') {
      setDraft(null);
      event.stopPropagation();
    }
  };
  return (
    <div className="rd-name-field">
      <input
        className="rd-inspector-name rd-name-input"
        value={draft ?? node.name}
        aria-label={`Name of ${node.kind} ${node.name} (Enter renames it; references follow)`}
        title="Rename: references follow"
        aria-invalid={error !== null}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={handleKey}
        onBlur={apply}
        data-testid="inspector-name"
      />
      {error && (
        <p className="rd-field-error" data-testid="field-error">
          {error} — not applied
        </p>
      )}
    </div>
  );
}
