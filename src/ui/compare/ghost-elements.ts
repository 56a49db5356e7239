import type { CompareMarks } from '../../store/index';
import { handleIds, handlesOf, type FlowEdge, type FlowNode } from '../canvas/flow-elements';
import { nodeSize } from '../canvas/metrics';
import { placeGhosts, type Placed } from './ghost-place';

/**
 * The compare view's removed objects as React Flow elements: a ghost card per node of the
 * "before" version the design no longer has (type `ghost`, drawn by GhostNode), and the before
 * version's edges to or from them whose ends are drawn. Their ids are prefixed (`removed:`, as
 * the store's marks name removed edges' ends): a ghost is never taken for a node of the design.
 */
export const GHOST_PREFIX = 'removed:';

export const ghostId = (nodeId: string): string => (nodeId.startsWith(GHOST_PREFIX) ? nodeId : `${GHOST_PREFIX}${nodeId}`);

export interface Ghosts {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

export const NO_GHOSTS: Ghosts = { nodes: [], edges: [] };

/** `drawn`: the design's React Flow nodes (namespace boxes included), placed; `classes`: its GatewayClass nodes. */
export function ghostElements(marks: Pick<CompareMarks, 'removed' | 'removedEdges'>, drawn: readonly FlowNode[], classes: ReadonlySet<string>): Ghosts {
  if (marks.removed.length === 0 || drawn.length === 0) return NO_GHOSTS;
  const placed: Placed[] = drawn.map((n) => ({ id: n.id, role: n.type === 'namespace' ? null : n.data.role, x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 }));
  const positions = placeGhosts(
    marks.removed.map((n) => ({ id: ghostId(n.id), role: n.role, ...nodeSize(n) })),
    placed,
    marks.removedEdges,
  );
  const nodes: FlowNode[] = [];
  for (const n of marks.removed) {
    const id = ghostId(n.id);
    const p = positions[id];
    if (!p) continue;
    const size = nodeSize(n);
    nodes.push({
      id,
      type: 'ghost',
      position: p,
      width: size.width,
      height: size.height,
      measured: size,
      data: { family: n.family, role: n.role },
      handles: handlesOf(n),
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      ariaLabel: `removed ${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}`,
    });
  }
  // An edge is drawn where both its ends have the handle it names (a row the design lost has none).
  const handles = new Map<string, Set<string>>();
  for (const n of [...drawn, ...nodes]) handles.set(n.id, new Set((n.handles ?? []).map((h) => h.id ?? '')));
  const removedClasses = new Set(marks.removed.filter((n) => n.kind === 'GatewayClass').map((n) => ghostId(n.id)));
  const edges: FlowEdge[] = [];
  for (const e of marks.removedEdges) {
    // GatewayClass → Gateway runs top to bottom, as the canvas draws it (flow-elements.ts verticalEdges).
    const vertical = e.kind === 'ref' && (classes.has(e.source) || removedClasses.has(e.source));
    const sourceHandle = vertical ? handleIds.below : handleIds.source(e.sourceRow);
    const targetHandle = vertical ? handleIds.above : handleIds.target(e.targetRow);
    if (!handles.get(e.source)?.has(sourceHandle) || !handles.get(e.target)?.has(targetHandle)) continue;
    edges.push({ id: ghostId(e.id), source: e.source, target: e.target, sourceHandle, targetHandle, type: 'route', data: { edge: e, active: false, explain: false, removed: true }, selectable: false, focusable: false });
  }
  return { nodes, edges };
}

