import { BaseEdge, getBezierPath, ViewportPortal, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDesign } from '../../store/index';
import { selectEdgeLitOrCompared } from '../compare/compare-lit';
import { selectEdgeMark } from '../compare/compare-marks';
import { MarkTag } from '../compare/MarkTag';
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
 * is lit (as thick as its share of requests), off it dimmed. Comparing, an edge added or changed
 * since the before version says so on its label, and one of the before version only is drawn removed.
 */
export const RouteEdge = memo(function RouteEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  // The simulator's path: the share of requests this edge carries, or dimmed when off the path.
  const lit = useDesign((s) => selectEdgeLitOrCompared(s, id));
  const removed = data?.removed === true;
  const mark = useDesign((s) => (removed ? 'removed' : selectEdgeMark(s, id)));
  // A backend's weight is edited by clicking its label (not a removed edge's: it is not in the design).
  const weightEdit = useEdgeWeightEdit(id, removed ? undefined : data?.edge);
  // Zoomed far out, labels are unreadable: the line only.
  const far = useFar();
  if (!data) return null;
  const { edge, active, route, explain } = data;
  // The route, while its ends are where React Flow has the handles; during a drag (the route is
  // computed when the node is dropped) a plain curve follows the node.
  const routed = route && routeFits(route, sourceX, sourceY, targetX, targetY) ? route : undefined;
  const path = routed ? roundedPath(routed.points) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  const share = typeof lit === 'number' ? lit : null;
  const classes = ['rd-edge', `rd-edge-${edge.kind}`];
  if (edge.broken) classes.push('is-broken');
  if (edge.detached) classes.push('is-detached');
  if (active) classes.push('is-active');
  if (share !== null) classes.push('is-lit');
  if (lit === 'dim') classes.push('is-dim');
  if (mark) classes.push(`is-cmp-${mark}`);
  // On the path, the weighted split is drawn: the thicker, the more requests.
  const style = share !== null ? { strokeWidth: 2 + 5 * share } : undefined;
  const splitLabel = share !== null && (edge.kind === 'backend' || edge.kind === 'mirror') ? `${edge.kind === 'mirror' ? 'mirror ' : ''}${percent(share)}` : undefined;
  const text = splitLabel ?? edge.label;
  // An added or changed edge says so in words on its label; a removed one is dashed (its ghost card says "removed").
  const tagged = mark === 'added' || mark === 'changed' ? mark : null;
  const showLabel = !far && (text !== undefined || explain || edge.detached !== undefined || tagged !== null);
  // An edge without words of its own (attach, ref): the tag is its whole label, at the route's middle
  // (clear of the row it leaves, whose end holds the row's own badges).
  const tagOnly = tagged !== null && text === undefined && !explain && edge.detached === undefined;
  const at = routed ? (tagOnly ? middleOf(routed.points) : routed.label) : bezierPoint(sourceX, sourceY, targetX, targetY, 0.5);
  const labelX = at.x;
  const labelY = at.y;
  const labelClasses = ['rd-edge-label', `rd-edge-label-${edge.kind}`];
  if (edge.broken) labelClasses.push('is-broken');
  if (edge.detached) labelClasses.push('is-detached');
  if (active) labelClasses.push('is-active');
  if (share !== null) labelClasses.push('is-lit');
  if (lit === 'dim') labelClasses.push('is-dim');
  if (weightEdit.editable) labelClasses.push('is-editable', 'nodrag', 'nopan');
  if (mark) labelClasses.push(`is-cmp-${mark}`);
  if (tagOnly) labelClasses.push('is-tag-only');
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
            data-compare={mark ?? undefined}
            title={edge.broken ?? (edge.detached ? `${edge.detached.reason}: ${edge.detached.message}` : undefined)}
            {...weightEdit.labelProps}
          >
            {tagged && <MarkTag mark={tagged} className="rd-edge-mark" />}
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

/** The middle of a route's corners: between its two middle points (or on its middle corner). */
function middleOf(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  const a = points[Math.floor((points.length - 1) / 2)] ?? { x: 0, y: 0 };
  const b = points[Math.ceil((points.length - 1) / 2)] ?? a;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
