import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pieces } from './pieces';

describe('pieces', () => {
  it.each([
    ['', 10, ['']],
    ['short\n', 10, ['short\n']],
    ['aaaa\nbbbb\ncccc\n', 4, ['aaaa\n', 'bbbb\n', 'cccc\n']],
    ['aaaa\nbbbb\ncccc', 6, ['aaaa\nbbbb\n', 'cccc']],
    ['one very long line without end', 4, ['one very long line without end']],
  ])('%j by %d', (text, size, expected) => {
    expect(pieces(text, size)).toEqual(expected);
  });

  it('joined, are the text; every piece but the last ends a line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é') }), fc.integer({ min: 1, max: 20 }), (text, size) => {
        const ps = pieces(text, size);
        expect(ps.join('')).toBe(text);
        for (const p of ps.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
      }),
    );
  });
});
