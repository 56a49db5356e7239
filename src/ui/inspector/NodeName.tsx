import { checkName, type GraphNode } from '../../core/index';
import { useEditingStore } from '../editing/useEditing';
import { useFormLocked } from './Field';
import { InlineInput } from './InlineInput';

/**
 * The selected object's name, editable: Enter (or leaving the field) renames it and every
 * reference follows; an invalid name is said and not applied.
 */
export function NodeName({ node }: { node: GraphNode }) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  if (!node.resourceId || locked) return <h2 className="rd-inspector-name">{node.name}</h2>;
  const resourceId = node.resourceId;
  return (
    <div className="rd-name-field">
      <InlineInput
        value={node.name}
        check={checkName}
        apply={(name) => editing.getState().rename(resourceId, name)}
        className="rd-inspector-name rd-name-input"
        label={`Name of ${node.kind} ${node.name} (Enter renames it; references follow)`}
        title="Rename: references follow"
        testId="inspector-name"
      />
    </div>
  );
}
