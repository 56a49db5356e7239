import { describe, expect, it } from 'vitest';
import { spread } from './edge-routes';

/** Label lanes of one card: at least `gap` apart, in their order, each crowded run centred on its wants. */
describe('spread', () => {
  const cases: { name: string; wanted: number[]; gap: number; placed: number[] }[] = [
    { name: 'apart already: unchanged', wanted: [0, 20, 60], gap: 20, placed: [0, 20, 60] },
    { name: 'two on one place: centred on it', wanted: [10, 10], gap: 20, placed: [0, 20] },
    { name: 'adjacent rows forked ±10 (28 px rows): they part, their mean stays (14)', wanted: [-10, 10, 18, 38], gap: 20, placed: [-16, 4, 24, 44] },
    { name: 'a crowded run and a free item after it', wanted: [0, 0, 0, 200], gap: 20, placed: [-20, 0, 20, 200] },
    { name: 'a run that grows into the next merges with it', wanted: [0, 0, 30], gap: 20, placed: [-10, 10, 30] },
    { name: 'unsorted input is ordered by wanted place', wanted: [40, 0], gap: 20, placed: [0, 40] },
  ];
  it.each(cases)('$name', ({ wanted, gap, placed }) => {
    const items = wanted.map((y) => ({ y }));
    spread(items, gap);
    expect(items.map((i) => i.y)).toEqual(placed);
    for (let k = 1; k < items.length; k++) expect((items[k]?.y ?? 0) - (items[k - 1]?.y ?? 0)).toBeGreaterThanOrEqual(gap - 1e-9);
  });
});
