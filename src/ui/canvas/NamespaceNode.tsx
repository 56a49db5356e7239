import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectGroup, useDesign, useDesignStore } from '../../store/index';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';

/** A namespace: a soft background around its nodes, labelled at its top-left corner, with the button that collapses it. */
export const NamespaceNode = memo(function NamespaceNode({ id, selected }: NodeProps<FlowNode>) {
  const group = useDesign((s) => selectGroup(s, id));
  const store = useDesignStore();
  if (!group) return null;
  return (
    <div className={`rd-namespace${selected ? ' is-selected' : ''}`} data-testid={`group-${group.namespace}`}>
      <div className="rd-namespace-label">
        <button
          type="button"
          className="rd-collapse-toggle nodrag"
          onClick={() => store.getState().toggleNamespace(id)}
          aria-label={`Collapse namespace ${group.namespace}`}
          title="Collapse into one node"
          data-testid={`collapse-${group.namespace}`}
        >
          ▾
        </button>
        <span className="rd-namespace-word">namespace</span> {group.namespace}
        <SeverityCounts counts={group.diagnostics} />
      </div>
    </div>
  );
});
