import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const httpRoute = (...rules: KubeObject[]) => gatewayApiObject('HTTPRoute', { parentRefs: [{ name: 'edge' }], rules });
const grpcRoute = (...rules: KubeObject[]) => gatewayApiObject('GRPCRoute', { parentRefs: [{ name: 'edge' }], rules });
const withFilters = (...filters: KubeObject[]) => httpRoute({ filters });
const backendFilters = (...filters: KubeObject[]) => httpRoute({ backendRefs: [{ name: 'api', port: 80, filters }] });
const SVC = { name: 'api', port: 8080 };

const redirect = (extra: KubeObject = {}) => ({ type: 'RequestRedirect', requestRedirect: { scheme: 'https', ...extra } });
const rewrite = (extra: KubeObject = {}) => ({ type: 'URLRewrite', urlRewrite: { hostname: 'a.example.com', ...extra } });
const prefixRedirect = redirect({ path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } });
const prefixRewrite = rewrite({ path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } });
const headerMod = (type: 'RequestHeaderModifier' | 'ResponseHeaderModifier') => ({
  type,
  [type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier']: { set: [{ name: 'x', value: 'y' }] },
});
const cors = (cfg: KubeObject) => ({ type: 'CORS', cors: cfg });
const mirrorOf = (cfg: KubeObject) => ({ type: 'RequestMirror', requestMirror: { backendRef: SVC, ...cfg } });
const exact = (value: string) => ({ path: { type: 'Exact', value } });
const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
const timeouts = (t: KubeObject) => httpRoute({ timeouts: t, backendRefs: [SVC] });

const ruleCases: CelCase[] = [
  { code: 'HTTPRouteRedirectWithBackends', name: 'redirect next to backendRefs', obj: httpRoute({ filters: [redirect()], backendRefs: [SVC] }), want: ['spec.rules[0].filters[0].requestRedirect'] },
  { code: 'HTTPRouteRedirectWithBackends', name: 'redirect without backends', obj: httpRoute({ filters: [redirect()] }), want: [] },
  { code: 'HTTPRouteRedirectWithBackends', name: 'redirect with an empty backendRefs list', obj: httpRoute({ filters: [redirect()], backendRefs: [] }), want: [] },
  { code: 'HTTPRouteRedirectWithBackends', name: 'a rewrite with backends', obj: httpRoute({ filters: [rewrite()], backendRefs: [SVC] }), want: [] },
  { code: 'HTTPRouteRedirectWithBackends', name: 'a backend-level redirect is not this rule', obj: httpRoute({ backendRefs: [{ ...SVC, filters: [redirect()] }] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'no matches: the defaulted PathPrefix / counts', obj: httpRoute({ filters: [prefixRedirect] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'one PathPrefix match', obj: httpRoute({ matches: [prefix('/v1')], filters: [prefixRedirect] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'path type defaults to PathPrefix', obj: httpRoute({ matches: [{ path: { value: '/v1' } }], filters: [prefixRedirect] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'a header-only match gets the default path', obj: httpRoute({ matches: [{ headers: [{ name: 'h', value: 'v' }] }], filters: [prefixRedirect] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'an Exact match', obj: httpRoute({ matches: [exact('/v1')], filters: [prefixRedirect] }), want: ['spec.rules[0].filters[0].requestRedirect.path'] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'two PathPrefix matches', obj: httpRoute({ matches: [prefix('/a'), prefix('/b')], filters: [prefixRedirect] }), want: ['spec.rules[0].filters[0].requestRedirect.path'] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'an explicit empty matches list is not defaulted', obj: httpRoute({ matches: [], filters: [prefixRedirect] }), want: ['spec.rules[0].filters[0].requestRedirect.path'] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'ReplaceFullPath with an Exact match', obj: httpRoute({ matches: [exact('/v1')], filters: [redirect({ path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } })] }), want: [] },
  { code: 'HTTPRouteRedirectPrefixMatchNeedsOnePathPrefix', name: 'two prefix redirects: exists_one is false, the repeat rule reports', obj: httpRoute({ matches: [exact('/v1')], filters: [prefixRedirect, prefixRedirect] }), want: [] },
  { code: 'HTTPRouteRewritePrefixMatchNeedsOnePathPrefix', name: 'rewrite with a RegularExpression match', obj: httpRoute({ matches: [{ path: { type: 'RegularExpression', value: '/v.*' } }], filters: [prefixRewrite], backendRefs: [SVC] }), want: ['spec.rules[0].filters[0].urlRewrite.path'] },
  { code: 'HTTPRouteRewritePrefixMatchNeedsOnePathPrefix', name: 'rewrite with one PathPrefix match', obj: httpRoute({ matches: [prefix('/v1')], filters: [prefixRewrite], backendRefs: [SVC] }), want: [] },
  { code: 'HTTPRouteRewritePrefixMatchNeedsOnePathPrefix', name: 'a redirect is not a rewrite', obj: httpRoute({ matches: [exact('/v1')], filters: [prefixRedirect] }), want: [] },
  { code: 'HTTPRouteBackendRedirectPrefixMatchNeedsOnePathPrefix', name: 'backend redirect with an Exact match', obj: httpRoute({ matches: [exact('/a')], backendRefs: [{ ...SVC, filters: [prefixRedirect] }] }), want: ['spec.rules[0].backendRefs[0].filters[0].requestRedirect.path'] },
  { code: 'HTTPRouteBackendRedirectPrefixMatchNeedsOnePathPrefix', name: 'backend redirect with the default match', obj: httpRoute({ backendRefs: [{ ...SVC, filters: [prefixRedirect] }] }), want: [] },
  { code: 'HTTPRouteBackendRewritePrefixMatchNeedsOnePathPrefix', name: 'backend rewrite with two matches', obj: httpRoute({ matches: [prefix('/a'), prefix('/b')], backendRefs: [SVC, { ...SVC, filters: [prefixRewrite] }] }), want: ['spec.rules[0].backendRefs[1].filters[0].urlRewrite.path'] },
  { code: 'HTTPRouteBackendRewritePrefixMatchNeedsOnePathPrefix', name: 'two backends with prefix rewrites: exists_one is false', obj: httpRoute({ matches: [exact('/a')], backendRefs: [{ ...SVC, filters: [prefixRewrite] }, { ...SVC, filters: [prefixRewrite] }] }), want: [] },
  { code: 'HTTPRouteBackendRewritePrefixMatchNeedsOnePathPrefix', name: 'a rule-level rewrite is not this rule', obj: httpRoute({ matches: [exact('/a')], filters: [prefixRewrite], backendRefs: [SVC] }), want: [] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'backendRequest 20s over request 10s', obj: timeouts({ request: '10s', backendRequest: '20s' }), want: ['spec.rules[0].timeouts.backendRequest'] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: '1s over 500ms', obj: timeouts({ request: '500ms', backendRequest: '1s' }), want: ['spec.rules[0].timeouts.backendRequest'] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: '3601s over 1h', obj: timeouts({ request: '1h', backendRequest: '3601s' }), want: ['spec.rules[0].timeouts.backendRequest'] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'equal', obj: timeouts({ request: '1m', backendRequest: '60s' }), want: [] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'request 0s means no timeout', obj: timeouts({ request: '0s', backendRequest: '20s' }), want: [] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'compound durations', obj: timeouts({ request: '1h30m', backendRequest: '1h29m59s' }), want: [] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'only backendRequest', obj: timeouts({ backendRequest: '20s' }), want: [] },
  { code: 'HTTPRouteTimeoutBackendRequestTooLong', name: 'not a duration: the schema reports it', obj: timeouts({ request: 'soon', backendRequest: '20s' }), want: [] },
];

const listCases: CelCase[] = [
  { code: 'HTTPRouteFilterRedirectAndRewrite', name: 'redirect then rewrite', obj: withFilters(redirect(), rewrite()), want: ['spec.rules[0].filters[1].type'] },
  { code: 'HTTPRouteFilterRedirectAndRewrite', name: 'rewrite, header modifier, redirect', obj: withFilters(rewrite(), headerMod('RequestHeaderModifier'), redirect()), want: ['spec.rules[0].filters[2].type'] },
  { code: 'HTTPRouteFilterRedirectAndRewrite', name: 'in a backendRef filter list', obj: backendFilters(rewrite(), redirect()), want: ['spec.rules[0].backendRefs[0].filters[1].type'] },
  { code: 'HTTPRouteFilterRedirectAndRewrite', name: 'a redirect alone', obj: withFilters(redirect()), want: [] },
  { code: 'HTTPRouteFilterRedirectAndRewrite', name: 'split between rule and backend lists', obj: httpRoute({ filters: [rewrite()], backendRefs: [{ ...SVC, filters: [redirect()] }] }), want: [] },
  { code: 'HTTPRouteFilterCORSRepeated', name: 'two CORS filters', obj: withFilters(cors({ allowOrigins: ['*'] }), cors({ allowOrigins: ['*'] })), want: ['spec.rules[0].filters[1].type'] },
  { code: 'HTTPRouteFilterCORSRepeated', name: 'one CORS filter', obj: withFilters(cors({ allowOrigins: ['*'] })), want: [] },
  { code: 'HTTPRouteFilterRequestRedirectRepeated', name: 'two redirects', obj: withFilters(redirect(), redirect()), want: ['spec.rules[0].filters[1].type'] },
  { code: 'HTTPRouteFilterRequestRedirectRepeated', name: 'one redirect per list', obj: httpRoute({ filters: [redirect()] }, { filters: [redirect()] }), want: [] },
  { code: 'HTTPRouteFilterURLRewriteRepeated', name: 'two backend rewrites', obj: backendFilters(rewrite(), rewrite()), want: ['spec.rules[0].backendRefs[0].filters[1].type'] },
  { code: 'HTTPRouteFilterURLRewriteRepeated', name: 'one rewrite', obj: backendFilters(rewrite()), want: [] },
  { code: 'FilterRequestHeaderModifierRepeated', name: 'three request header modifiers', obj: withFilters(headerMod('RequestHeaderModifier'), headerMod('RequestHeaderModifier'), headerMod('RequestHeaderModifier')), want: ['spec.rules[0].filters[1].type', 'spec.rules[0].filters[2].type'] },
  { code: 'FilterRequestHeaderModifierRepeated', name: 'request and response modifiers', obj: withFilters(headerMod('RequestHeaderModifier'), headerMod('ResponseHeaderModifier')), want: [] },
  { code: 'FilterResponseHeaderModifierRepeated', name: 'GRPCRoute: two response header modifiers', obj: grpcRoute({ filters: [headerMod('ResponseHeaderModifier'), headerMod('ResponseHeaderModifier')] }), want: ['spec.rules[0].filters[1].type'] },
  { code: 'FilterResponseHeaderModifierRepeated', name: 'GRPCRoute: one per list', obj: grpcRoute({ filters: [headerMod('ResponseHeaderModifier')], backendRefs: [{ ...SVC, filters: [headerMod('ResponseHeaderModifier')] }] }), want: [] },
  { code: 'FilterResponseHeaderModifierRepeated', name: 'filters of the wrong type', obj: httpRoute({ filters: 'ResponseHeaderModifier' }), want: [] },
];

/** Each discriminator pair: the config field it guards and one well-formed value of it. */
const UNION: readonly [name: string, field: string, value: KubeObject][] = [
  ['CORS', 'cors', { allowOrigins: ['*'] }],
  ['RequestHeaderModifier', 'requestHeaderModifier', { remove: ['x'] }],
  ['ResponseHeaderModifier', 'responseHeaderModifier', { remove: ['x'] }],
  ['RequestMirror', 'requestMirror', { backendRef: SVC }],
  ['RequestRedirect', 'requestRedirect', { scheme: 'https' }],
  ['URLRewrite', 'urlRewrite', { hostname: 'a.example.com' }],
  ['ExtensionRef', 'extensionRef', { group: 'example.com', kind: 'Filter', name: 'f' }],
];
const GRPC_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'ExtensionRef']);

const discriminatorCases: CelCase[] = UNION.flatMap(([name, field, value]): CelCase[] => {
  const other = name === 'ExtensionRef' ? 'CORS' : 'ExtensionRef';
  const cases: CelCase[] = [
    { code: `Filter${name}Forbidden`, name: `${field} under type ${other}`, obj: withFilters({ type: other, [field]: value }), want: [`spec.rules[0].filters[0].${field}`] },
    { code: `Filter${name}Forbidden`, name: `${field} under type ${name}`, obj: withFilters({ type: name, [field]: value }), want: [] },
    { code: `Filter${name}Forbidden`, name: `${field}: null is absent`, obj: backendFilters({ type: other, [field]: null }), want: [] },
    { code: `Filter${name}Missing`, name: `type ${name} without ${field}`, obj: backendFilters({ type: name }), want: ['spec.rules[0].backendRefs[0].filters[0].type'] },
    { code: `Filter${name}Missing`, name: `type ${name} with ${field}`, obj: backendFilters({ type: name, [field]: value }), want: [] },
    { code: `Filter${name}Missing`, name: 'a filter without type is left to the schema', obj: withFilters({ [field]: value }), want: [] },
  ];
  if (GRPC_FILTERS.has(name)) {
    cases.push({ code: `Filter${name}Missing`, name: `GRPCRoute type ${name} without ${field}`, obj: grpcRoute({ filters: [{ type: name }] }), want: ['spec.rules[0].filters[0].type'] });
  }
  return cases;
});

const configCases: CelCase[] = [
  { code: 'HTTPRouteCORSAllowOriginsWildcardNotAlone', name: '* and an origin', obj: withFilters(cors({ allowOrigins: ['*', 'https://a.example.com'] })), want: ['spec.rules[0].filters[0].cors.allowOrigins'] },
  { code: 'HTTPRouteCORSAllowOriginsWildcardNotAlone', name: '* alone', obj: withFilters(cors({ allowOrigins: ['*'] })), want: [] },
  { code: 'HTTPRouteCORSAllowOriginsWildcardNotAlone', name: 'a wildcard subdomain is not *', obj: withFilters(cors({ allowOrigins: ['https://*.example.com', 'https://b.com'] })), want: [] },
  { code: 'HTTPRouteCORSAllowMethodsWildcardNotAlone', name: 'GET and *', obj: backendFilters(cors({ allowMethods: ['GET', '*'] })), want: ['spec.rules[0].backendRefs[0].filters[0].cors.allowMethods'] },
  { code: 'HTTPRouteCORSAllowMethodsWildcardNotAlone', name: 'GET and POST', obj: withFilters(cors({ allowMethods: ['GET', 'POST'] })), want: [] },
  { code: 'HTTPRouteCORSAllowHeadersWildcardNotAlone', name: '* and a header', obj: withFilters(cors({ allowHeaders: ['*', 'x-id'] })), want: ['spec.rules[0].filters[0].cors.allowHeaders'] },
  { code: 'HTTPRouteCORSAllowHeadersWildcardNotAlone', name: '* alone', obj: withFilters(cors({ allowHeaders: ['*'] })), want: [] },
  { code: 'FilterMirrorPercentAndFraction', name: 'percent and fraction', obj: withFilters(mirrorOf({ percent: 10, fraction: { numerator: 1 } })), want: ['spec.rules[0].filters[0].requestMirror'] },
  { code: 'FilterMirrorPercentAndFraction', name: 'GRPCRoute percent and fraction', obj: grpcRoute({ filters: [mirrorOf({ percent: 0, fraction: { numerator: 0 } })] }), want: ['spec.rules[0].filters[0].requestMirror'] },
  { code: 'FilterMirrorPercentAndFraction', name: 'percent only', obj: withFilters(mirrorOf({ percent: 10 })), want: [] },
  { code: 'FilterMirrorFractionNumeratorTooLarge', name: '101 over the default denominator 100', obj: withFilters(mirrorOf({ fraction: { numerator: 101 } })), want: ['spec.rules[0].filters[0].requestMirror.fraction'] },
  { code: 'FilterMirrorFractionNumeratorTooLarge', name: '5 over 4', obj: backendFilters(mirrorOf({ fraction: { numerator: 5, denominator: 4 } })), want: ['spec.rules[0].backendRefs[0].filters[0].requestMirror.fraction'] },
  { code: 'FilterMirrorFractionNumeratorTooLarge', name: '100 over the default 100', obj: withFilters(mirrorOf({ fraction: { numerator: 100 } })), want: [] },
  { code: 'FilterMirrorFractionNumeratorTooLarge', name: 'GRPCRoute 1 over 1000', obj: grpcRoute({ filters: [mirrorOf({ fraction: { numerator: 1, denominator: 1000 } })] }), want: [] },
  { code: 'HTTPRoutePathModifierReplaceFullPathMissing', name: 'ReplaceFullPath without replaceFullPath', obj: withFilters(redirect({ path: { type: 'ReplaceFullPath' } })), want: ['spec.rules[0].filters[0].requestRedirect.path.type'] },
  { code: 'HTTPRoutePathModifierReplaceFullPathMissing', name: "replaceFullPath '' is present", obj: withFilters(rewrite({ path: { type: 'ReplaceFullPath', replaceFullPath: '' } })), want: [] },
  { code: 'HTTPRoutePathModifierTypeNotReplaceFullPath', name: 'replaceFullPath under ReplacePrefixMatch', obj: backendFilters(rewrite({ path: { type: 'ReplacePrefixMatch', replaceFullPath: '/x', replacePrefixMatch: '/y' } })), want: ['spec.rules[0].backendRefs[0].filters[0].urlRewrite.path.type'] },
  { code: 'HTTPRoutePathModifierTypeNotReplaceFullPath', name: 'no type: the schema reports it', obj: withFilters(rewrite({ path: { replaceFullPath: '/x' } })), want: [] },
  { code: 'HTTPRoutePathModifierTypeNotReplaceFullPath', name: 'matching type', obj: withFilters(rewrite({ path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } })), want: [] },
  { code: 'HTTPRoutePathModifierReplacePrefixMatchMissing', name: 'ReplacePrefixMatch without replacePrefixMatch', obj: withFilters(rewrite({ path: { type: 'ReplacePrefixMatch' } })), want: ['spec.rules[0].filters[0].urlRewrite.path.type'] },
  { code: 'HTTPRoutePathModifierReplacePrefixMatchMissing', name: 'ReplacePrefixMatch with a value', obj: withFilters(prefixRedirect), want: [] },
  { code: 'HTTPRoutePathModifierTypeNotReplacePrefixMatch', name: 'replacePrefixMatch under ReplaceFullPath', obj: withFilters(redirect({ path: { type: 'ReplaceFullPath', replaceFullPath: '/', replacePrefixMatch: '/v2' } })), want: ['spec.rules[0].filters[0].requestRedirect.path.type'] },
  { code: 'HTTPRoutePathModifierTypeNotReplacePrefixMatch', name: 'matching type', obj: withFilters(prefixRewrite), want: [] },
];

const auth = (externalAuth: KubeObject): KubeObject => ({ type: 'ExternalAuth', externalAuth: { backendRef: { name: 'auth', port: 9000 }, ...externalAuth } });

/** The experimental channel's ExternalAuth filter (validate's default channel), §11.6. */
const externalAuthCases: CelCase[] = [
  { code: 'FilterExternalAuthForbidden', name: 'externalAuth on a RequestMirror filter', obj: withFilters({ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 80 } }, externalAuth: {} }), want: ['spec.rules[0].filters[0].externalAuth'] },
  { code: 'FilterExternalAuthForbidden', name: 'externalAuth on an ExternalAuth filter', obj: withFilters(auth({ protocol: 'HTTP', http: {} })), want: [] },
  { code: 'FilterExternalAuthMissing', name: 'type ExternalAuth without externalAuth', obj: backendFilters({ type: 'ExternalAuth' }), want: ['spec.rules[0].backendRefs[0].filters[0].type'] },
  { code: 'FilterExternalAuthMissing', name: 'type ExternalAuth with externalAuth', obj: backendFilters(auth({ protocol: 'GRPC', grpc: {} })), want: [] },
  { code: 'HTTPRouteExternalAuthGRPCMissing', name: 'protocol GRPC without grpc', obj: withFilters(auth({ protocol: 'GRPC' })), want: ['spec.rules[0].filters[0].externalAuth.protocol'] },
  { code: 'HTTPRouteExternalAuthGRPCMissing', name: 'protocol GRPC with grpc', obj: withFilters(auth({ protocol: 'GRPC', grpc: { allowedHeaders: ['x'] } })), want: [] },
  { code: 'HTTPRouteExternalAuthProtocolNotGRPC', name: 'grpc under protocol HTTP', obj: backendFilters(auth({ protocol: 'HTTP', http: {}, grpc: {} })), want: ['spec.rules[0].backendRefs[0].filters[0].externalAuth.grpc'] },
  { code: 'HTTPRouteExternalAuthProtocolNotGRPC', name: 'grpc under protocol GRPC', obj: withFilters(auth({ protocol: 'GRPC', grpc: {} })), want: [] },
  { code: 'HTTPRouteExternalAuthHTTPMissing', name: 'protocol HTTP without http', obj: withFilters(auth({ protocol: 'HTTP' })), want: ['spec.rules[0].filters[0].externalAuth.protocol'] },
  { code: 'HTTPRouteExternalAuthHTTPMissing', name: 'protocol HTTP with http', obj: withFilters(auth({ protocol: 'HTTP', http: { path: '/auth' } })), want: [] },
  { code: 'HTTPRouteExternalAuthProtocolNotHTTP', name: 'http under protocol GRPC', obj: withFilters(auth({ protocol: 'GRPC', grpc: {}, http: {} })), want: ['spec.rules[0].filters[0].externalAuth.http'] },
  { code: 'HTTPRouteExternalAuthProtocolNotHTTP', name: 'http under protocol HTTP', obj: withFilters(auth({ protocol: 'HTTP', http: {} })), want: [] },
  { code: 'HTTPRouteExternalAuthBackendRefPortRequired', name: 'a Service by default group and kind, no port', obj: withFilters({ type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', http: {}, backendRef: { name: 'auth' } } }), want: ['spec.rules[0].filters[0].externalAuth.backendRef'] },
  { code: 'HTTPRouteExternalAuthBackendRefPortRequired', name: 'another kind needs no port', obj: backendFilters({ type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', http: {}, backendRef: { group: 'example.com', kind: 'Backend', name: 'auth' } } }), want: [] },
  { code: 'HTTPRouteExternalAuthBackendRefPortRequired', name: 'a Service with port', obj: withFilters(auth({ protocol: 'HTTP', http: {} })), want: [] },
];

describe('gateway-api.md §11.6 / experimental httproutes CRD …filters[].externalAuth', () => {
  it.each(externalAuthCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4 / httproutes CRD spec.rules[]', () => {
  it.each(ruleCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / httproutes and grpcroutes CRDs spec.rules[].filters, spec.rules[].backendRefs[].filters', () => {
  it.each(listCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / httproutes and grpcroutes CRDs …filters[] (type discriminator)', () => {
  it.each(discriminatorCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.4–§11.5 / httproutes and grpcroutes CRDs …filters[].cors, .requestMirror, .requestRedirect.path, .urlRewrite.path', () => {
  it.each(configCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every HTTPRoute and Filter rule with a passing and a failing case', () => {
    const all = [...ruleCases, ...listCases, ...discriminatorCases, ...configCases, ...externalAuthCases];
    expect([...uncovered(all, 'HTTPRoute'), ...uncovered(all, 'Filter')]).toEqual([]);
  });
});
