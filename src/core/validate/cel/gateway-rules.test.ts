import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const gateway = (spec: KubeObject, status?: KubeObject) => gatewayApiObject('Gateway', { gatewayClassName: 'gc', ...spec }, status);
const withListeners = (...listeners: KubeObject[]) => gateway({ listeners });
const listenerSet = (...listeners: KubeObject[]) => gatewayApiObject('ListenerSet', { parentRef: { name: 'gw' }, listeners });
const addresses = (...list: KubeObject[]) => gateway({ listeners: [HTTP], addresses: list });
const statusAddresses = (...list: KubeObject[]) => gateway({ listeners: [HTTP] }, { addresses: list });
const annotations = (...keys: string[]) => gateway({ infrastructure: { annotations: Object.fromEntries(keys.map((k) => [k, 'v'])) } });
const labels = (...keys: string[]) => gateway({ infrastructure: { labels: Object.fromEntries(keys.map((k) => [k, 'v'])) } });
const perPort = (...ports: number[]) => gateway({ tls: { frontend: { default: {}, perPort: ports.map((port) => ({ port, tls: {} })) } } });

const HTTP = { name: 'http', protocol: 'HTTP', port: 80 };
const CERT = { certificateRefs: [{ name: 'cert' }] };
const listener = (name: string, protocol: string, port: number, extra: KubeObject = {}) => ({ name, protocol, port, ...extra });
const long = (n: number) => 'a'.repeat(n);

const addressCases: CelCase[] = [
  { code: 'GatewayAddressIPUnique', name: 'distinct IPs', obj: addresses({ type: 'IPAddress', value: '1.2.3.4' }, { value: '2.3.4.5' }), want: [] },
  { code: 'GatewayAddressIPUnique', name: 'same IP, the second typed by default', obj: addresses({ type: 'IPAddress', value: '1.2.3.4' }, { value: '1.2.3.4' }), want: ['spec.addresses[1].value'] },
  { code: 'GatewayAddressIPUnique', name: 'three times the same IP', obj: addresses({ value: '::1' }, { value: '::1' }, { value: '::1' }), want: ['spec.addresses[1].value', 'spec.addresses[2].value'] },
  { code: 'GatewayAddressIPUnique', name: 'entries without a value are not compared', obj: addresses({ type: 'IPAddress' }, { type: 'IPAddress' }), want: [] },
  { code: 'GatewayAddressIPUnique', name: 'same value under two types', obj: addresses({ type: 'IPAddress', value: 'x' }, { type: 'NamedAddress', value: 'x' }), want: [] },
  { code: 'GatewayAddressIPUnique', name: 'addresses of the wrong type', obj: gateway({ addresses: 'none' }), want: [] },
  { code: 'GatewayAddressHostnameUnique', name: 'same hostname twice', obj: addresses({ type: 'Hostname', value: 'a.example.com' }, { type: 'Hostname', value: 'a.example.com' }), want: ['spec.addresses[1].value'] },
  { code: 'GatewayAddressHostnameUnique', name: 'distinct hostnames', obj: addresses({ type: 'Hostname', value: 'a.example.com' }, { type: 'Hostname', value: 'b.example.com' }), want: [] },
  { code: 'GatewayAddressHostnameUnique', name: 'duplicate IPs are not its business', obj: addresses({ value: '1.2.3.4' }, { value: '1.2.3.4' }), want: [] },
  { code: 'GatewayAddressHostnameUnique', name: 'hostname entries without a value', obj: addresses({ type: 'Hostname' }, { type: 'Hostname' }), want: [] },
  { code: 'GatewayAddressHostnameInvalid', name: 'a host with a port', obj: addresses({ type: 'Hostname', value: 'foo.com:80' }), want: ['spec.addresses[0].value'] },
  { code: 'GatewayAddressHostnameInvalid', name: 'upper case', obj: addresses({ type: 'Hostname', value: 'Foo.com' }), want: ['spec.addresses[0].value'] },
  { code: 'GatewayAddressHostnameInvalid', name: 'a present empty value (only an absent one passes)', obj: addresses({ type: 'Hostname', value: '' }), want: ['spec.addresses[0].value'] },
  { code: 'GatewayAddressHostnameInvalid', name: 'a wildcard hostname', obj: addresses({ type: 'Hostname', value: '*.example.com' }), want: [] },
  { code: 'GatewayAddressHostnameInvalid', name: 'no value', obj: addresses({ type: 'Hostname' }), want: [] },
  { code: 'GatewayAddressHostnameInvalid', name: 'an IPAddress entry is not checked here', obj: addresses({ value: 'foo.com:80' }), want: [] },
  { code: 'GatewayStatusAddressHostnameInvalid', name: 'status hostname with a slash', obj: statusAddresses({ type: 'Hostname', value: '*foo/bar' }), want: ['status.addresses[0].value'] },
  { code: 'GatewayStatusAddressHostnameInvalid', name: 'status IPv6 literal typed Hostname', obj: statusAddresses({ type: 'Hostname', value: '12:34:56::' }), want: ['status.addresses[0].value'] },
  { code: 'GatewayStatusAddressHostnameInvalid', name: 'valid status hostname', obj: statusAddresses({ type: 'Hostname', value: 'foo.bar' }), want: [] },
  { code: 'GatewayStatusAddressHostnameInvalid', name: 'status address typed IPAddress by default', obj: statusAddresses({ value: '1.2.3.4:8080' }), want: [] },
];

