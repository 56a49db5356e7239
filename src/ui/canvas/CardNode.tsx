import { type NodeProps } from '@xyflow/react';
import { Fragment, memo } from 'react';
import type { GraphRow, ShadowLink } from '../../core/index';
import { useDesign, useDesignStore } from '../../store/index';
import { Badge, Chip } from '../common/Badge';
import { KindLabel } from '../common/KindLabel';
import { SeverityCounts } from '../common/SeverityCounts';
import type { FlowNode } from './flow-elements';
import { HEADER_HEIGHT, rowHeight } from './metrics';
import { FarRow, NodeHandles, RowHandles, rowShellClass } from './NodeHandles';
import { useNodeFrame } from './useNodeFrame';
import { selectRowLitOrCompared } from '../compare/compare-lit';
import { selectRowMark } from '../compare/compare-marks';
import { MarkTag } from '../compare/MarkTag';
import './cards.css';
import './highlight.css';
import './reach.css';

/** A Gateway, route or backend: a header and one row per listener / rule / port / subset. */
export const CardNode = memo(function CardNode({ id, selected }: NodeProps<FlowNode>) {
  const frame = useNodeFrame(id, selected, 'rd-card');
  if (!frame) return null;
  const { node, handleClass } = frame;
  if (frame.far) {
    // The box, the name and the rows' boxes — with every handle where the near form has it (NodeHandles.tsx).
    return (
      <div className={frame.className} style={frame.style} data-testid={frame.testId} data-compare={frame.mark ?? undefined}>
        <NodeHandles node={node} handleClass={handleClass} />
        <div className="rd-card-header" style={{ height: HEADER_HEIGHT }}>
          <div className="rd-card-name">{node.name}</div>
        </div>
        {node.rows.length > 0 && (
          <div className="rd-rows">
            {node.rows.map((row) => (
              <FarRow key={row.id} row={row} handleClass={handleClass} />
            ))}
          </div>
        )}
      </div>
    );
  }
  return (
    <div className={frame.className} style={frame.style} data-testid={frame.testId} data-compare={frame.mark ?? undefined}>
      <NodeHandles node={node} handleClass={handleClass} />
      <div className="rd-card-header" style={{ height: HEADER_HEIGHT }}>
        <div className="rd-card-kindline">
          <KindLabel kind={node.kind} family={node.family} />
          <span className="rd-spacer" />
          {frame.mark && <MarkTag mark={frame.mark} />}
          {node.badges.map((b) => (
            <Badge key={b.text} badge={b} />
          ))}
          <SeverityCounts counts={node.diagnostics} />
        </div>
        <div className="rd-card-name" title={`${node.namespace ? `${node.namespace}/` : ''}${node.name}`}>
          {node.name}
        </div>
        <div className={node.missing ? 'rd-card-subtitle rd-missing-reason' : 'rd-card-subtitle'} title={node.missing ?? node.subtitle}>
          {node.missing ?? node.subtitle ?? '\u00a0'}
        </div>
      </div>
      {node.rows.length > 0 && (
        <div className="rd-rows">
          {node.rows.map((row) => (
            <Row key={row.id} row={row} handleClass={handleClass} inAdded={frame.mark === 'added'} />
          ))}
        </div>
      )}
    </div>
  );
});

function Row({ row, handleClass, inAdded }: { row: GraphRow; handleClass: (handle: string) => string; inAdded: boolean }) {
  const lit = useDesign((s) => selectRowLitOrCompared(s, row.id));
  // The compare view: a rule added, or one that decides requests that behave differently (a new
  // card's rows are all new: its own tag says so).
  const mark = useDesign((s) => (inAdded ? null : selectRowMark(s, row.id)));
  const picked = useDesign((s) => s.selectedRow === row.id);
  const shadowedBy = row.reach?.state === 'shadowed' ? row.reach.by : null;
  const main = (
    <>
      <RowHandles row={row} handleClass={handleClass} />
      {row.name && <span className="rd-row-name">{row.name}</span>}
      <span className="rd-row-label">{row.label}</span>
      {mark && <MarkTag mark={mark} className="rd-row-mark" />}
      {row.badges.map((b) => (
        <Badge key={b.text} badge={b} />
      ))}
      {row.chips.map((c) => (
        <Chip key={c} text={c} />
      ))}
      {row.attachedRoutes !== undefined && <AttachedRoutes count={row.attachedRoutes} />}
    </>
  );
  // The row's box and handles as FarRow draws them (NodeHandles.tsx): the same places at any zoom.
  const classes = `${rowShellClass(row)}${shadowedBy ? ' rd-row-shadowed' : ''}${lit ? ' is-lit' : ''}${picked ? ' is-picked' : ''}${mark ? ` is-cmp-${mark}` : ''}`;
  if (shadowedBy) {
    // An unreachable rule: struck through, and the rules that take its requests, each a link.
    return (
      <div className={classes} data-testid="node-row" data-compare={mark ?? undefined} data-reach="shadowed" title={`${row.label} — can never match: ${shadowedBy.map((b) => b.detail).join(', ')} takes every request first`} style={{ height: rowHeight(row) }}>
        <div className="rd-row-main">{main}</div>
        <div className="rd-row-problem rd-row-shadow rd-sev-warning" data-testid="row-shadowed">
          shadowed by{' '}
          {shadowedBy.map((b, i) => (
            <Fragment key={i}>
              {i > 0 && ', '}
              <ShadowButton link={b} />
            </Fragment>
          ))}
        </div>
      </div>
    );
  }
  if (!row.problem) {
    return (
      <div className={classes} data-testid="node-row" data-compare={mark ?? undefined} title={row.label}>
        {main}
      </div>
    );
  }
  // A problem is said on the row itself, on a second line.
  return (
    <div className={classes} data-testid="node-row" data-compare={mark ?? undefined} title={`${row.label} — ${row.problem.message}`} style={{ height: rowHeight(row) }}>
      <div className="rd-row-main">{main}</div>
      <div className={`rd-row-problem rd-sev-${row.problem.severity}`} data-testid="row-problem">
        {row.problem.message}
      </div>
    </div>
  );
}

/** The rule that shadows a row's rule: a click selects it (its node, centred, and its row picked out). */
function ShadowButton({ link }: { link: ShadowLink }) {
  const store = useDesignStore();
  const { nodeId, rowId } = link;
  if (nodeId === undefined || rowId === undefined) return <span className="rd-shadow-by">{link.label}</span>;
  return (
    <button
      type="button"
      className="rd-shadow-by nodrag nopan"
      data-testid="shadowed-by"
      title={`Select ${link.detail}`}
      onClick={(e) => {
        e.stopPropagation();
        store.getState().selectRow(nodeId, rowId);
      }}
    >
      {link.label}
    </button>
  );
}

/** Controller status of a listener: how many routes it holds (`status.listeners[].attachedRoutes`). */
function AttachedRoutes({ count }: { count: number }) {
  return (
    <span className={`rd-attached${count === 0 ? ' is-none' : ''}`} data-testid="attached-routes" title="routes attached to this listener (status.listeners[].attachedRoutes)">
      {count} {count === 1 ? 'route' : 'routes'}
    </span>
  );
}
