import type { Rect } from './minimap-geometry';

/**
 * Fit view, apart from React Flow: the zoom and pan that show a box of the canvas as large as the
 * pane allows, with none of the pane's overlays (the minimap, the zoom controls) over a node.
 */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitRequest {
  /** The canvas box to show (every node). */
  readonly box: Rect;
  /** The nodes' own rectangles, in canvas units: only they must stay clear of the overlays. */
  readonly nodes: Iterable<Rect>;
  /** The pane's size in screen pixels. */
  readonly width: number;
  readonly height: number;
  /** Overlays drawn over the pane, in pane pixels from its top-left corner. */
  readonly overlays: readonly Rect[];
  readonly minZoom: number;
  readonly maxZoom: number;
  /** Screen pixels kept free around the box and between a node and an overlay. */
  readonly margin: number;
}

/** The part of the pane a candidate fit uses. */
interface Area {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * `box` as large as `area` allows, centred in it (the zoom kept within limits). A box too big to
 * show whole even at the smallest zoom shows its start — top and left, where the Gateways are —
 * not its middle (a namespace of 250 routes opened is a strip 40,000 px tall).
 */
function fitIn(box: Rect, area: Area, margin: number, minZoom: number, maxZoom: number): Viewport {
  const w = Math.max(1, area.right - area.left - 2 * margin);
  const h = Math.max(1, area.bottom - area.top - 2 * margin);
  const raw = Math.min(w / Math.max(1, box.width), h / Math.max(1, box.height));
  const zoom = Math.min(maxZoom, Math.max(minZoom, raw));
  return {
    zoom,
    x: box.width * zoom > w ? area.left + margin - box.x * zoom : (area.left + area.right) / 2 - (box.x + box.width / 2) * zoom,
    y: box.height * zoom > h ? area.top + margin - box.y * zoom : (area.top + area.bottom) / 2 - (box.y + box.height / 2) * zoom,
  };
}

/**
 * The ways of keeping clear of one overlay: ignore it (the nodes may miss it anyway), give up the
 * columns it stands in (from its side of the pane), or the rows.
 */
function avoidances(o: Rect, width: number, height: number, margin: number): ((a: Area) => Area)[] {
  const leftSide = o.x + o.width / 2 < width / 2;
  const topSide = o.y + o.height / 2 < height / 2;
  return [
    (a) => a,
    (a) => (leftSide ? { ...a, left: Math.max(a.left, o.x + o.width + margin / 2) } : { ...a, right: Math.min(a.right, o.x - margin / 2) }),
    (a) => (topSide ? { ...a, top: Math.max(a.top, o.y + o.height + margin / 2) } : { ...a, bottom: Math.min(a.bottom, o.y - margin / 2) }),
  ];
}

/** Every combination of one avoidance per overlay (3^n areas: the pane has two overlays). */
function areas(req: FitRequest): Area[] {
  let out: Area[] = [{ left: 0, top: 0, right: req.width, bottom: req.height }];
  for (const o of req.overlays) {
    const ways = avoidances(o, req.width, req.height, req.margin);
    out = out.flatMap((a) => ways.map((way) => way(a)));
  }
  return out.filter((a) => a.right - a.left > 2 * req.margin && a.bottom - a.top > 2 * req.margin);
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether a node, drawn with `v`, comes within `gap` screen pixels of an overlay. */
function covers(v: Viewport, nodes: readonly Rect[], overlays: readonly Rect[], gap: number): boolean {
  for (const o of overlays) {
    const around = { x: o.x - gap, y: o.y - gap, width: o.width + 2 * gap, height: o.height + 2 * gap };
    for (const n of nodes) {
      if (overlaps(around, { x: n.x * v.zoom + v.x, y: n.y * v.zoom + v.y, width: n.width * v.zoom, height: n.height * v.zoom })) return true;
    }
  }
  return false;
}

/**
 * The largest fit of the box that leaves every overlay clear of the nodes: over the whole pane when
 * the nodes miss the overlays there, else beside or below them, whichever shows the design larger.
 * When none is clear (the zoom is held at its minimum), the whole pane's.
 */
export function fitAvoiding(req: FitRequest): Viewport {
  const full = fitIn(req.box, { left: 0, top: 0, right: req.width, bottom: req.height }, req.margin, req.minZoom, req.maxZoom);
  const nodes = [...req.nodes];
  // Largest first (a stable sort: at equal zoom, the area that gives up least comes first); the
  // first whose nodes miss every overlay wins, so a big design is checked once or twice, not 3^n times.
  const candidates = areas(req)
    .map((area) => fitIn(req.box, area, req.margin, req.minZoom, req.maxZoom))
    .sort((a, b) => b.zoom - a.zoom);
  return candidates.find((v) => !covers(v, nodes, req.overlays, req.margin / 2)) ?? full;
}

/** Whether two viewports are the same view (to the pixel): the view was not moved since a fit. */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}
