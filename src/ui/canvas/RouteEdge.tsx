import { BaseEdge, getBezierPath, ViewportPortal, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectEdgeLit, useDesign } from '../../store/index';
import { useEdgeWeightEdit, WeightEditor } from '../editing/EdgeWeight';
import { bezierPoint } from './edge-geometry';
import { roundedPath, routeFits } from './route-path';
import type { FlowEdge } from './flow-elements';
import { useFar } from './useFar';
import './highlight.css';

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/**
 * An edge drawn by kind: attach (parent → route), backend (rule → backend, labelled with weight
 * and share), mirror (dashed), ref (dotted, faint). A broken reference is red and says why; a
 * parent that did not accept the route is dashed, with the reason. On the simulator's path an edge
 * is lit (as thick as its share of requests), off it dimmed.
 */
export const RouteEdge = memo(function RouteEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  // The simulator's path: the share of requests this edge carries, or dimmed when off the path.
  const lit = useDesign((s) => selectEdgeLit(s, id));
  // A backend's weight is edited by clicking its label.
  const weightEdit = useEdgeWeightEdit(id, data?.edge);
  // Zoomed far out, labels are unreadable: the line only.
  const far = useFar();
  if (!data) return null;
  const { edge, active, route, explain } = data;
  // The route, while its ends are where React Flow has the handles; during a drag (the route is
  // computed when the node is dropped) a plain curve follows the node.
  const routed = route && routeFits(route, sourceX, sourceY, targetX, targetY) ? route : undefined;
  const path = routed ? roundedPath(routed.points) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  const at = routed ? routed.label : bezierPoint(sourceX, sourceY, targetX, targetY, 0.5);
  const labelX = at.x;
  const labelY = at.y;
  const share = typeof lit === 'number' ? lit : null;
  const classes = ['rd-edge', `rd-edge-${edge.kind}`];
  if (edge.broken) classes.push('is-broken');
  if (edge.detached) classes.push('is-detached');
  if (active) classes.push('is-active');
  if (share !== null) classes.push('is-lit');
  if (lit === 'dim') classes.push('is-dim');
  // On the path, the weighted split is drawn: the thicker, the more requests.
  const style = share !== null ? { strokeWidth: 2 + 5 * share } : undefined;
  const splitLabel = share !== null && (edge.kind === 'backend' || edge.kind === 'mirror') ? `${edge.kind === 'mirror' ? 'mirror ' : ''}${percent(share)}` : undefined;
  const text = splitLabel ?? edge.label;
  const showLabel = !far && (text !== undefined || explain || edge.detached !== undefined);
  const labelClasses = ['rd-edge-label', `rd-edge-label-${edge.kind}`];
  if (edge.broken) labelClasses.push('is-broken');
  if (edge.detached) labelClasses.push('is-detached');
  if (active) labelClasses.push('is-active');
  if (share !== null) labelClasses.push('is-lit');
  if (lit === 'dim') labelClasses.push('is-dim');
  if (weightEdit.editable) labelClasses.push('is-editable', 'nodrag', 'nopan');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} interactionWidth={0} {...(style ? { style } : {})} />
      {showLabel && (
        // After the nodes in the page (React Flow's label layer comes before them), so Tab reaches
        // the nodes first, then the weight labels (issue 11: a visible reading order).
        <ViewportPortal>
          <div
            className={labelClasses.join(' ')}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label"
            data-lit={share !== null ? 'on' : undefined}
            title={edge.broken ?? (edge.detached ? `${edge.detached.reason}: ${edge.detached.message}` : undefined)}
            {...weightEdit.labelProps}
          >
            {text}
            {explain && <span className="rd-edge-reason">{edge.broken}</span>}
            {edge.detached && (
              <>
                <span className="rd-edge-reason-code">{edge.detached.reason}</span>
                <span className="rd-edge-reason">{edge.detached.message}</span>
              </>
            )}
          </div>
          {weightEdit.open && edge.weight !== undefined && <WeightEditor edgeId={id} weight={edge.weight} x={labelX} y={labelY} />}
        </ViewportPortal>
      )}
    </>
  );
});
