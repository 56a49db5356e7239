import { describe, expect, it } from 'vitest';
import { mostlyNew } from './useProgressive';

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
