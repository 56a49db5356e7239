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
  // The standard channel's rule (the experimental one counts the port: channel-rules.test.ts).
  { code: 'RouteParentRefSectionNameUnique', name: 'ports do not tell refs apart in the standard channel', obj: parents('HTTPRoute', gw('edge', { port: 80 }), gw('edge', { port: 443 })), want: ['spec.parentRefs[1]'], channel: 'standard' },
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

const tcpV1alpha2 = (spec: KubeObject): KubeObject => ({ ...route('TCPRoute', spec), apiVersion: 'gateway.networking.k8s.io/v1alpha2' });
const svcParent = (extra: KubeObject = {}): KubeObject => ({ group: '', kind: 'Service', name: 'api', ...extra });
const sessionRule = (sessionPersistence: KubeObject): KubeObject => route('HTTPRoute', { rules: [{ sessionPersistence }] });

/** The experimental channel's rules (validate's default channel), §11.6; channel-rules.test.ts sets them against the standard channel. */
const experimentalCases: CelCase[] = [
  { code: 'RouteParentRefSectionNameUnique', name: 'experimental: one Service on ports 80 and 8080 (Istio mesh input)', obj: parents('HTTPRoute', svcParent({ port: 80 }), svcParent({ port: 8080 })), want: [] },
  { code: 'RouteParentRefSectionNameUnique', name: 'experimental: the same port twice', obj: parents('GRPCRoute', gw('edge', { port: 443 }), gw('edge', { port: 443 })), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'experimental: port 0 is unset', obj: parents('TLSRoute', gw('edge', { port: 0 }), gw('edge')), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameUnique', name: 'experimental: same sectionName, different ports', obj: parents('HTTPRoute', gw('edge', { sectionName: 'a', port: 80 }), gw('edge', { sectionName: 'a', port: 81 })), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'experimental: one ref with a port, one without', obj: parents('HTTPRoute', svcParent({ port: 80 }), svcParent()), want: ['spec.parentRefs[1]'] },
  { code: 'RouteParentRefSectionNameRequired', name: 'experimental: both with ports', obj: parents('UDPRoute', gw('edge', { port: 53 }), gw('edge', { port: 54 })), want: [] },
  { code: 'RouteParentRefSectionNameRequired', name: 'experimental: sectionName mixing still counts', obj: parents('TCPRoute', gw('edge'), gw('edge', { sectionName: 'tcp' })), want: ['spec.parentRefs[0]'] },
  { code: 'RouteRuleNameUnique', name: 'two HTTPRoute rules named a', obj: route('HTTPRoute', { rules: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] }), want: ['spec.rules[2].name'] },
  { code: 'RouteRuleNameUnique', name: 'GRPCRoute repeating a name', obj: route('GRPCRoute', { rules: [{ name: 'x' }, { name: 'x' }] }), want: ['spec.rules[1].name'] },
  { code: 'RouteRuleNameUnique', name: 'TCPRoute v1alpha2 repeating a name', obj: tcpV1alpha2({ rules: [{ name: 'x', backendRefs: [] }, { name: 'x', backendRefs: [] }] }), want: ['spec.rules[1].name'] },
  { code: 'RouteRuleNameUnique', name: 'unnamed rules never collide', obj: route('HTTPRoute', { rules: [{}, {}, { name: 'a' }] }), want: [] },
  { code: 'RouteSessionPersistenceAbsoluteTimeoutRequired', name: 'a Permanent cookie without absoluteTimeout', obj: sessionRule({ cookieConfig: { lifetimeType: 'Permanent' } }), want: ['spec.rules[0].sessionPersistence.cookieConfig.lifetimeType'] },
  { code: 'RouteSessionPersistenceAbsoluteTimeoutRequired', name: 'a Permanent cookie with absoluteTimeout', obj: sessionRule({ absoluteTimeout: '1h', cookieConfig: { lifetimeType: 'Permanent' } }), want: [] },
  { code: 'RouteSessionPersistenceAbsoluteTimeoutRequired', name: 'lifetimeType defaults to Session', obj: sessionRule({ cookieConfig: {} }), want: [] },
  { code: 'RouteSessionPersistenceCookieConfigNotCookie', name: 'cookieConfig on a Header session', obj: sessionRule({ type: 'Header', cookieConfig: {} }), want: ['spec.rules[0].sessionPersistence.cookieConfig'] },
  { code: 'RouteSessionPersistenceCookieConfigNotCookie', name: 'type defaults to Cookie', obj: sessionRule({ cookieConfig: { lifetimeType: 'Session' } }), want: [] },
];

describe('gateway-api.md §11.6 / experimental route CRDs spec.parentRefs, spec.rules', () => {
  it.each(experimentalCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / all route CRDs spec.parentRefs', () => {
  it.each(parentCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / route CRDs spec.rules[].backendRefs[], requestMirror.backendRef', () => {
  it.each(backendCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / httproutes and grpcroutes CRDs spec.rules', () => {
  it.each(matchCountCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every Route rule with a passing and a failing case', () => {
    expect(uncovered([...parentCases, ...backendCases, ...matchCountCases, ...experimentalCases], 'Route')).toEqual([]);
  });
});
