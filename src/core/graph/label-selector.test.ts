import { describe, expect, it } from 'vitest';
import { matchesEquality, readLabels } from './label-selector.js';

// Written from the Kubernetes labels page: a map selector holds equality-based requirements only,
// all of which must hold (AND); the object may carry more labels; values compare exactly.
describe('matchesEquality (Service spec.selector, subset labels)', () => {
  it.each([
    ['one requirement, met', { app: 'reviews' }, { app: 'reviews', version: 'v1' }, true],
    ['every requirement must hold (AND)', { app: 'reviews', version: 'v2' }, { app: 'reviews', version: 'v1' }, false],
    ['all requirements met', { app: 'reviews', version: 'v1' }, { version: 'v1', app: 'reviews' }, true],
    ['the label is absent', { version: 'v1' }, { app: 'reviews' }, false],
    ['values compare exactly (case)', { app: 'Reviews' }, { app: 'reviews' }, false],
    ['values compare exactly (no prefix)', { app: 'review' }, { app: 'reviews' }, false],
    ['an empty value matches only an empty value', { tier: '' }, { tier: '' }, true],
    ['an empty value is not an absent label', { tier: '' }, {}, false],
    ['prefixed keys are whole keys', { 'app.kubernetes.io/name': 'ratings' }, { 'app.kubernetes.io/name': 'ratings' }, true],
    ['a key is not matched by its name part', { name: 'ratings' }, { 'app.kubernetes.io/name': 'ratings' }, false],
    ['an empty selector has no requirement', {}, { app: 'x' }, true],
    ['an inherited property is not a label', { constructor: 'x' }, {}, false],
  ])('%s', (_case, selector, labels, expected) => {
    expect(matchesEquality(selector, labels)).toBe(expected);
  });
});

describe('readLabels', () => {
  it.each([
    ['a map of strings', { app: 'a', version: 'v1' }, { app: 'a', version: 'v1' }],
    ['non-string values are not labels (the API server refuses them)', { app: 'a', version: 1, on: true }, { app: 'a' }],
    ['not a map', ['app=a'], {}],
    ['absent', undefined, {}],
  ])('%s', (_case, input, expected) => {
    expect(readLabels(input)).toEqual(expected);
  });
});
