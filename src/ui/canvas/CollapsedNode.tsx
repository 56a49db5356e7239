import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDesignStore } from '../../store/index';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';
import { NodeHandles } from './NodeHandles';
import { useNodeFrame } from './useNodeFrame';

/** A collapsed namespace: one node for all of its objects, with the button that opens it again. */
export const CollapsedNode = memo(function CollapsedNode({ id, selected }: NodeProps<FlowNode>) {
  const frame = useNodeFrame(id, selected, 'rd-small');
  const store = useDesignStore();
  if (!frame) return null;
  const { node, handleClass } = frame;
  const group = node.collapsed?.group ?? '';
  const expand = (): void => store.getState().toggleNamespace(group);
  return (
    <div className={`${frame.className} rd-collapsed`} style={frame.style} data-testid={`collapsed-${node.name}`} onDoubleClick={expand}>
      {/* Its handles at any zoom (NodeHandles.tsx): far, only the expand button goes. */}
      <NodeHandles node={node} handleClass={handleClass} />
      <div className="rd-card-kindline">
        <span className="rd-namespace-word">namespace</span>
        <span className="rd-spacer" />
        <SeverityCounts counts={node.diagnostics} />
        {!frame.far && (
          <button type="button" className="rd-collapse-toggle nodrag" onClick={expand} aria-label={`Expand namespace ${node.name}`} title="Expand" data-testid={`expand-${node.name}`}>
            ▸
          </button>
        )}
      </div>
      <div className="rd-small-name" title={`${node.name} — ${node.subtitle ?? ''}`}>
        {node.name}
      </div>
      <div className="rd-collapsed-holds" data-testid="collapsed-holds">
        {node.subtitle}
      </div>
    </div>
  );
});