const infrastructureCases: CelCase[] = [
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'plain and prefixed keys', obj: annotations('team', 'example.com/team', 'a.b-c/x_y.z', long(63)), want: [] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'upper-case prefix', obj: annotations('Example.com/team'), want: ['spec.infrastructure.annotations["Example.com/team"]'] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'name starting with a dash', obj: annotations('-team'), want: ['spec.infrastructure.annotations["-team"]'] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'name of 64 characters', obj: annotations(long(64)), want: [`spec.infrastructure.annotations.${long(64)}`] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'empty name after the prefix', obj: annotations('example.com/'), want: ['spec.infrastructure.annotations["example.com/"]'] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'two slashes', obj: annotations('a/b/c'), want: ['spec.infrastructure.annotations["a/b/c"]'] },
  { code: 'GatewayInfrastructureAnnotationKeyInvalid', name: 'no infrastructure', obj: withListeners(HTTP), want: [] },
  { code: 'GatewayInfrastructureAnnotationKeyPrefixTooLong', name: 'prefix of 252 characters', obj: annotations(`${long(252)}/x`), want: [] },
  { code: 'GatewayInfrastructureAnnotationKeyPrefixTooLong', name: 'prefix of 253 characters', obj: annotations(`${long(253)}/x`), want: [`spec.infrastructure.annotations["${long(253)}/x"]`] },
  { code: 'GatewayInfrastructureAnnotationKeyPrefixTooLong', name: 'a key without prefix counts whole', obj: annotations(long(253)), want: [`spec.infrastructure.annotations.${long(253)}`] },
  { code: 'GatewayInfrastructureLabelKeyInvalid', name: 'valid label keys', obj: labels('app', 'example.com/app'), want: [] },
  { code: 'GatewayInfrastructureLabelKeyInvalid', name: 'label name with a space', obj: labels('my app'), want: ['spec.infrastructure.labels["my app"]'] },
  { code: 'GatewayInfrastructureLabelKeyInvalid', name: 'annotations are not labels', obj: annotations('my app'), want: [] },
  { code: 'GatewayInfrastructureLabelKeyPrefixTooLong', name: 'short prefix', obj: labels('example.com/app'), want: [] },
  { code: 'GatewayInfrastructureLabelKeyPrefixTooLong', name: 'prefix of 300 characters', obj: labels(`${long(300)}/app`), want: [`spec.infrastructure.labels["${long(300)}/app"]`] },
];

