import { describe, expect, it } from 'vitest';
import { fitAvoiding, sameViewport, type FitRequest, type Viewport } from './fit-geometry';
import type { Rect } from './minimap-geometry';

// A pane of 1000 × 800 with the minimap in its top-right corner and the zoom controls bottom-left.
const MINIMAP: Rect = { x: 817, y: 15, width: 168, height: 112 };
const CONTROLS: Rect = { x: 15, y: 700, width: 28, height: 85 };
const base = { width: 1000, height: 800, overlays: [MINIMAP, CONTROLS], minZoom: 0.08, maxZoom: 1, margin: 20 } as const;

/** The rectangle a node is drawn at on screen. */
const onScreen = (v: Viewport, n: Rect): Rect => ({ x: n.x * v.zoom + v.x, y: n.y * v.zoom + v.y, width: n.width * v.zoom, height: n.height * v.zoom });
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function request(nodes: Rect[], over: Partial<FitRequest> = {}): FitRequest {
  const x0 = Math.min(...nodes.map((n) => n.x));
  const y0 = Math.min(...nodes.map((n) => n.y));
  const x1 = Math.max(...nodes.map((n) => n.x + n.width));
  const y1 = Math.max(...nodes.map((n) => n.y + n.height));
  return { ...base, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, nodes, ...over };
}

describe('fit avoiding the overlays', () => {
  it.each<[string, Rect[], number]>([
    // A wide row: the width decides (960 / 2000); its nodes sit mid-height, far from both overlays.
    ['a wide row, clear of the corners', [{ x: 0, y: 0, width: 300, height: 100 }, { x: 1700, y: 0, width: 300, height: 100 }], 0.48],
    // A wide grid whose top-right card would sit under the minimap at 0.48: it gives up the rows
    // the minimap stands in (663 - 2 × 20 high: 623 / 1400), not its columns (767 / 2000 = 0.38).
    ['a wide grid, a card in the top-right corner', [{ x: 0, y: 0, width: 300, height: 100 }, { x: 1700, y: 0, width: 300, height: 100 }, { x: 0, y: 1300, width: 300, height: 100 }, { x: 1700, y: 1300, width: 300, height: 100 }], 0.445],
    // A tall column: the height decides, and the column in the middle misses both overlays.
    ['a tall column', [{ x: 0, y: 0, width: 240, height: 100 }, { x: 0, y: 1900, width: 240, height: 100 }], 0.38],
  ])('%s: zoom %d, no node under an overlay', (_name, nodes, zoom) => {
    const v = fitAvoiding(request(nodes));
    expect(v.zoom).toBeCloseTo(zoom, 2);
    for (const n of nodes) {
      for (const o of base.overlays) expect(overlaps(onScreen(v, n), o)).toBe(false);
      const r = onScreen(v, n);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(base.width);
      expect(r.y + r.height).toBeLessThanOrEqual(base.height);
    }
  });

  it('keeps the whole pane when the nodes miss the overlays there', () => {
    // A square of cards with a hole in each corner where the overlays are.
    const nodes = [{ x: 300, y: 0, width: 400, height: 100 }, { x: 0, y: 300, width: 1000, height: 200 }, { x: 300, y: 700, width: 400, height: 100 }];
    const v = fitAvoiding(request(nodes, { height: 1000 }));
    expect(v.zoom).toBeCloseTo(0.96, 2);
  });

  it('gives up the side that costs least: beside a tall design, above a wide one', () => {
    // A square design as large as the pane: the minimap must cost some zoom either way.
    const square = [{ x: 0, y: 0, width: 1000, height: 1000 }];
    const v = fitAvoiding(request(square, { overlays: [MINIMAP], width: 1200, height: 800 }));
    // Over the whole pane (0.76) it would reach under the minimap. Beside it, the pane keeps 807
    // columns (767 / 1000) and the height still decides: 0.76; below it, 623 / 1000 only.
    expect(v.zoom).toBeCloseTo(0.76, 2);
    expect(overlaps(onScreen(v, square[0] as Rect), MINIMAP)).toBe(false);
  });

  it('does not blow a small design past the largest zoom, and centres it', () => {
    const v = fitAvoiding(request([{ x: 100, y: 100, width: 300, height: 100 }]));
    expect(v).toEqual({ zoom: 1, x: 500 - 250, y: 400 - 150 });
  });

  it('shows the top-left corner of a design too big for the smallest zoom, below the minimap and right of the controls', () => {
    const nodes = [{ x: 0, y: 0, width: 100_000, height: 100_000 }];
    const v = fitAvoiding(request(nodes, { minZoom: 0.5 }));
    // Its corner where the pane is clear: right of the controls (43 + 10 + 20), below the minimap (127 + 10 + 20).
    expect(v).toEqual({ zoom: 0.5, x: 73, y: 157 });
  });

  it('shows the top of a strip too tall for the smallest zoom (where its Gateways are), centred across', () => {
    // A namespace of 250 routes opened: one column 50,000 px tall, the Gateway card on top.
    const nodes = Array.from({ length: 250 }, (_, i) => ({ x: 0, y: i * 200, width: 320, height: 180 }));
    const v = fitAvoiding(request(nodes));
    expect(v.zoom).toBe(0.08);
    const top = onScreen(v, nodes[0] as Rect);
    expect(top.y).toBe(20);
    expect(top.x + top.width / 2).toBeCloseTo(500, 6);
  });

  it('tells a view that was not moved from one that was', () => {
    expect(sameViewport({ x: 10, y: 20, zoom: 0.5 }, { x: 10.2, y: 19.9, zoom: 0.5004 })).toBe(true);
    expect(sameViewport({ x: 10, y: 20, zoom: 0.5 }, { x: 14, y: 20, zoom: 0.5 })).toBe(false);
    expect(sameViewport({ x: 10, y: 20, zoom: 0.5 }, { x: 10, y: 20, zoom: 0.52 })).toBe(false);
  });
});
