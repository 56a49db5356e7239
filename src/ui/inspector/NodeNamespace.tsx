import { checkNamespaceName, type GraphNode } from '../../core/index';
import { useEditingStore } from '../editing/useEditing';
import { useFormLocked } from './Field';
import { InlineInput } from './InlineInput';

/**
 * The selected object's namespace, editable like its name: Enter moves the object, and the
 * references to it (and its own) follow; what cannot follow is said in a notice.
 */
export function NodeNamespace({ node }: { node: GraphNode }) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  if (!node.resourceId || locked) return <>{node.namespace}</>;
  const resourceId = node.resourceId;
  return (
    <InlineInput
      value={node.namespace}
      check={checkNamespaceName}
      apply={(namespace) => editing.getState().setNamespace(resourceId, namespace)}
      className="rd-name-input rd-namespace-input"
      label={`Namespace of ${node.kind} ${node.name} (Enter moves it; references follow)`}
      title="Move to another namespace: references follow"
      testId="inspector-namespace"
    />
  );
}
