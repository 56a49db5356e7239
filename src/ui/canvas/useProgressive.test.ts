import { describe, expect, it } from 'vitest';
import { mostlyNew, nextLimit } from './useProgressive';

const ids = (...xs: string[]) => xs.map((id) => ({ id }));

describe('mostlyNew', () => {
  it.each([
    [ids(), ids('a'), true],
    [ids('a', 'b'), ids('a', 'b', 'c'), false],
    [ids('a', 'b'), ids('c', 'd', 'a'), true],
    [ids('a'), ids(), false],
  ])('%j → %j: %s', (prev, next, expected) => {
    expect(mostlyNew(prev, next)).toBe(expected);
  });
});

describe('nextLimit', () => {
  it('grows by the step first, then by half of what is shown', () => {
    const seq = [800];
    while ((seq[seq.length - 1] ?? 0) < 50_000) seq.push(nextLimit(seq[seq.length - 1] ?? 0));
    expect(seq.slice(0, 5)).toEqual([800, 1600, 2400, 3600, 5400]);
    // 50,000 edges in a dozen frames, not sixty.
    expect(seq.length).toBeLessThanOrEqual(12);
  });
});
