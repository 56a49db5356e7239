import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const matching = (...matches: KubeObject[]) => gatewayApiObject('HTTPRoute', { rules: [{ matches, backendRefs: [{ name: 'api', port: 80 }] }] });
const path = (value: string, type?: string) => matching({ path: { ...(type === undefined ? {} : { type }), value } });
const VALUE = 'spec.rules[0].matches[0].path.value';

/** [code, offending value, a value that passes]: each rule fails on the first, for Exact and PathPrefix. */
const PAIRS: readonly [code: string, bad: string, good: string][] = [
  ['PathMatchMustStartWithSlash', 'api', '/api'],
  ['PathMatchDoubleSlash', '/api//v1', '/api/v1'],
  ['PathMatchDotSegment', '/api/./v1', '/api/.v1'],
  ['PathMatchDotDotSegment', '/api/../v1', '/api/..v1'],
  ['PathMatchEncodedSlashLower', '/api%2fv1', '/api%2Av1'],
  ['PathMatchEncodedSlashUpper', '/api%2Fv1', '/api%41v1'],
  ['PathMatchFragment', '/api#v1', '/api-v1'],
  ['PathMatchEndsWithDotDot', '/api/..', '/api/..x'],
  ['PathMatchEndsWithDot', '/api/.', '/api.'],
  ['PathMatchInvalidCharacters', '/api v1', "/a-z_0.9~!$&'()*+,;=:@/%7E"],
];

const valueCases: CelCase[] = PAIRS.flatMap(([code, bad, good]): CelCase[] => [
  { code, name: `Exact ${JSON.stringify(bad)}`, obj: path(bad, 'Exact'), want: [VALUE] },
  { code, name: `PathPrefix ${JSON.stringify(bad)}`, obj: path(bad, 'PathPrefix'), want: [VALUE] },
  { code, name: `type defaulted to PathPrefix, ${JSON.stringify(bad)}`, obj: path(bad), want: [VALUE] },
  { code, name: `RegularExpression ${JSON.stringify(bad)} is not checked`, obj: path(bad, 'RegularExpression'), want: [] },
  { code, name: `Exact ${JSON.stringify(good)}`, obj: path(good, 'Exact'), want: [] },
]);

const edgeCases: CelCase[] = [
  { code: 'PathMatchMustStartWithSlash', name: "an empty Exact value", obj: path('', 'Exact'), want: [VALUE] },
  { code: 'PathMatchInvalidCharacters', name: 'an empty Exact value matches no character', obj: path('', 'Exact'), want: [VALUE] },
  { code: 'PathMatchInvalidCharacters', name: 'a bad percent escape', obj: path('/a%zz'), want: [VALUE] },
  { code: 'PathMatchInvalidCharacters', name: 'non-ASCII', obj: path('/café'), want: [VALUE] },
  { code: 'PathMatchMustStartWithSlash', name: 'a path without value defaults to /', obj: matching({ path: { type: 'Exact' } }), want: [] },
  { code: 'PathMatchMustStartWithSlash', name: 'a match without path', obj: matching({ method: 'GET' }), want: [] },
  { code: 'PathMatchMustStartWithSlash', name: 'a rule without matches', obj: gatewayApiObject('HTTPRoute', { rules: [{}] }), want: [] },
  { code: 'PathMatchDoubleSlash', name: 'second match of the second rule', obj: gatewayApiObject('HTTPRoute', { rules: [{}, { matches: [{}, { path: { value: '//' } }] }] }), want: ['spec.rules[1].matches[1].path.value'] },
  { code: 'PathMatchTypeInvalid', name: 'type Prefix', obj: path('/a', 'Prefix'), want: ['spec.rules[0].matches[0].path.type'] },
  { code: 'PathMatchMustStartWithSlash', name: 'an unknown type skips the value rules', obj: path('a', 'Prefix'), want: [] },
  { code: 'PathMatchTypeInvalid', name: 'RegularExpression', obj: path('^/a.*', 'RegularExpression'), want: [] },
  { code: 'PathMatchTypeInvalid', name: 'defaulted type', obj: path('/a'), want: [] },
];

describe('gateway-api.md §11.4 / httproutes CRD spec.rules[].matches[].path', () => {
  it.each([...valueCases, ...edgeCases])('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every PathMatch rule with a passing and a failing case', () => {
    expect(uncovered([...valueCases, ...edgeCases], 'PathMatch')).toEqual([]);
  });
});
