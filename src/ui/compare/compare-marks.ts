import type { GraphNode } from '../../core/index';
import { selectCompareMarks, type CompareMark, type CompareMarks, type DesignState } from '../../store/index';

/**
 * The compare marks as the canvas reads them, by id and as plain values (a node, row or edge
 * component re-renders only when its own mark changes). `selectCompareMarks` is the store's.
 */
export const selectNodeMark = (s: DesignState, id: string): CompareMark | null => selectCompareMarks(s).nodes[id] ?? null;
export const selectRowMark = (s: DesignState, rowId: string): CompareMark | null => selectCompareMarks(s).rows[rowId] ?? null;
export const selectEdgeMark = (s: DesignState, id: string): CompareMark | null => selectCompareMarks(s).edges[id] ?? null;

const removedById = new WeakMap<CompareMarks, Map<string, GraphNode>>();

/** A node of the before version the design does not have, by its id there. */
export function selectRemovedNode(s: DesignState, id: string): GraphNode | undefined {
  const marks = selectCompareMarks(s);
  let byId = removedById.get(marks);
  if (!byId) {
    byId = new Map(marks.removed.map((n) => [n.id, n] as const));
    removedById.set(marks, byId);
  }
  return byId.get(id);
}
