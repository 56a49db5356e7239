import { placeFree, type Box } from '../../core/index';
import { selectGraph, type DesignState, type DesignStore, type XY } from '../../store/index';
import { nodeSize } from '../canvas/metrics';

/** The boxes of the nodes drawn now (those with a position), but `except`. */
export function drawnBoxes(s: DesignState, except: string): Box[] {
  const boxes: Box[] = [];
  for (const n of selectGraph(s).nodes) {
    const p = s.positions[n.id];
    if (p && n.id !== except) boxes.push({ ...p, ...nodeSize(n) });
  }
  return boxes;
}

/** Analyses to wait for the dropped object's node before giving up (a refused or broken text). */
const PATIENCE = 3;

/**
 * A dropped object's size is known once its node is in the graph (after the analysis of the new
 * text): then it is moved from where it was dropped to the nearest spot where it hides no other
 * node. This runs as the graph arrives, before the canvas draws it: the node never jumps.
 */
export function placeWhenDrawn(design: DesignStore, resourceId: string, want: XY): void {
  let waited = 0;
  const place = (s: DesignState): boolean => {
    const nodeId = selectGraph(s).nodeByResource[resourceId];
    if (nodeId === undefined) return ++waited >= PATIENCE;
    const node = selectGraph(s).nodes.find((n) => n.id === nodeId);
    // Drawn inside another node (a DestinationRule as rows of its Service): nothing to place.
    if (nodeId !== resourceId || !node) return true;
    const spot = placeFree({ ...want, ...nodeSize(node) }, drawnBoxes(s, nodeId));
    if (spot.x !== want.x || spot.y !== want.y) design.getState().moveNode(nodeId, spot);
    return true;
  };
  if (place(design.getState())) return;
  const unsubscribe = design.subscribe((s, prev) => {
    if (s.shown !== prev.shown && place(s)) unsubscribe();
  });
}
