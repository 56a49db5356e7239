import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/types.js';
import { parse } from '../resources/parse.js';
import type { KubeObject } from '../resources/types.js';
import { validate } from './index.js';
import { oneCausePerProblem } from './one-cause.js';

const at = (code: string, path: string | undefined): Diagnostic => ({ code, path, severity: 'error', message: code, file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2 });
const kept = (list: readonly Diagnostic[]): string[] => oneCausePerProblem(list).map((d) => `${d.code}@${d.path ?? ''}`);

describe('oneCausePerProblem', () => {
  it.each([
    ['a schema shape issue and a CEL rule on one field: the rule', [at('SchemaEnum', 'p'), at('PathMatchTypeInvalid', 'p')], ['PathMatchTypeInvalid@p']],
    ['a pattern issue and an API-server check on one field: the check', [at('SchemaPattern', 'p'), at('HeaderValueInvalid', 'p')], ['HeaderValueInvalid@p']],
    ['a format issue and a CEL rule', [at('SchemaFormat', 'p'), at('GatewayAddressHostnameInvalid', 'p')], ['GatewayAddressHostnameInvalid@p']],
    ['on different fields: both', [at('SchemaEnum', 'p'), at('PathMatchTypeInvalid', 'q')], ['SchemaEnum@p', 'PathMatchTypeInvalid@q']],
    ['different causes on one field (length and pattern): both', [at('SchemaLength', 'p'), at('SchemaPattern', 'p')], ['SchemaLength@p', 'SchemaPattern@p']],
    ['a length issue and a CEL rule on one field: both', [at('SchemaLength', 'p'), at('TLSRouteHostnameInvalid', 'p')], ['SchemaLength@p', 'TLSRouteHostnameInvalid@p']],
    ['an unknown field is not a specific rule', [at('SchemaPattern', 'p'), at('UnknownField', 'p')], ['SchemaPattern@p', 'UnknownField@p']],
    ['two CEL rules of different causes on one field: both', [at('PathMatchMustStartWithSlash', 'p'), at('PathMatchInvalidCharacters', 'p')], ['PathMatchMustStartWithSlash@p', 'PathMatchInvalidCharacters@p']],
    ['a consequence and its cause: the cause', [at('GatewayListenerTLSCertificateRequired', 'p'), at('GatewayListenerTLSForbidden', 'p')], ['GatewayListenerTLSForbidden@p']],
    ['a consequence on another field: kept', [at('GatewayListenerTLSCertificateRequired', 'p'), at('GatewayListenerTLSForbidden', 'q')], ['GatewayListenerTLSCertificateRequired@p', 'GatewayListenerTLSForbidden@q']],
    ['whole-object problems are never merged', [at('SchemaEnum', undefined), at('PathMatchTypeInvalid', undefined)], ['SchemaEnum@', 'PathMatchTypeInvalid@']],
  ])('%s', (_, list, want) => {
    expect(kept(list)).toEqual(want);
  });
});

const GW = 'gateway.networking.k8s.io/v1';
const codesAt = (object: KubeObject, path: string): string[] =>
  validate(parse([{ name: 'x.yaml', text: dump(object) }]))
    .filter((d) => d.path === path)
    .map((d) => d.code);

const infrastructure = (field: string, key: string): KubeObject => ({ apiVersion: GW, kind: 'Gateway', metadata: { name: 'g' }, spec: { gatewayClassName: 'c', infrastructure: { [field]: { [key]: 'v' } }, listeners: [{ name: 'h', protocol: 'HTTP', port: 80 }] } });

// Every pair the CEL rule tables made fire on one field (found by running them through validate).
describe('validate: one cause, one problem', () => {
  it.each([
    ['path type Prefix', { apiVersion: GW, kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules: [{ matches: [{ path: { type: 'Prefix', value: '/' } }] }] } }, 'spec.rules[0].matches[0].path.type', ['PathMatchTypeInvalid']],
    ['TLS listener with an empty mode', { apiVersion: GW, kind: 'Gateway', metadata: { name: 'g' }, spec: { gatewayClassName: 'c', listeners: [{ name: 't', protocol: 'TLS', port: 443, tls: { mode: '' } }] } }, 'spec.listeners[0].tls.mode', ['GatewayListenerTLSModeRequired']],
    ['TLSRoute hostname with a scheme', { apiVersion: GW, kind: 'TLSRoute', metadata: { name: 't' }, spec: { hostnames: ['tls://h'], rules: [{ backendRefs: [{ name: 's', port: 443 }] }] } }, 'spec.hostnames[0]', ['TLSRouteHostnameInvalid']],
    ['TLSRoute hostname an IPv6 address', { apiVersion: GW, kind: 'TLSRoute', metadata: { name: 't' }, spec: { hostnames: ['::1'], rules: [{ backendRefs: [{ name: 's', port: 443 }] }] } }, 'spec.hostnames[0]', ['TLSRouteHostnameIP']],
    ['TLSRoute hostname with a bad wildcard', { apiVersion: GW, kind: 'TLSRoute', metadata: { name: 't' }, spec: { hostnames: ['a.*.h'], rules: [{ backendRefs: [{ name: 's', port: 443 }] }] } }, 'spec.hostnames[0]', ['TLSRouteHostnameWildcardInvalid']],
    ['HTTP listener with tls: {}', { apiVersion: GW, kind: 'Gateway', metadata: { name: 'g' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'h', protocol: 'HTTP', port: 80, tls: {} }] } }, 'spec.listeners[0].tls', ['GatewayListenerTLSForbidden']],
    ['an infrastructure annotation key of 253 characters without prefix', infrastructure('annotations', 'a'.repeat(253)), `spec.infrastructure.annotations.${'a'.repeat(253)}`, ['GatewayInfrastructureAnnotationKeyInvalid']],
    ['an infrastructure label key of 253 characters without prefix', infrastructure('labels', 'a'.repeat(253)), `spec.infrastructure.labels.${'a'.repeat(253)}`, ['GatewayInfrastructureLabelKeyInvalid']],
    ['an infrastructure label key with a 254-character prefix', infrastructure('labels', `${'a'.repeat(254)}/k`), `spec.infrastructure.labels["${'a'.repeat(254)}/k"]`, ['GatewayInfrastructureLabelKeyPrefixTooLong']],
    ['a good path type: nothing', { apiVersion: GW, kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules: [{ matches: [{ path: { type: 'Exact', value: '/' } }] }] } }, 'spec.rules[0].matches[0].path.type', []],
  ])('%s', (_, object, path, want) => {
    expect(codesAt(object, path)).toEqual(want);
  });
});
