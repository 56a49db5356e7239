import { describe, expect, it } from 'vitest';
import { longestLine, partOf } from './big-text';

describe('big texts in the editor', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['ab\nabcd\nabc', 4],
    ['abc\n', 3],
    ['\n\n', 0],
  ])('the longest line of %j is %d characters', (text, expected) => {
    expect(longestLine(text)).toBe(expected);
  });

  it.each([
    ['short', 10, 'short'],
    ['aaaa\nbbbb\ncccc\n', 12, 'aaaa\nbbbb\n'],
    ['aaaa\nbbbb\ncccc\n', 10, 'aaaa\nbbbb\n'],
    ['one long line', 4, 'one '],
  ])('the part of %j shown in %d characters is %j', (text, chars, expected) => {
    expect(partOf(text, chars)).toBe(expected);
  });
});
