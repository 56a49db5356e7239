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
export function placeWhenDrawn(design: DesignStore, resourceId: string, want: XY, placed?: (box: Box) => void): void {
  let waited = 0;
  const place = (s: DesignState): boolean => {
    const nodeId = selectGraph(s).nodeByResource[resourceId];
    if (nodeId === undefined) return ++waited >= PATIENCE;
    const node = selectGraph(s).nodes.find((n) => n.id === nodeId);
    // Drawn inside another node (a DestinationRule as rows of its Service): nothing to place.
    if (nodeId !== resourceId || !node) return true;
    const size = nodeSize(node);
    const spot = placeFree({ ...want, ...size }, drawnBoxes(s, nodeId));
    if (spot.x !== want.x || spot.y !== want.y) design.getState().moveNode(nodeId, spot);
    placed?.({ ...spot, ...size });
    return true;
  };
  if (place(design.getState())) return;
  const unsubscribe = design.subscribe((s, prev) => {
    if (s.shown !== prev.shown && place(s)) unsubscribe();
  });
}

/** A screen rectangle (the pane, an overlay over it). */
export interface ScreenRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Screen pixels kept between a new node and the edges of the pane or its overlays. */
const VIEW_MARGIN = 16;

/**
 * Where a node added by a click goes, in screen pixels: the middle of the pane's widest band left
 * clear of its overlays (the minimap, the zoom controls) — the part of the canvas the user sees.
 */
export function visibleSpot(pane: ScreenRect, overlays: readonly ScreenRect[]): { x: number; y: number } {
  // The pane's columns left of, between and right of the overlays: the widest one wins.
  const edges = [pane.x, ...overlays.flatMap((o) => [o.x, o.x + o.width]), pane.x + pane.width].sort((a, b) => a - b);
  let best = { from: pane.x, to: pane.x + pane.width, width: -1 };
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = Math.max(pane.x, edges[i] ?? pane.x);
    const to = Math.min(pane.x + pane.width, edges[i + 1] ?? pane.x);
    const free = !overlays.some((o) => o.x < to && o.x + o.width > from && o.y < pane.y + pane.height / 2 + 1 && o.y + o.height > pane.y + pane.height / 2 - 1);
    if (free && to - from > best.width) best = { from, to, width: to - from };
  }
  if (best.width < 0) best = { from: pane.x, to: pane.x + pane.width, width: pane.width };
  return { x: Math.round((best.from + best.to) / 2), y: Math.round(pane.y + pane.height / 2) };
}

/** Whether a screen box lies inside the pane (with a margin) and clear of every overlay. */
export function inView(box: ScreenRect, pane: ScreenRect, overlays: readonly ScreenRect[]): boolean {
  const inside = box.x >= pane.x + VIEW_MARGIN / 2 && box.y >= pane.y + VIEW_MARGIN / 2 && box.x + box.width <= pane.x + pane.width - VIEW_MARGIN / 2 && box.y + box.height <= pane.y + pane.height - VIEW_MARGIN / 2;
  return inside && !overlays.some((o) => o.x < box.x + box.width && o.x + o.width > box.x && o.y < box.y + box.height && o.y + o.height > box.y);
}
