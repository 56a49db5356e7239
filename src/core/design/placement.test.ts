import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearOfFixed, placeFree, type Box } from './placement.js';

const box = (x: number, y: number, width = 100, height = 50): Box => ({ x, y, width, height });
const apart = (a: Box, b: Box, gap: number): boolean =>
  a.x >= b.x + b.width + gap || b.x >= a.x + a.width + gap || a.y >= b.y + b.height + gap || b.y >= a.y + a.height + gap;

describe('placeFree', () => {
  it.each([
    ['an empty canvas keeps the wanted spot', box(10, 20), [], { x: 10, y: 20 }],
    ['a free spot beside others is kept', box(300, 0), [box(0, 0)], { x: 300, y: 0 }],
    ['the gap counts: too close moves', box(110, 0), [box(0, 0)], { x: 124, y: 0 }],
    ['dropped on a tall node: the nearest side (above)', box(10, 0), [box(0, 0, 100, 200)], { x: 10, y: -74 }],
    ['dropped on a tall node lower down: beside it', box(10, 100), [box(0, 0, 100, 200)], { x: 124, y: 100 }],
    ['dropped on a wide node: below it', box(0, 10), [box(0, 0, 400, 30)], { x: 0, y: 54 }],
    ['dropped twice at one spot: the second lands beside the first', box(0, 0), [box(0, 0)], { x: 0, y: 74 }],
    ['squeezed between two nodes: past the nearer one', box(60, 0), [box(0, 0), box(130, 0)], { x: 60, y: 74 }],
  ] as const)('%s', (_, want, occupied, expected) => {
    expect(placeFree(want, occupied, 24)).toEqual(expected);
  });

  it('finds the nearest free spot around a ring of nodes', () => {
    const ring = [box(-124, -74), box(0, -74), box(124, -74), box(-124, 0), box(0, 0), box(124, 0), box(-124, 74), box(0, 74), box(124, 74)];
    const p = placeFree(box(0, 0), ring, 24);
    expect(ring.every((b) => apart({ ...box(0, 0), ...p }, b, 24))).toBe(true);
    expect(Math.abs(p.y) === 148 || Math.abs(p.x) === 248).toBe(true);
  });

  it('never overlaps, whatever is there (property)', () => {
    const arbBox = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), width: fc.integer({ min: 10, max: 300 }), height: fc.integer({ min: 10, max: 200 }) });
    fc.assert(
      fc.property(arbBox, fc.array(arbBox, { maxLength: 40 }), (want, occupied) => {
        const p = placeFree(want, occupied, 24);
        return occupied.every((b) => apart({ ...want, ...p }, b, 24));
      }),
      { seed: 4391, numRuns: 300 },
    );
  });

  it('finds a free spot on a big, dense design (outside its packed grid)', () => {
    const grid = Array.from({ length: 10_000 }, (_, i) => box((i % 100) * 130, Math.floor(i / 100) * 80));
    const p = placeFree(box(500, 500), grid, 24);
    expect(grid.every((b) => apart({ ...box(0, 0), ...p }, b, 24))).toBe(true);
  });
});

describe('clearOfFixed', () => {
  const b = (x: number, y: number, width = 100, height = 40) => ({ x, y, width, height });
  it('moves the laid-out boxes that overlap a hand-placed one, and only those', () => {
    const boxes = new Map([
      ['pinned', b(0, 0)],
      ['over', b(50, 10)],
      ['apart', b(400, 400)],
    ]);
    const moved = clearOfFixed(boxes, new Set(['pinned']));
    expect([...moved.keys()]).toEqual(['over']);
    const spot = moved.get('over');
    if (!spot) throw new Error('not moved');
    const placed = { ...b(0, 0), ...spot };
    expect(apart(placed, b(0, 0), 24)).toBe(true);
    expect(apart(placed, b(400, 400), 24)).toBe(true);
  });

  it('moves nothing without hand-placed boxes, or when none is overlapped', () => {
    expect(clearOfFixed(new Map([['a', b(0, 0)], ['b', b(10, 10)]]), new Set()).size).toBe(0);
    expect(clearOfFixed(new Map([['a', b(0, 0)], ['b', b(300, 0)]]), new Set(['a'])).size).toBe(0);
  });

  it('keeps two moved boxes apart from each other too', () => {
    const boxes = new Map([
      ['pinned', b(0, 0, 300, 300)],
      ['one', b(10, 10)],
      ['two', b(20, 20)],
    ]);
    const moved = clearOfFixed(boxes, new Set(['pinned']));
    const one = { ...b(0, 0), ...moved.get('one') };
    const two = { ...b(0, 0), ...moved.get('two') };
    expect(apart(one, two, 24)).toBe(true);
    expect(apart(one, b(0, 0, 300, 300), 24) && apart(two, b(0, 0, 300, 300), 24)).toBe(true);
  });
});
