import { useMemo } from 'react';
import type { RouteGraph } from '../../core/index';
import { selectCompareMarks, useDesign } from '../../store/index';
import type { FlowNode } from '../canvas/flow-elements';
import { ghostElements, NO_GHOSTS, type Ghosts } from './ghost-elements';

/** The compare view's ghost cards and edges for the canvas (none when not comparing, or `off`). */
export function useGhosts(graph: RouteGraph, drawn: readonly FlowNode[], off: boolean): Ghosts {
  const marks = useDesign(selectCompareMarks);
  return useMemo(() => {
    if (off || marks.removed.length === 0) return NO_GHOSTS;
    const classes = new Set(graph.nodes.filter((n) => n.kind === 'GatewayClass').map((n) => n.id));
    return ghostElements(marks, drawn, classes);
  }, [marks, drawn, graph, off]);
}
