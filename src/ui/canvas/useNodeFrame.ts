import { selectNode, selectViewGraph, useDesign, type CompareMark } from '../../store/index';
import type { GraphNode } from '../../core/index';
import { selectNodeLitOrCompared } from '../compare/compare-lit';
import { selectNodeMark } from '../compare/compare-marks';
import { nodeTestId } from '../common/family';
import { connectedHandles } from './handles';
import { nodeSize } from './metrics';
import { useFar } from './useFar';

export interface NodeFrame {
  readonly node: GraphNode;
  /** The node's class list: family, role, severity, selection, and the simulator's lit/dim state. */
  readonly className: string;
  readonly style: { readonly width: number; readonly height: number };
  readonly testId: string;
  /**
   * Zoomed far out: draw the box, the name and the handles only. The handles always: React Flow
   * measures them from the page when it first draws a node, whatever the zoom (NodeHandles.tsx).
   */
  readonly far: boolean;
  readonly handleClass: (handle: string) => string;
  /** The compare view's mark: added since the before version, or behaving differently; null when not comparing. */
  readonly mark: CompareMark | null;
}

/** What every canvas node component reads about itself, by id (CardNode, SmallNode). */
export function useNodeFrame(id: string, selected: boolean, shape: 'rd-card' | 'rd-small'): NodeFrame | null {
  const node = useDesign((s) => selectNode(s, id));
  const connected = useDesign((s) => connectedHandles(selectViewGraph(s), id));
  // The simulator's path (or the picked compare change's): on it (lit) or off it (dimmed); null when no answer is shown.
  const lit = useDesign((s) => selectNodeLitOrCompared(s, id));
  const mark = useDesign((s) => selectNodeMark(s, id));
  const far = useFar();
  if (!node) return null;
  const classes = ['rd-node', shape, `rd-fam-${node.family}`, `rd-role-${node.role}`];
  if (node.severity) classes.push(`rd-has-${node.severity}`);
  if (selected) classes.push('is-selected');
  if (lit) classes.push(lit === 'on' ? 'is-lit' : 'is-dim');
  if (far) classes.push('is-far');
  if (mark) classes.push(`is-cmp-${mark}`);
  return {
    node,
    className: classes.join(' '),
    style: nodeSize(node),
    testId: nodeTestId(node.kind, node.namespace, node.name),
    far,
    handleClass: (handle) => (connected.has(handle) ? 'is-connected' : 'is-idle'),
    mark,
  };
}
