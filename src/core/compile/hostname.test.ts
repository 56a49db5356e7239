import { describe, expect, it } from 'vitest';
import { hostMatches, hostnameSpecificity, intersectHostnames, wildcardSuffixes } from './hostname.js';

// gateway-api.md §2.2; apis/v1/shared_types.go (Hostname): `*.example.com` is a suffix match that
// needs at least one more label and never matches example.com itself.
describe('hostMatches (§2.2)', () => {
  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'aexample.com', false],
    ['www.example.com', 'www.example.com', true],
    ['www.example.com', 'a.www.example.com', false],
    ['*', 'anything.io', true],
  ])('%s accepts %s: %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });
});

// gateway-api.md §3.3; apis/v1/httproute_types.go (Hostnames doc), conformance
// tlsroute-hostname-intersection: the intersection is the more specific of the two names.
describe('intersectHostnames (§3.3)', () => {
  it.each([
    ['*', 'a.b.c', 'a.b.c'],
    ['a.b.c', 'a.b.c', 'a.b.c'],
    ['a.b.c', '*.b.c', 'a.b.c'],
    ['a.b.c', '*.c', 'a.b.c'],
    ['*.b.c', 'x.b.c', 'x.b.c'],
    ['*.b.c', '*.x.b.c', '*.x.b.c'],
    ['*.example.com', '*.com', '*.example.com'],
    ['*.com', '*.example.com', '*.example.com'],
    ['*.example.com', 'test.example.net', null],
    ['*.wildcard.io', 'wildcard.io', null],
    ['a.b.c', 'x.b.c', null],
  ])('%s × %s = %s', (a, b, expected) => {
    expect(intersectHostnames(a, b)).toBe(expected);
    expect(intersectHostnames(b, a)).toBe(expected);
  });
});

// gateway-api.md §2.2: exact beats wildcard, longer wildcard beats shorter, no hostname last.
describe('hostnameSpecificity (§2.2)', () => {
  it('orders exact > *.foo.example.com > *.example.com > none', () => {
    const order = ['*.example.com', null, 'a.example.com', '*.foo.example.com'].sort((a, b) => hostnameSpecificity(b) - hostnameSpecificity(a));
    expect(order).toEqual(['a.example.com', '*.foo.example.com', '*.example.com', null]);
  });
  it('lists covering wildcard suffixes, most specific first', () => {
    expect(wildcardSuffixes('a.b.c')).toEqual(['.b.c', '.c']);
    expect(wildcardSuffixes('*.b.c')).toEqual(['.c']);
  });
});
