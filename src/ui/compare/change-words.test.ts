import { describe, expect, it } from 'vitest';
import type { DesignDiff, DiffOutcome } from '../../core/index';
import { changeAspects, diffCountWords, diffEntryCount, statusChangeWords } from './change-words';

const OUT: DiffOutcome = {
  status: 200,
  outcomes: [{ probability: 1, status: 200 }],
  route: { kind: 'HTTPRoute', namespace: 'shop', name: 'cart' },
  rule: 1,
  backends: [{ kind: 'Service', namespace: 'shop', name: 'cart-v1', port: 8080, subset: null, probability: 1, problem: null }],
  redirect: null,
  request: null,
  responseHeaders: { set: {}, add: {}, remove: [] },
  mirrors: [],
  timeouts: null,
  retries: null,
} as unknown as DiffOutcome;

describe('changeAspects: what part of the answer a change is about', () => {
  it.each([
    ['a weight change', { backends: [{ ...OUT.backends[0], probability: 0.5 }, { ...OUT.backends[0], name: 'cart-v2', probability: 0.5 }] }, ['backends']],
    ['a route removed (404)', { status: 404, outcomes: [{ probability: 1, status: 404 }], backends: [] }, ['status', 'backends']],
    ['a redirect added', { status: 301, outcomes: [{ probability: 1, status: 301 }], backends: [], redirect: { status: 301, location: 'https://x/' } }, ['status', 'backends', 'redirect']],
    ['a rewrite', { request: { path: '/v1' } }, ['forwarded request']],
    ['another rule, same behaviour (provenance only)', { rule: 0 }, ['status']],
  ])('%s', (_name, after, aspects) => {
    expect(changeAspects({ before: OUT, after: { ...OUT, ...after } as DiffOutcome })).toEqual(aspects);
  });
});

const diff = (changes: number, status: number, added: number, fixed: number): DesignDiff =>
  ({
    changes: Array.from({ length: changes }),
    status: Array.from({ length: status }),
    problems: { added: Array.from({ length: added }), fixed: Array.from({ length: fixed }) },
    compared: true,
    candidates: 10,
    uncrossed: [],
  }) as unknown as DesignDiff;

describe('the compare bar counts', () => {
  it.each([
    [diff(3, 1, 2, 1), '3 behaviour changes · 1 status change · 2 problems added, 1 fixed', 7],
    [diff(1, 0, 0, 0), '1 behaviour change · 0 status changes · no problem added or fixed', 1],
    [diff(0, 2, 1, 0), '0 behaviour changes · 2 status changes · 1 problem added, 0 fixed', 3],
  ])('%#', (d, words, entries) => {
    expect(diffCountWords(d)).toBe(words);
    expect(diffEntryCount(d)).toBe(entries);
  });
});

describe('statusChangeWords', () => {
  it('names the object and says an absent side', () => {
    expect(statusChangeWords({ object: { kind: 'Gateway', namespace: 'infra', name: 'edge' }, field: 'listeners.http.attachedRoutes', before: '1', after: null })).toEqual({
      object: 'Gateway infra/edge',
      field: 'listeners.http.attachedRoutes',
      before: '1',
      after: 'absent',
    });
    expect(statusChangeWords({ object: { kind: 'GatewayClass', namespace: '', name: 'istio' }, field: 'conditions.Accepted', before: null, after: 'True' }).object).toBe('GatewayClass istio');
  });
});
