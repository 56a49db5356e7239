import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import { validate } from '../index.js';

/**
 * Every case of kubernetes-sigs/gateway-api v1.6.1 `hack/invalid-examples/` (which the CRDs must
 * refuse), written here as our own minimal objects: `validate` refuses each with an error of the
 * listed code at the listed field — and reports nothing else there (one cause, one problem).
 * The experimental cases are judged by the experimental channel, validate's default.
 */
const GW = 'gateway.networking.k8s.io/v1';
const obj = (kind: string, spec: KubeObject): KubeObject => ({ apiVersion: GW, kind, metadata: { name: 'x' }, spec });
const listener = (name: string, protocol: string, port: number, extra: KubeObject = {}): KubeObject => ({ name, protocol, port, ...extra });
const gateway = (...listeners: KubeObject[]): KubeObject => obj('Gateway', { gatewayClassName: 'c', listeners });
const httpRule = (rule: KubeObject): KubeObject => obj('HTTPRoute', { rules: [rule] });
const svc = { name: 's', port: 80 };

const CASES: readonly [name: string, object: KubeObject, code: string, path: string][] = [
  ['experimental/httproute/invalid-header-value', httpRule({ filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'X-A', value: 'one\ntwo\rthree' }] } }] }), 'HeaderValueInvalid', 'spec.rules[0].filters[0].responseHeaderModifier.add[0].value'],
  // Judged by the experimental channel (validate's default), whose CRDs have the ExternalAuth type;
  // under the standard channel the type itself is refused (SchemaEnum: cel/channel-rules.test.ts).
  ['experimental/httproute/invalid-filter-externalauth-empty', httpRule({ filters: [{ type: 'ExternalAuth' }] }), 'FilterExternalAuthMissing', 'spec.rules[0].filters[0].type'],
  ['experimental/httproute/invalid-filter-externalauth-no-protocol', httpRule({ filters: [{ type: 'ExternalAuth', externalAuth: { backendRef: { name: 'auth', port: 8080 } } }] }), 'SchemaRequired', 'spec.rules[0].filters[0].externalAuth'],
  ['experimental/httproute/invalid-filter-externalauth-bad-http-path', httpRule({ filters: [{ type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', http: { path: '/{}' } } }] }), 'SchemaPattern', 'spec.rules[0].filters[0].externalAuth.http.path'],
  ['standard/gateway/duplicate-listeners', gateway(listener('a', 'HTTP', 80), listener('a', 'HTTP', 8080)), 'GatewayListenerNameUnique', 'spec.listeners[1].name'],
  ['standard/gateway/hostname-tcp', gateway(listener('a', 'TCP', 9000, { hostname: 'h.example' })), 'GatewayListenerHostnameForbidden', 'spec.listeners[0].hostname'],
  ['standard/gateway/hostname-udp', gateway(listener('a', 'UDP', 53, { hostname: 'h.example' })), 'GatewayListenerHostnameForbidden', 'spec.listeners[0].hostname'],
  ['standard/gateway/invalid-addresses (Hostname with a port)', obj('Gateway', { gatewayClassName: 'c', addresses: [{ type: 'Hostname', value: 'h.example:8080' }], listeners: [listener('a', 'HTTP', 80)] }), 'GatewayAddressHostnameInvalid', 'spec.addresses[0].value'],
  ['standard/gateway/invalid-listener-name', gateway(listener('web<', 'HTTP', 80)), 'SchemaPattern', 'spec.listeners[0].name'],
  ['standard/gateway/invalid-listener-port', gateway(listener('a', 'HTTP', 70000)), 'SchemaRange', 'spec.listeners[0].port'],
  ['standard/gateway/invalid-tls-mode', gateway(listener('a', 'HTTPS', 443, { tls: { mode: 'Passthrough' } })), 'GatewayListenerHTTPSModeNotTerminate', 'spec.listeners[0].tls.mode'],
  ['standard/gateway/tlsconfig-tcp', gateway(listener('a', 'TCP', 9000, { tls: { certificateRefs: [{ name: 'c' }] } })), 'GatewayListenerTLSForbidden', 'spec.listeners[0].tls'],
  ['standard/gatewayclass/invalid-controller', { apiVersion: GW, kind: 'GatewayClass', metadata: { name: 'x' }, spec: { controllerName: 'no-slash' } }, 'SchemaPattern', 'spec.controllerName'],
  ['standard/httproute/duplicate-header-match', httpRule({ matches: [{ headers: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] }] }), 'SchemaUnique', 'spec.rules[0].matches[0].headers[1].name'],
  ['standard/httproute/duplicate-query-match', httpRule({ matches: [{ queryParams: [{ name: 'q', value: '1' }, { name: 'q', value: '2' }] }] }), 'SchemaUnique', 'spec.rules[0].matches[0].queryParams[1].name'],
  ['standard/httproute/httproute-portless-backend', httpRule({ backendRefs: [{ name: 's' }] }), 'RouteBackendRefPortRequired', 'spec.rules[0].backendRefs[0]'],
  ['standard/httproute/httproute-portless-service', httpRule({ backendRefs: [{ group: '', kind: 'Service', name: 's' }] }), 'RouteBackendRefPortRequired', 'spec.rules[0].backendRefs[0]'],
  ['standard/httproute/invalid-backend-group', httpRule({ backendRefs: [{ ...svc, group: '?' }] }), 'SchemaPattern', 'spec.rules[0].backendRefs[0].group'],
  ['standard/httproute/invalid-backend-kind', httpRule({ backendRefs: [{ ...svc, kind: '?' }] }), 'SchemaPattern', 'spec.rules[0].backendRefs[0].kind'],
  ['standard/httproute/invalid-backend-port', httpRule({ backendRefs: [{ name: 's', port: 70000 }] }), 'SchemaRange', 'spec.rules[0].backendRefs[0].port'],
  ['standard/httproute/invalid-filter-duplicate-header', httpRule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['x-a', 'x-a'] } }] }), 'SchemaUnique', 'spec.rules[0].filters[0].requestHeaderModifier.remove[1]'],
  ['standard/httproute/invalid-filter-duplicate', httpRule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'a', value: '1' }] } }, { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'b', value: '2' }] } }] }), 'FilterRequestHeaderModifierRepeated', 'spec.rules[0].filters[1].type'],
  ['standard/httproute/invalid-filter-empty', httpRule({ filters: [{ type: 'ResponseHeaderModifier' }] }), 'FilterResponseHeaderModifierMissing', 'spec.rules[0].filters[0].type'],
  ['standard/httproute/invalid-filter-wrong-field', httpRule({ filters: [{ type: 'RequestHeaderModifier', urlRewrite: { hostname: 'h' } }] }), 'FilterURLRewriteForbidden', 'spec.rules[0].filters[0].urlRewrite'],
  ['standard/httproute/invalid-header-name', httpRule({ matches: [{ headers: [{ name: 'x/y', value: 'v' }] }] }), 'SchemaPattern', 'spec.rules[0].matches[0].headers[0].name'],
  ['standard/httproute/invalid-hostname', obj('HTTPRoute', { hostnames: ['https://h'] }), 'SchemaPattern', 'spec.hostnames[0]'],
  ['standard/httproute/invalid-httpredirect-hostname', httpRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: '*.h.example' } }] }), 'SchemaPattern', 'spec.rules[0].filters[0].requestRedirect.hostname'],
  ['standard/httproute/invalid-method', httpRule({ matches: [{ method: 'FETCH' }] }), 'SchemaEnum', 'spec.rules[0].matches[0].method'],
  ['standard/httproute/invalid-path-alphanum-specialchars-mix', httpRule({ matches: [{ path: { type: 'PathPrefix', value: '/a[b]' } }] }), 'PathMatchInvalidCharacters', 'spec.rules[0].matches[0].path.value'],
  ['standard/httproute/invalid-path-specialchars', httpRule({ matches: [{ path: { type: 'Exact', value: '/{}' } }] }), 'PathMatchInvalidCharacters', 'spec.rules[0].matches[0].path.value'],
  ['standard/httproute/invalid-request-redirect-with-backendref', httpRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 302 } }], backendRefs: [svc] }), 'HTTPRouteRedirectWithBackends', 'spec.rules[0].filters[0].requestRedirect'],
  ['standard/referencegrant/missing-from', obj('ReferenceGrant', { to: [{ group: '', kind: 'Service' }] }), 'SchemaRequired', 'spec'],
  ['standard/referencegrant/missing-ns', obj('ReferenceGrant', { from: [{ group: GW.split('/')[0], kind: 'HTTPRoute' }], to: [{ group: '', kind: 'Service' }] }), 'SchemaRequired', 'spec.from[0]'],
  ['standard/referencegrant/missing-to', obj('ReferenceGrant', { from: [{ group: '', kind: 'Service', namespace: 'n' }] }), 'SchemaRequired', 'spec'],
  ['standard/tlsroute/invalid-hostname', obj('TLSRoute', { hostnames: ['tls://h'], rules: [{ backendRefs: [svc] }] }), 'TLSRouteHostnameInvalid', 'spec.hostnames[0]'],
  ['standard/tlsroute/no-hostname', obj('TLSRoute', { rules: [{ backendRefs: [svc] }] }), 'SchemaRequired', 'spec'],
];

describe('the Gateway API invalid examples are refused', () => {
  it.each(CASES)('%s', (_, object, code, path) => {
    const errors = validate(parse([{ name: 'x.yaml', text: dump(object) }])).filter((d) => d.severity === 'error');
    expect(errors.filter((d) => d.code === code).map((d) => d.path)).toContain(path);
    // One problem per field.
    expect(errors.filter((d) => d.path === path).map((d) => d.code)).toEqual([code]);
  });
});
