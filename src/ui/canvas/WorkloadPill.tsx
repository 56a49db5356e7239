import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from './flow-elements';
import { handleIds } from './flow-elements';
import { useNodeFrame } from './useNodeFrame';
import './shown.css';

/** The kind as a pill says it: short, so the name keeps the room. */
const SHORT: Readonly<Record<string, string>> = {
  Deployment: 'deploy',
  StatefulSet: 'sts',
  DaemonSet: 'ds',
  ReplicaSet: 'rs',
  ReplicationController: 'rc',
  Job: 'job',
  CronJob: 'cronjob',
  Pod: 'pod',
};

/**
 * A workload (Deployment, StatefulSet, Pod…) as a small pill under the Service whose selector
 * picks its pods, linked from it or from the DestinationRule subset row that picks them (core
 * graph: workloads.ts; placed by pill-layout.ts), as a Kiali user expects. Selecting it shows it in the inspector and its YAML, like any node.
 */
export const WorkloadPill = memo(function WorkloadPill({ id, selected }: NodeProps<FlowNode>) {
  const frame = useNodeFrame(id, selected, 'rd-small');
  if (!frame) return null;
  const { node, handleClass } = frame;
  const short = SHORT[node.kind] ?? node.kind;
  return (
    <div className={`${frame.className} rd-pill`} style={frame.style} data-testid={frame.testId} data-pill={node.kind} title={`${node.kind} ${node.namespace}/${node.name}${node.subtitle ? ` · pods labelled ${node.subtitle}` : ''}`}>
      <Handle type="target" position={Position.Right} id={handleIds.target()} isConnectable={false} className={handleClass(handleIds.target())} />
      <Handle type="source" position={Position.Right} id={handleIds.source()} isConnectable={false} className={handleClass(handleIds.source())} />
      {!frame.far && (
        <span className="rd-pill-kind" aria-hidden="true">
          {short}
        </span>
      )}
      <span className="rd-pill-name">{node.name}</span>
    </div>
  );
});
