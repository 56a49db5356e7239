import { describe, expect, it } from 'vitest';
import { backendLabel, formatPercent, shares } from './weights.js';

describe('shares', () => {
  it.each([
    [[90, 10], [0.9, 0.1]],
    [[1, 1], [0.5, 0.5]],
    [[1], [1]],
    [[0, 0], [0, 0]],
    [[3, 0, 1], [0.75, 0, 0.25]],
    [[-5, 5], [0, 1]],
  ])('%j → %j', (weights, expected) => {
    expect(shares(weights)).toEqual(expected);
  });
});

describe('labels', () => {
  it.each([
    [0.9, '90 %'],
    [1 / 3, '33.3 %'],
    [0.005, '0.5 %'],
    [1, '100 %'],
    [0, '0 %'],
  ])('formatPercent(%d) = %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it.each([
    [90, 0.9, false, '90 · 90 %'],
    [1, 1, true, '100 %'],
    [1, 1, false, '1 · 100 %'],
    [0, 0, false, '0 · 0 %'],
  ])('backendLabel(%d, %d, %s) = %s', (weight, share, implicit, text) => {
    expect(backendLabel(weight, share, implicit)).toBe(text);
  });
});
