import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GraphRow } from '../../core/index';
import { useDesign } from '../../store/index';
import { KindLabel } from '../common/KindLabel';
import type { FlowNode } from '../canvas/flow-elements';
import { HEADER_HEIGHT, isCard, nodeSize, rowHeight } from '../canvas/metrics';
import { isSplitRow, NodeHandles, RowHandles } from '../canvas/NodeHandles';
import { selectRemovedNode, selectRowMark } from './compare-marks';
import { MarkTag } from './MarkTag';
import './compare-marks.css';

const idle = (): string => 'is-idle';

/**
 * A node of the "before" version the design no longer has: drawn dashed and faded where the
 * layout left room (ghost-place.ts), its kind, name and rows as they were, and a "removed" tag.
 * Not selectable or movable: it is not part of the design.
 */
export const GhostNode = memo(function GhostNode({ id }: NodeProps<FlowNode>) {
  const node = useDesign((s) => selectRemovedNode(s, id));
  if (!node) return null;
  const card = isCard(node);
  const classes = ['rd-node', card ? 'rd-card' : 'rd-small', `rd-fam-${node.family}`, `rd-role-${node.role}`, 'rd-ghost'];
  const ns = node.namespace;
  return (
    <div className={classes.join(' ')} style={nodeSize(node)} data-testid={`removed-${node.kind}-${ns}-${node.name}`} data-compare="removed" title={`${node.kind} ${ns ? `${ns}/` : ''}${node.name} — in the before version only`}>
      <NodeHandles node={node} handleClass={idle} />
      <div className={card ? 'rd-card-header' : 'rd-ghost-small'} style={card ? { height: HEADER_HEIGHT } : undefined}>
        <div className="rd-card-kindline">
          <KindLabel kind={node.kind} family={node.family} />
          <span className="rd-spacer" />
          <MarkTag mark="removed" />
        </div>
        {/* Its namespace said: a ghost stands outside the namespace boxes. */}
        <div className={card ? 'rd-card-name' : 'rd-small-name'}>
          {ns && <span className="rd-ghost-ns">{ns}/</span>}
          {node.name}
        </div>
        {card && <div className="rd-card-subtitle">{node.subtitle ?? '\u00a0'}</div>}
      </div>
      {card && node.rows.length > 0 && (
        <div className="rd-rows">
          {node.rows.map((row) => (
            <GhostRow key={row.id} row={row} />
          ))}
        </div>
      )}
    </div>
  );
});

/** A row as it was, at the place and height the metrics give it (its handles where edges expect them). */
function GhostRow({ row }: { row: GraphRow }) {
  // A removed rule that decided requests which now behave differently.
  const mark = useDesign((s) => selectRowMark(s, row.id));
  const main = (
    <>
      <RowHandles row={row} handleClass={idle} />
      {row.name && <span className="rd-row-name">{row.name}</span>}
      <span className="rd-row-label">{row.label}</span>
      {mark && <MarkTag mark={mark} className="rd-row-mark" />}
    </>
  );
  // Its kind's shape, not its old problems' colours: those are the Changes tab's to say.
  const shell = `rd-row rd-row-${row.kind}${isSplitRow(row) ? ' rd-row-split' : ''}`;
  if (!isSplitRow(row)) return <div className={shell} title={row.label}>{main}</div>;
  return (
    <div className={shell} style={{ height: rowHeight(row) }} title={row.label}>
      <div className="rd-row-main">{main}</div>
    </div>
  );
}
