/**
 * The minimap's geometry, apart from drawing: the world it shows (every node and the view), the
 * scale that fits it in the map, and the mapping from a point of the map back to the canvas.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapFrame {
  /** Map pixels per canvas unit. */
  readonly scale: number;
  /** The canvas point drawn at the map's top-left corner. */
  readonly x: number;
  readonly y: number;
}

/** The canvas area in view, from React Flow's transform [tx, ty, zoom] and the pane's size. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** The smallest rectangle holding all of `rects` (null for none). */
export function union(rects: Iterable<Rect>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Fit `world` in a map of `width` × `height`, centred, with `padding` map pixels around it. */
export function fitFrame(world: Rect, width: number, height: number, padding = 6): MapFrame {
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const scale = Math.min(w / Math.max(1, world.width), h / Math.max(1, world.height));
  return {
    scale,
    x: world.x - (width / scale - world.width) / 2,
    y: world.y - (height / scale - world.height) / 2,
  };
}

/** The canvas point under a point of the map. */
export function toCanvas(frame: MapFrame, mapX: number, mapY: number): { x: number; y: number } {
  return { x: frame.x + mapX / frame.scale, y: frame.y + mapY / frame.scale };
}

/** The transform that centres the view on canvas point `at`, keeping the zoom. */
export function centredOn(at: { x: number; y: number }, zoom: number, width: number, height: number): { x: number; y: number; zoom: number } {
  return { x: width / 2 - at.x * zoom, y: height / 2 - at.y * zoom, zoom };
}

/** The box around nodes (top-left `position`, `width`, `height`), without a rectangle made for each: a huge design has a hundred thousand. */
export function boxOf(nodes: Iterable<{ readonly position: { readonly x: number; readonly y: number }; readonly width?: number | null; readonly height?: number | null }>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { position: p, width, height } of nodes) {
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x + (width ?? 0) > x1) x1 = p.x + (width ?? 0);
    if (p.y + (height ?? 0) > y1) y1 = p.y + (height ?? 0);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}
