import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { bezierPoint } from './edge-geometry';
import type { FlowEdge } from './flow-elements';

/**
 * An edge drawn by kind: attach (parent → route), backend (rule → backend, labelled with weight
 * and share), mirror (dashed), ref (dotted, faint). A broken reference is red and says why.
 */
export const RouteEdge = memo(function RouteEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const { edge, active, label, explain } = data;
  const at = bezierPoint(sourceX, sourceY, targetX, targetY, label.t);
  const labelX = at.x;
  const labelY = at.y + label.dy;
  const classes = ['rd-edge', `rd-edge-${edge.kind}`];
  if (edge.broken) classes.push('is-broken');
  if (active) classes.push('is-active');
  const showLabel = edge.label !== undefined || explain;
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`rd-edge-label rd-edge-label-${edge.kind}${edge.broken ? ' is-broken' : ''}${active ? ' is-active' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label"
            title={edge.broken}
          >
            {edge.label}
            {explain && <span className="rd-edge-reason">{edge.broken}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
