import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectGroup, useDesign } from '../../store/index';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';

/** A namespace: a soft background around its nodes, labelled at its top-left corner. */
export const NamespaceNode = memo(function NamespaceNode({ id, selected }: NodeProps<FlowNode>) {
  const group = useDesign((s) => selectGroup(s, id));
  if (!group) return null;
  return (
    <div className={`rd-namespace${selected ? ' is-selected' : ''}`} data-testid={`group-${group.namespace}`}>
      <div className="rd-namespace-label">
        <span className="rd-namespace-word">namespace</span> {group.namespace}
        <SeverityCounts counts={group.diagnostics} />
      </div>
    </div>
  );
});