const listenerCases: CelCase[] = [
  { code: 'GatewayListenerTLSForbidden', name: 'HTTP with an empty tls block', obj: withListeners({ ...HTTP, tls: {} }), want: ['spec.listeners[0].tls'] },
  { code: 'GatewayListenerTLSForbidden', name: 'TCP and UDP with tls', obj: withListeners(listener('t', 'TCP', 9000, { tls: CERT }), listener('u', 'UDP', 53, { tls: CERT })), want: ['spec.listeners[0].tls', 'spec.listeners[1].tls'] },
  { code: 'GatewayListenerTLSForbidden', name: 'ListenerSet HTTP with tls', obj: listenerSet({ ...HTTP, tls: CERT }), want: ['spec.listeners[0].tls'] },
  { code: 'GatewayListenerTLSForbidden', name: 'HTTPS with tls, HTTP without', obj: withListeners(HTTP, listener('https', 'HTTPS', 443, { tls: CERT })), want: [] },
  { code: 'GatewayListenerTLSForbidden', name: 'tls: null counts as absent', obj: withListeners({ ...HTTP, tls: null }), want: [] },
  { code: 'GatewayListenerTLSForbidden', name: 'listeners of the wrong type', obj: gateway({ listeners: { http: HTTP } }), want: [] },
  { code: 'GatewayListenerHTTPSModeNotTerminate', name: 'HTTPS Passthrough', obj: withListeners(listener('https', 'HTTPS', 443, { tls: { mode: 'Passthrough' } })), want: ['spec.listeners[0].tls.mode'] },
  { code: 'GatewayListenerHTTPSModeNotTerminate', name: 'HTTPS without mode (defaults to Terminate)', obj: withListeners(listener('https', 'HTTPS', 443, { tls: CERT })), want: [] },
  { code: 'GatewayListenerHTTPSModeNotTerminate', name: 'HTTPS with an empty mode', obj: withListeners(listener('https', 'HTTPS', 443, { tls: { mode: '', ...CERT } })), want: [] },
  { code: 'GatewayListenerHTTPSModeNotTerminate', name: 'HTTPS without tls', obj: withListeners(listener('https', 'HTTPS', 443)), want: [] },
  { code: 'GatewayListenerHTTPSModeNotTerminate', name: 'TLS Passthrough is fine', obj: listenerSet(listener('tls', 'TLS', 443, { tls: { mode: 'Passthrough' } })), want: [] },
  { code: 'GatewayListenerTLSModeRequired', name: 'TLS without tls', obj: withListeners(listener('tls', 'TLS', 443)), want: ['spec.listeners[0]'] },
  { code: 'GatewayListenerTLSModeRequired', name: 'TLS with an empty mode', obj: withListeners(listener('tls', 'TLS', 443, { tls: { mode: '' } })), want: ['spec.listeners[0].tls.mode'] },
  { code: 'GatewayListenerTLSModeRequired', name: 'TLS with tls but no mode (defaulted to Terminate)', obj: withListeners(listener('tls', 'TLS', 443, { tls: CERT })), want: [] },
  { code: 'GatewayListenerTLSModeRequired', name: 'TLS Passthrough', obj: withListeners(listener('tls', 'TLS', 443, { tls: { mode: 'Passthrough' } })), want: [] },
  { code: 'GatewayListenerTLSModeRequired', name: 'ListenerSet TLS without tls', obj: listenerSet(listener('tls', 'TLS', 443)), want: ['spec.listeners[0]'] },
  { code: 'GatewayListenerHostnameForbidden', name: 'TCP and UDP with hostnames', obj: withListeners(listener('t', 'TCP', 9000, { hostname: 'a.com' }), listener('u', 'UDP', 53, { hostname: 'b.com' })), want: ['spec.listeners[0].hostname', 'spec.listeners[1].hostname'] },
  { code: 'GatewayListenerHostnameForbidden', name: 'TCP with an empty hostname', obj: withListeners(listener('t', 'TCP', 9000, { hostname: '' })), want: [] },
  { code: 'GatewayListenerHostnameForbidden', name: 'HTTP with a hostname', obj: withListeners({ ...HTTP, hostname: 'a.com' }), want: [] },
  { code: 'GatewayListenerNameUnique', name: 'two listeners named http', obj: withListeners(HTTP, { ...HTTP, port: 8080 }), want: ['spec.listeners[1].name'] },
  { code: 'GatewayListenerNameUnique', name: 'ListenerSet with a repeated name', obj: listenerSet(HTTP, listener('b', 'HTTP', 81), { ...HTTP, port: 82 }), want: ['spec.listeners[2].name'] },
  { code: 'GatewayListenerNameUnique', name: 'distinct names', obj: withListeners(HTTP, listener('b', 'HTTP', 81)), want: [] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'same port and protocol, no hostnames', obj: withListeners(HTTP, listener('b', 'HTTP', 80)), want: ['spec.listeners[1]'] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'same port, protocol and hostname', obj: withListeners({ ...HTTP, hostname: 'a.com' }, listener('b', 'HTTP', 80, { hostname: 'a.com' })), want: ['spec.listeners[1]'] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'only one has a hostname', obj: withListeners(HTTP, listener('b', 'HTTP', 80, { hostname: 'a.com' })), want: [] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'an empty hostname differs from an absent one', obj: withListeners(HTTP, listener('b', 'HTTP', 80, { hostname: '' })), want: [] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'different protocols on one port', obj: withListeners(listener('a', 'HTTPS', 443, { tls: CERT }), listener('b', 'TLS', 443, { tls: CERT })), want: [] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'ListenerSet entries without a port are skipped', obj: listenerSet({ name: 'a', protocol: 'HTTP' }, { name: 'b', protocol: 'HTTP' }), want: [] },
  { code: 'GatewayListenerPortProtocolHostnameUnique', name: 'ListenerSet duplicate combination', obj: listenerSet(HTTP, listener('b', 'HTTP', 80)), want: ['spec.listeners[1]'] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'HTTPS with an empty tls block', obj: withListeners(listener('https', 'HTTPS', 443, { tls: {} })), want: ['spec.listeners[0].tls'] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'Terminate with an empty certificateRefs list', obj: withListeners(listener('https', 'HTTPS', 443, { tls: { mode: 'Terminate', certificateRefs: [] } })), want: ['spec.listeners[0].tls'] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'HTTP with tls: {} fails this rule too', obj: withListeners({ ...HTTP, tls: {} }), want: ['spec.listeners[0].tls'] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'options only', obj: withListeners(listener('https', 'HTTPS', 443, { tls: { options: { 'example.com/cert': 'vault' } } })), want: [] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'a certificateRef', obj: listenerSet(listener('https', 'HTTPS', 443, { tls: CERT })), want: [] },
  { code: 'GatewayListenerTLSCertificateRequired', name: 'Passthrough needs no certificate', obj: withListeners(listener('tls', 'TLS', 443, { tls: { mode: 'Passthrough' } })), want: [] },
  { code: 'GatewayTLSPerPortUnique', name: 'port 443 twice', obj: perPort(443, 8443, 443), want: ['spec.tls.frontend.perPort[2].port'] },
  { code: 'GatewayTLSPerPortUnique', name: 'distinct ports', obj: perPort(443, 8443), want: [] },
  { code: 'GatewayTLSPerPortUnique', name: 'no tls section', obj: withListeners(HTTP), want: [] },
];

describe('gateway-api.md §11.3 / gateways CRD spec.addresses, status.addresses', () => {
  it.each(addressCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.3 / gateways CRD spec.infrastructure', () => {
  it.each(infrastructureCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.3 / gateways and listenersets CRDs spec.listeners, gateways CRD spec.tls', () => {
  it.each(listenerCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every Gateway rule with a passing and a failing case', () => {
    expect(uncovered([...addressCases, ...infrastructureCases, ...listenerCases], 'Gateway')).toEqual([]);
  });
});
