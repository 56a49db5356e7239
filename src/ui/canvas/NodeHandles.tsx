import { Handle, Position } from '@xyflow/react';
import type { GraphNode, GraphRow } from '../../core/index';
import { handleIds } from './flow-elements';
import { headerCenter, isCard, rowHeight } from './metrics';

type HandleClass = (handle: string) => string;

/*
 * Handles are drawn by every form of a node, near and far alike, at the same places. React Flow
 * measures a node's handles from the page when it first draws it (its ResizeObserver's first
 * report forces a measure, replacing the handles flow-elements.ts gives it) and again only when
 * the node's size changes — never when the zoom crosses FAR_ZOOM. A form without its handles,
 * drawn first, left React Flow with none: every edge of the node went undrawn, at every zoom after
 * (issue 15: a hundred pasted routes fit at zoom 0.08, below FAR_ZOOM).
 */

/** A node's own handles: left and right on its header (a card's) or its middle, and top and bottom. */
export function NodeHandles({ node, handleClass }: { node: GraphNode; handleClass: HandleClass }) {
  // A card's header handles sit on the header's middle; a small node's on its own (the CSS default).
  const side = isCard(node) ? { top: headerCenter(node) } : undefined;
  return (
    <>
      <Handle type="target" position={Position.Left} id={handleIds.target()} style={side} isConnectable={false} className={handleClass(handleIds.target())} />
      <Handle type="source" position={Position.Right} id={handleIds.source()} style={side} isConnectable={false} className={handleClass(handleIds.source())} />
      <Handle type="target" position={Position.Top} id={handleIds.above} isConnectable={false} className={handleClass(handleIds.above)} />
      <Handle type="source" position={Position.Bottom} id={handleIds.below} isConnectable={false} className={handleClass(handleIds.below)} />
    </>
  );
}

/** A row's two handles, on its first line: edges come in on the left and leave on the right. */
export function RowHandles({ row, handleClass }: { row: GraphRow; handleClass: HandleClass }) {
  return (
    <>
      <Handle type="target" position={Position.Left} id={handleIds.target(row.id)} isConnectable={false} className={handleClass(handleIds.target(row.id))} />
      <Handle type="source" position={Position.Right} id={handleIds.source(row.id)} isConnectable={false} className={handleClass(handleIds.source(row.id))} />
    </>
  );
}

/** Whether a row says something on a second line (a problem, or the rules that shadow it). */
export const isSplitRow = (row: GraphRow): boolean => row.problem !== undefined || row.reach?.state === 'shadowed';

/** A row's own classes (kind, severity, two lines), the same in the near and far forms. */
export function rowShellClass(row: GraphRow): string {
  return `rd-row rd-row-${row.kind}${row.severity ? ` rd-row-${row.severity}` : ''}${isSplitRow(row) ? ' rd-row-split' : ''}`;
}

/**
 * A row zoomed far out: its box (so its colour marks a problem) and its handles, placed by the
 * same elements and classes as the near form's row (CardNode's Row) — nothing else, no store
 * subscription: a design's every row costs three elements.
 */
export function FarRow({ row, handleClass }: { row: GraphRow; handleClass: HandleClass }) {
  const handles = <RowHandles row={row} handleClass={handleClass} />;
  if (!isSplitRow(row)) return <div className={rowShellClass(row)}>{handles}</div>;
  return (
    <div className={rowShellClass(row)} style={{ height: rowHeight(row) }}>
      <div className="rd-row-main">{handles}</div>
    </div>
  );
}
