import { describe, expect, it } from 'vitest';
import { boxOf, centredOn, fitFrame, toCanvas, union, viewRect } from './minimap-geometry';

describe('minimap geometry', () => {
  it('reads the view from the transform', () => {
    expect(viewRect([-100, 50, 0.5], 400, 300)).toEqual({ x: 200, y: -100, width: 800, height: 600 });
  });

  it('unites rectangles, and has none for nothing', () => {
    expect(union([])).toBeNull();
    expect(
      union([
        { x: 0, y: 10, width: 10, height: 10 },
        { x: -5, y: 0, width: 5, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 20 });
  });

  it.each([
    // a wide world is limited by the width, centred vertically
    [{ x: 0, y: 0, width: 1000, height: 100 }, 168, 112, 0.156],
    // a tall world is limited by the height
    [{ x: 0, y: 0, width: 100, height: 1000 }, 168, 112, 0.1],
  ])('fits %o in %d × %d', (world, w, h, scale) => {
    const f = fitFrame(world, w, h);
    expect(f.scale).toBeCloseTo(scale, 3);
    // the world's centre is drawn at the map's centre
    const c = toCanvas(f, w / 2, h / 2);
    expect(c.x).toBeCloseTo(world.x + world.width / 2, 6);
    expect(c.y).toBeCloseTo(world.y + world.height / 2, 6);
  });

  it('centres the view on a canvas point at the current zoom', () => {
    const t = centredOn({ x: 500, y: 200 }, 0.5, 800, 600);
    expect(viewRect([t.x, t.y, t.zoom], 800, 600)).toEqual({ x: 500 - 800, y: 200 - 600, width: 1600, height: 1200 });
  });
});

describe('boxOf', () => {
  it.each([
    [[], null],
    [[{ position: { x: 10, y: 20 }, width: 100, height: 50 }], { x: 10, y: 20, width: 100, height: 50 }],
    [[{ position: { x: 10, y: 20 }, width: 100, height: 50 }, { position: { x: -5, y: 100 } }], { x: -5, y: 20, width: 115, height: 80 }],
  ])('%j → %j', (nodes, box) => {
    expect(boxOf(nodes)).toEqual(box);
  });
});
