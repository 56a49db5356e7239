import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { KindLabel } from '../common/KindLabel';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';
import { NodeHandles } from './NodeHandles';
import { useNodeFrame } from './useNodeFrame';
import { MarkTag } from '../compare/MarkTag';
import './cards.css';

/** A kind off the traffic path ("other"), or a placeholder for an object the design lacks. */
export const SmallNode = memo(function SmallNode({ id, selected }: NodeProps<FlowNode>) {
  const frame = useNodeFrame(id, selected, 'rd-small');
  if (!frame) return null;
  const { node, handleClass } = frame;
  if (frame.far) {
    return (
      <div className={frame.className} style={frame.style} data-testid={frame.testId} data-compare={frame.mark ?? undefined}>
        <NodeHandles node={node} handleClass={handleClass} />
        <div className="rd-small-name">{node.name}</div>
      </div>
    );
  }
  return (
    <div className={frame.className} style={frame.style} data-testid={frame.testId} data-compare={frame.mark ?? undefined}>
      <NodeHandles node={node} handleClass={handleClass} />
      <div className="rd-card-kindline">
        <KindLabel kind={node.kind} family={node.family} withFamily={node.role !== 'missing'} />
        <span className="rd-spacer" />
        {frame.mark && <MarkTag mark={frame.mark} />}
        {node.role === 'missing' && <span className="rd-badge rd-tone-error">missing</span>}
        <SeverityCounts counts={node.diagnostics} />
      </div>
      <div className="rd-small-name" title={node.subtitle ? `${node.name} — ${node.subtitle}` : node.name}>
        {node.name}
      </div>
      {node.missing && <div className="rd-missing-reason">not in this design</div>}
    </div>
  );
});
