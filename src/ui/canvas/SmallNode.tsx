import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectGraph, selectNode, selectNodeLit, useDesign } from '../../store/index';
import { nodeTestId } from '../common/family';
import { KindLabel } from '../common/KindLabel';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';
import { handleIds } from './flow-elements';
import { connectedHandles } from './handles';
import { nodeSize } from './metrics';
import { useFar } from './useFar';

/** A kind off the traffic path ("other"), or a placeholder for an object the design lacks. */
export const SmallNode = memo(function SmallNode({ id, selected }: NodeProps<FlowNode>) {
  const node = useDesign((s) => selectNode(s, id));
  const connected = useDesign((s) => connectedHandles(selectGraph(s), id));
  const lit = useDesign((s) => selectNodeLit(s, id));
  const far = useFar();
  if (!node) return null;
  const handleClass = (handle: string): string => (connected.has(handle) ? 'is-connected' : 'is-idle');
  const size = nodeSize(node);
  const classes = ['rd-node', 'rd-small', `rd-fam-${node.family}`, `rd-role-${node.role}`];
  if (node.severity) classes.push(`rd-has-${node.severity}`);
  if (selected) classes.push('is-selected');
  if (lit) classes.push(lit === 'on' ? 'is-lit' : 'is-dim');
  // Zoomed far out: the box and the name (see CardNode).
  if (far) {
    return (
      <div className={`${classes.join(' ')} is-far`} style={{ width: size.width, height: size.height }} data-testid={nodeTestId(node.kind, node.namespace, node.name)}>
        <div className="rd-small-name">{node.name}</div>
      </div>
    );
  }
  return (
    <div className={classes.join(' ')} style={{ width: size.width, height: size.height }} data-testid={nodeTestId(node.kind, node.namespace, node.name)}>
      <Handle type="target" position={Position.Left} id={handleIds.target()} isConnectable={false} className={handleClass(handleIds.target())} />
      <Handle type="source" position={Position.Right} id={handleIds.source()} isConnectable={false} className={handleClass(handleIds.source())} />
      <Handle type="target" position={Position.Top} id={handleIds.above} isConnectable={false} className={handleClass(handleIds.above)} />
      <Handle type="source" position={Position.Bottom} id={handleIds.below} isConnectable={false} className={handleClass(handleIds.below)} />
      <div className="rd-card-kindline">
        <KindLabel kind={node.kind} family={node.family} withFamily={node.role !== 'missing'} />
        <span className="rd-spacer" />
        {node.role === 'missing' && <span className="rd-badge rd-tone-error">missing</span>}
        <SeverityCounts counts={node.diagnostics} />
      </div>
      <div className="rd-small-name" title={node.subtitle ?? node.name}>
        {node.name}
      </div>
      {node.missing && <div className="rd-missing-reason">not in this design</div>}
    </div>
  );
});
