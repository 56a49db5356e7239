import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDesignStore } from '../../store/index';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';
import { handleIds } from './flow-elements';
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
      <Handle type="target" position={Position.Left} id={handleIds.target()} isConnectable={false} className={handleClass(handleIds.target())} />
      <Handle type="source" position={Position.Right} id={handleIds.source()} isConnectable={false} className={handleClass(handleIds.source())} />
      <Handle type="target" position={Position.Top} id={handleIds.above} isConnectable={false} className={handleClass(handleIds.above)} />
      <Handle type="source" position={Position.Bottom} id={handleIds.below} isConnectable={false} className={handleClass(handleIds.below)} />
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
      <div className="rd-small-name" title={node.subtitle}>
        {node.name} <span className="rd-collapsed-count">· {node.subtitle}</span>
      </div>
    </div>
  );
});
