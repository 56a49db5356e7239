import { describe, expect, it } from 'vitest';
import { re2FullMatch, re2Refusal } from './re2.js';
import type { Re2RefusalKind } from './refusal.js';

// RE2 syntax: github.com/google/re2/wiki/Syntax. Envoy matches with RE2::FullMatch
// (envoy source/common/common/regex.h), so every pattern must cover the whole value.
describe('RE2 syntax is read as RE2', () => {
  it.each([
    ['(?P<n>a)', 'a', true],
    ['(?<n>a)b', 'ab', true],
    ['[[:alpha:]]+', 'abc', true],
    ['[[:alpha:]]+', 'ab1', false],
    ['(?i)abc', 'ABC', true],
    ['(?i:a)b', 'Ab', true],
    ['(?i:a)b', 'AB', false],
    ['\\pL+', 'héllo', true],
    ['\\pL+', 'a1', false],
    ['\\p{Greek}+', 'αβγ', true],
    ['a\\z', 'a', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['(?s).', '\n', true],
    ['.', '\n', false],
    ['\\x{41}', 'A', true],
    ['\\d\\w\\s', '1_ ', true],
  ])('%s against %j → %s', (pattern, value, expected) => {
    expect(re2Refusal(pattern)).toBeNull();
    expect(re2FullMatch(pattern, value)).toBe(expected);
  });
});

describe('a match covers the whole value (RE2::FullMatch)', () => {
  it.each([
    ['/api', '/api/v1', false],
    ['/api/v[0-9]+/.*', '/api/v2/users', true],
    ['/api/v[0-9]+/.*', '/api/vx/users', false],
    ['b', 'abc', false],
    ['^/users/[^/]+$', '/users/alice', true],
    ['^/users/[^/]+$', '/users/alice/orders', false],
    ['a|ab', 'ab', true],
    ['(foo|bar)-\\d+', 'foo-12', true],
    ['(foo|bar)-\\d+', 'foo-12x', false],
    ['', '', true],
    ['', 'a', false],
  ])('%s against %j → %s', (pattern, value, expected) => {
    expect(re2FullMatch(pattern, value)).toBe(expected);
  });
});

describe('patterns RE2 refuses are refused, with the reason, and match nothing', () => {
  it.each<[string, Re2RefusalKind, string]>([
    ['(a)\\1', 'Backreference', 'aa'],
    ['(?P<n>a)\\k<n>', 'Backreference', 'aa'],
    ['(?=a)a', 'Lookaround', 'a'],
    ['(?!b)a', 'Lookaround', 'a'],
    ['(?<=a)b', 'Lookaround', 'ab'],
    ['(?<!a)b', 'Lookaround', 'b'],
    ['(?>a)', 'AtomicGroup', 'a'],
    ['a++', 'PossessiveQuantifier', 'aa'],
    ['a**', 'PossessiveQuantifier', 'aa'],
    ['a{1001}', 'RepeatCount', 'a'],
    ['a{2,1}', 'RepeatCount', 'a'],
    ['a\\Z', 'UnsupportedEscape', 'a'],
    ['\\u0041', 'UnsupportedEscape', 'A'],
    ['(a', 'Syntax', 'a'],
    ['*', 'Syntax', '*'],
    ['[z-a]', 'Syntax', 'a'],
  ])('%s: %s', (pattern, kind, value) => {
    expect(re2Refusal(pattern)?.kind).toBe(kind);
    expect(re2Refusal(pattern)?.reason).toMatch(/\S/);
    expect(re2FullMatch(pattern, value)).toBe(false);
  });

  it('says why, in words', () => {
    expect(re2Refusal('(a)\\1')?.reason).toContain('backreference');
    expect(re2Refusal('(?<=a)b')?.reason).toContain('lookbehind');
  });
});

// A backtracking engine needs exponential time on these; RE2 is linear. The timeout is generous on
// purpose (a busy CI machine): the answer is what is asserted.
describe('hostile patterns answer at once', () => {
  const as = (n: number): string => 'a'.repeat(n);
  it.each([
    ['(a+)+$', `${as(50)}!`, false],
    ['/(a+)+$', `/${as(50)}!`, false],
    ['(a+)+$', `${as(10_000)}!`, false],
    ['(a|aa)+', `${as(10_000)}!`, false],
    ['(a|aa)+', as(10_000), true],
    ['(.*a){20}', `${as(10_000)}!`, false],
    ['(.*a){20}', as(10_000), true],
    ['(x+x+)+y', 'x'.repeat(5_000), false],
  ])('%s against %#', (pattern, value, expected) => {
    expect(re2FullMatch(pattern, value)).toBe(expected);
  }, 5_000);
});
