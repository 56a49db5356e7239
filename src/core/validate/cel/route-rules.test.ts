import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const route = (kind: string, spec: KubeObject) => gatewayApiObject(kind, spec);
const parents = (kind: string, ...parentRefs: KubeObject[]) => route(kind, { parentRefs });
const gw = (name: string, extra: KubeObject = {}): KubeObject => ({ name, ...extra });
const backends = (kind: string, ...backendRefs: KubeObject[]) => route(kind, { rules: [{ backendRefs }] });
const mirror = (backendRef: KubeObject) => ({ type: 'RequestMirror', requestMirror: { backendRef } });
const matches = (n: number) => Array.from({ length: n }, (_, i) => ({ path: { value: `/p${i}` } }));
const rulesWith = (kind: string, ...counts: (number | undefined)[]) =>
  route(kind, { rules: counts.map((n) => (n === undefined ? {} : { matches: n === 0 ? [] : matches(n) })) });
const grpcRulesWith = (...counts: (number | undefined)[]) =>
  route('GRPCRoute', { rules: counts.map((n) => (n === undefined ? {} : { matches: Array.from({ length: n }, () => ({ method: { service: 's' } })) })) });

const parentCases: CelCase[] = [
  { code: 'RouteParentRefSectionNameRequired', name: 'one ref with a sectionName, one without', obj: parents('HTTPRoute', gw('edge', { sectionName: 'https' }), gw('edge')), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameRequired', name: 'explicit default group/kind name the same parent', obj: parents('HTTPRoute', gw('edge', { group: 'gateway.networking.k8s.io', kind: 'Gateway', sectionName: 'a' }), gw('edge')), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameRequired', name: "sectionName '' counts as unset", obj: parents('GRPCRoute', gw('edge', { sectionName: '' }), gw('edge', { sectionName: 'a' })), want: ['spec.parentRefs[0]'] },
  { code: 'RouteParentRefSectionNameRequired', name: 'TCPRoute mixing', obj: parents('TCPRoute', gw('edge'), gw('edge', { sectionName: 'tcp' })), want: ['spec.parentRefs[0]'] },
  { code: 'RouteParentRefSectionNameRequired', name: 'a Service parent (GAMMA) mixing', obj: parents('HTTPRoute', { group: '', kind: 'Service', name: 'api', sectionName: 'http' }, { group: '', kind: 'Service', name: 'api' }), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameRequired', name: 'both with sectionNames', obj: parents('HTTPRoute', gw('edge', { sectionName: 'a' }), gw('edge', { sectionName: 'b' })), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'different gateways', obj: parents('UDPRoute', gw('a'), gw('b', { sectionName: 'x' })), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'an unset namespace differs from an explicit one', obj: parents('TLSRoute', gw('edge'), gw('edge', { namespace: 'ns', sectionName: 'x' })), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'a Gateway and a Service of the same name', obj: parents('HTTPRoute', gw('edge', { sectionName: 'x' }), { group: '', kind: 'Service', name: 'edge' }), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'parentRefs of the wrong type', obj: route('HTTPRoute', { parentRefs: 'edge' }), want: [] },
  { code: 'RouteParentRefSectionNameUnique', name: 'the same gateway twice without sectionName', obj: parents('HTTPRoute', gw('edge'), gw('edge')), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'the same sectionName twice', obj: parents('TLSRoute', gw('edge', { sectionName: 'tls' }), gw('edge', { sectionName: 'tls' })), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'ports do not tell refs apart in the standard channel', obj: parents('HTTPRoute', gw('edge', { port: 80 }), gw('edge', { port: 443 })), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: "namespace '' equals an unset one", obj: parents('UDPRoute', gw('edge', { namespace: '' }), gw('edge')), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'both explicit, same namespace', obj: parents('GRPCRoute', gw('edge', { namespace: 'infra' }), gw('edge', { namespace: 'infra' })), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'explicit namespace vs unset', obj: parents('TCPRoute', gw('edge', { namespace: 'ns' }), gw('edge')), want: [] },
  { code: 'RouteParentRefSectionNameUnique', name: 'distinct sectionNames', obj: parents('HTTPRoute', gw('edge', { sectionName: 'a' }), gw('edge', { sectionName: 'b' })), want: [] },
];

const backendCases: CelCase[] = [
  { code: 'RouteBackendRefPortRequired', name: 'a Service by default group and kind, no port', obj: backends('HTTPRoute', { name: 'api' }), want: ['spec.rules[0].backendRefs[0]'] },
  { code: 'RouteBackendRefPortRequired', name: 'explicit core Service, no port', obj: backends('GRPCRoute', { group: '', kind: 'Service', name: 'api' }), want: ['spec.rules[0].backendRefs[0]'] },
  { code: 'RouteBackendRefPortRequired', name: 'TLS, TCP and UDP routes too', obj: backends('TCPRoute', { name: 'db', port: 5432 }, { name: 'db2' }), want: ['spec.rules[0].backendRefs[1]'] },
  { code: 'RouteBackendRefPortRequired', name: 'UDPRoute without port', obj: backends('UDPRoute', { name: 'dns' }), want: ['spec.rules[0].backendRefs[0]'] },
  { code: 'RouteBackendRefPortRequired', name: 'TLSRoute with port', obj: backends('TLSRoute', { name: 'api', port: 443 }), want: [] },
  { code: 'RouteBackendRefPortRequired', name: 'a Service with port', obj: backends('HTTPRoute', { name: 'api', port: 8080 }), want: [] },
  { code: 'RouteBackendRefPortRequired', name: 'another kind needs no port', obj: backends('HTTPRoute', { group: 'multicluster.x-k8s.io', kind: 'ServiceImport', name: 'api' }), want: [] },
  { code: 'RouteBackendRefPortRequired', name: 'a Service in another group needs no port', obj: backends('HTTPRoute', { group: 'example.com', kind: 'Service', name: 'api' }), want: [] },
  { code: 'RouteBackendRefPortRequired', name: 'rule-level mirror without port', obj: route('HTTPRoute', { rules: [{ filters: [mirror({ name: 'shadow' })] }] }), want: ['spec.rules[0].filters[0].requestMirror.backendRef'] },
  {
    code: 'RouteBackendRefPortRequired',
    name: 'backend-level mirror without port',
    obj: backends('GRPCRoute', { name: 'api', port: 80, filters: [mirror({ kind: 'Service', name: 'shadow' })] }),
    want: ['spec.rules[0].backendRefs[0].filters[0].requestMirror.backendRef'],
  },
  { code: 'RouteBackendRefPortRequired', name: 'TCPRoute has no filters: a stray mirror is pruned, not checked', obj: backends('TCPRoute', { name: 'db', port: 5432, filters: [mirror({ name: 'x' })] }), want: [] },
];

const matchCountCases: CelCase[] = [
  { code: 'RouteMatchesTotalTooMany', name: '2 × 64 matches = 128', obj: rulesWith('HTTPRoute', 64, 64), want: [] },
  { code: 'RouteMatchesTotalTooMany', name: '2 × 64 plus a rule with the defaulted match = 129', obj: rulesWith('HTTPRoute', 64, 64, undefined), want: ['spec.rules'] },
  { code: 'RouteMatchesTotalTooMany', name: 'an explicit empty list adds nothing', obj: rulesWith('HTTPRoute', 64, 64, 0), want: [] },
  { code: 'RouteMatchesTotalTooMany', name: 'GRPCRoute rules without matches add nothing', obj: grpcRulesWith(64, 64, undefined), want: [] },
  { code: 'RouteMatchesTotalTooMany', name: 'GRPCRoute 64 + 64 + 1', obj: grpcRulesWith(64, 64, 1), want: ['spec.rules'] },
  { code: 'RouteMatchesTotalTooMany', name: 'only the first 16 rules are counted', obj: rulesWith('HTTPRoute', ...Array<number>(16).fill(8), 8), want: [] },
  { code: 'RouteMatchesTotalTooMany', name: 'no rules', obj: route('HTTPRoute', {}), want: [] },
];

describe('gateway-api.md §11.4–§11.5 / all route CRDs spec.parentRefs', () => {
  it.each(parentCases)('$code: $name', ({ code, obj, want }) => expect(violations(code, obj)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / route CRDs spec.rules[].backendRefs[], requestMirror.backendRef', () => {
  it.each(backendCases)('$code: $name', ({ code, obj, want }) => expect(violations(code, obj)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / httproutes and grpcroutes CRDs spec.rules', () => {
  it.each(matchCountCases)('$code: $name', ({ code, obj, want }) => expect(violations(code, obj)).toEqual(want));

  it('covers every Route rule with a passing and a failing case', () => {
    expect(uncovered([...parentCases, ...backendCases, ...matchCountCases], 'Route')).toEqual([]);
  });
});
