import { describe, expect, it } from 'vitest';
import { readingOrder, READING_ORDER_MAX, type Placed } from './reading-order';

const at = (id: string, x: number, y: number, width = 100, height = 50): Placed => ({ id, position: { x, y }, width, height });
const ids = (ps: readonly Placed[]): string[] => ps.map((p) => p.id);

describe('readingOrder', () => {
  it.each<[string, Placed[], Placed[], string[]]>([
    ['columns left to right, each top to bottom', [], [at('svc-b', 600, 200), at('route', 300, 0), at('gw', 0, 40), at('svc-a', 600, 0)], ['gw', 'route', 'svc-a', 'svc-b']],
    ['a column whose left edges differ a little is one column', [], [at('r2', 310, 100), at('r1', 290, 0), at('s', 600, 0)], ['r1', 'r2', 's']],
    ['a class above its Gateway comes first', [], [at('gw', 0, 120), at('class', 10, 0)], ['class', 'gw']],
    ['a namespace box just before its first object', [at('ns:shop', 280, -20, 440, 300)], [at('gw', 0, 0), at('route', 300, 0), at('svc', 600, 0)], ['gw', 'ns:shop', 'route', 'svc']],
    ['an empty namespace last', [at('ns:empty', 0, 500, 180, 48)], [at('gw', 0, 0)], ['gw', 'ns:empty']],
  ])('%s', (_what, boxes, nodes, expected) => {
    expect(ids(readingOrder(boxes, nodes))).toEqual(expected);
  });

  it('leaves a huge design as it is', () => {
    const many = Array.from({ length: READING_ORDER_MAX + 1 }, (_, i) => at(`n${i}`, READING_ORDER_MAX - i, 0));
    expect(ids(readingOrder([], many))).toEqual(ids(many));
  });
});
