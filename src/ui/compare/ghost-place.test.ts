import { describe, expect, it } from 'vitest';
import { GHOST_GAP, placeGhosts, type Box, type GhostIn, type Placed } from './ghost-place';

const box = (id: string, role: string | null, x: number, y: number, width = 300, height = 100): Placed => ({ id, role, x, y, width, height });
const ghost = (id: string, role: string, width = 300, height = 100): GhostIn => ({ id, role, width, height });
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A gateway column at x 0, routes at x 500, backends at x 1000 (a layout's three columns). */
const LAYOUT: Placed[] = [
  box('gw', 'gateway', 0, 0, 380, 160),
  box('r1', 'route', 500, 0),
  box('r2', 'route', 500, 140),
  box('s1', 'backend', 1000, 0, 240, 80),
  box('s2', 'backend', 1000, 120, 240, 80),
];

describe('placeGhosts: where the compare view draws a removed object', () => {
  it.each([
    // [case, ghost, its edges, expected x]
    ['a removed route goes to the routes column', ghost('removed:r3', 'route'), [{ source: 'gw', target: 'removed:r3' }], 500],
    ['a removed backend goes to the backends column', ghost('removed:s3', 'backend', 240, 80), [{ source: 'r1', target: 'removed:s3' }], 1000],
    ['a role the layout lacks goes right of what points to it', ghost('removed:x', 'other', 210, 50), [{ source: 's1', target: 'removed:x' }], 1240 + GHOST_GAP.x],
    ['…and left of what it points to', ghost('removed:y', 'other', 210, 50), [{ source: 'removed:y', target: 'gw' }], 0 - 210 - GHOST_GAP.x],
  ])('%s', (_name, g, edges, x) => {
    const at = placeGhosts([g], LAYOUT, edges)[g.id];
    expect(at?.x).toBe(x);
  });

  it('never covers a drawn node or another ghost, and stays near its neighbours', () => {
    const ghosts = [ghost('removed:a', 'route'), ghost('removed:b', 'route'), ghost('removed:c', 'backend', 240, 80)];
    const edges = [
      { source: 'gw', target: 'removed:a' },
      { source: 'gw', target: 'removed:b' },
      { source: 'removed:a', target: 'removed:c' },
    ];
    const at = placeGhosts(ghosts, LAYOUT, edges);
    const placed: Box[] = [...LAYOUT];
    for (const g of ghosts) {
      const p = at[g.id];
      expect(p, g.id).toBeDefined();
      const b = { x: p?.x ?? 0, y: p?.y ?? 0, width: g.width, height: g.height };
      for (const other of placed) expect(overlap(b, other), `${g.id} over ${JSON.stringify(other)}`).toBe(false);
      placed.push(b);
    }
    // Just under the routes it sits among (the gateway's middle is above their bottom).
    expect(at['removed:a']?.y).toBe(140 + 100 + GHOST_GAP.y);
  });

  it('keeps clear of namespace boxes (roles null) too', () => {
    const withGroup = [...LAYOUT, box('ns:shop', null, 480, 300, 800, 400)];
    const at = placeGhosts([ghost('removed:r', 'route')], withGroup, [])['removed:r'];
    expect(at).toBeDefined();
    expect(overlap({ x: at?.x ?? 0, y: at?.y ?? 0, width: 300, height: 100 }, withGroup[5] as Box)).toBe(false);
  });

  it('places nothing when there is nothing removed', () => {
    expect(placeGhosts([], LAYOUT, [])).toEqual({});
  });
});
