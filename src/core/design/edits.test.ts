import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { introducedErrors, pathWithin } from './check.js';
import { checkObject } from './check-object.js';
import { checkName } from './document.js';
import { appendItem, moveItem, removeItem, setField } from './fields.js';
import { addVsDestination, addVsHeaderMatch, addVsRoute, addServicePort, addSubset, moveVsRoute } from './istio-routes.js';
import { addListener, addServer, setCertificateRef, setListenerProtocol } from './listeners.js';
import { addFilter, addHeaderMatch, addMatch, addRule, HTTP_FILTER_TYPES } from './rules.js';
import { newObject } from './templates.js';

const errors = (o: KubeObject) => checkObject(o).filter((p) => p.severity === 'error');
const gateway = () => newObject('Gateway', 'shop', 'edge');
const route = () => newObject('HTTPRoute', 'shop', 'cart');

describe('setField / removeItem / moveItem', () => {
  const obj: KubeObject = { spec: { rules: [{ timeouts: { request: '10s' } }], hostnames: ['a.example.com', 'b.example.com'] } };
  it.each([
    ['sets a value', ['spec', 'rules', 0, 'timeouts', 'backendRequest'], '5s', { spec: { rules: [{ timeouts: { request: '10s', backendRequest: '5s' } }], hostnames: ['a.example.com', 'b.example.com'] } }],
    ['an empty string removes the field and the map it leaves empty', ['spec', 'rules', 0, 'timeouts', 'request'], '', { spec: { rules: [{}], hostnames: ['a.example.com', 'b.example.com'] } }],
    ['an empty list removes the field', ['spec', 'hostnames'], [], { spec: { rules: [{ timeouts: { request: '10s' } }] } }],
    ['removing what is absent changes nothing', ['spec', 'nothing'], undefined, obj],
  ] as const)('%s', (_name, path, value, expected) => {
    expect(setField(obj, path, value)).toEqual(expected);
  });

  it('removes a list entry, and the list with its last entry', () => {
    expect(removeItem(obj, ['spec', 'hostnames', 0])).toEqual({ spec: { rules: [{ timeouts: { request: '10s' } }], hostnames: ['b.example.com'] } });
    expect(removeItem(obj, ['spec', 'rules', 0])).toEqual({ spec: { hostnames: ['a.example.com', 'b.example.com'] } });
  });

  it.each([
    [0, 1, ['b.example.com', 'a.example.com']],
    [1, 0, ['b.example.com', 'a.example.com']],
    [0, 5, ['a.example.com', 'b.example.com']],
  ])('moves entry %i to %i', (from, to, expected) => {
    expect((moveItem(obj, ['spec', 'hostnames'], from, to).spec as { hostnames: string[] }).hostnames).toEqual(expected);
  });

  it('appends to a missing list', () => {
    expect(appendItem({}, ['spec', 'hostnames'], 'x.example.com')).toEqual({ spec: { hostnames: ['x.example.com'] } });
  });
});

describe('listeners', () => {
  it.each([
    [{ protocol: 'HTTPS', port: 443, hostname: '*.shop.example.com', certificateRef: 'shop-cert' }, { name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.shop.example.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-cert' }] } }],
    [{ protocol: 'HTTP', port: 8080 }, { name: 'http-2', protocol: 'HTTP', port: 8080 }],
    [{ protocol: 'TLS', port: 8443 }, { name: 'tls', protocol: 'TLS', port: 8443, tls: { mode: 'Passthrough' } }],
  ] as const)('adds %o as a valid listener', (preset, expected) => {
    const next = addListener(gateway(), preset);
    expect((next.spec as { listeners: unknown[] }).listeners[1]).toEqual(expected);
    expect(errors(next)).toEqual([]);
  });

  it.each([
    ['HTTPS', { mode: 'Terminate', certificateRefs: [{ name: 'edge-tls' }] }],
    ['TLS', { mode: 'Passthrough' }],
    ['TCP', undefined],
  ] as const)('switching a listener to %s keeps it valid', (protocol, tls) => {
    const next = setListenerProtocol(gateway(), 0, protocol);
    expect((next.spec as { listeners: { tls?: unknown }[] }).listeners[0]?.tls).toEqual(tls);
    expect(errors(next)).toEqual([]);
  });

  it('keeps the certificate when switching HTTPS back and forth, and names it', () => {
    const https = setCertificateRef(setListenerProtocol(gateway(), 0, 'HTTPS'), 0, 'mine');
    expect(JSON.stringify(setListenerProtocol(https, 0, 'HTTPS'))).toContain('"mine"');
    expect(JSON.stringify(setListenerProtocol(https, 0, 'HTTP'))).not.toContain('tls');
  });

  it('adds an Istio HTTPS server with a credential', () => {
    const next = addServer(newObject('IstioGateway', 'shop', 'edge'), { protocol: 'HTTPS', port: 443, hosts: ['shop.example.com'] });
    expect((next.spec as { servers: unknown[] }).servers[1]).toEqual({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName: 'edge-tls' } });
    expect(errors(next)).toEqual([]);
  });
});

describe('rules, matches and filters', () => {
  it('adds rules, matches and header matches that validate', () => {
    let r = addRule(route());
    r = addMatch(r, 1);
    r = addHeaderMatch(addHeaderMatch(r, 1, 1), 1, 1);
    expect((r.spec as { rules: { matches: { headers?: { name: string }[] }[] }[] }).rules[1]?.matches[1]?.headers?.map((h) => h.name)).toEqual(['x-canary', 'x-canary-2']);
    expect(errors(r)).toEqual([]);
  });

  it.each(HTTP_FILTER_TYPES.map((t) => [t]))('a new %s filter is valid on a rule without backends', (type) => {
    expect(errors(addFilter(route(), 0, type))).toEqual([]);
  });

  it('a redirect on a rule with backends is an error the check reports', () => {
    const withBackend = setField(route(), ['spec', 'rules', 0, 'backendRefs'], [{ name: 'cart', port: 8080 }]);
    const next = addFilter(withBackend, 0, 'RequestRedirect');
    expect(introducedErrors(checkObject(withBackend), checkObject(next)).map((p) => p.path)).toEqual(['spec.rules[0].filters[0].requestRedirect']);
  });
});

describe('Istio edits', () => {
  const vs = () => newObject('VirtualService', 'shop', 'reviews');
  it('adds a route after the first and moves it before (first match wins)', () => {
    const two = addVsRoute(vs());
    const moved = moveVsRoute(addVsHeaderMatch(two, 1), 1, 0) as { spec: { http: { match?: { headers?: unknown }[] }[] } };
    expect(moved.spec.http[0]?.match?.[0]?.headers).toEqual({ 'x-canary': { exact: 'true' } });
    expect(errors(moved as KubeObject)).toEqual([]);
  });

  it('adds destinations with subset and port, subsets and Service ports', () => {
    const next = addVsDestination(vs(), 'http', 0, 'reviews', { subset: 'v2', port: 9080 });
    expect(JSON.stringify(next)).toContain('{"destination":{"host":"reviews","subset":"v2","port":{"number":9080}}}');
    const dr = addSubset(newObject('DestinationRule', 'shop', 'reviews'));
    expect((dr.spec as { subsets: { name: string }[] }).subsets.map((s) => s.name)).toEqual(['v1', 'v2']);
    const svc = addServicePort(newObject('Service', 'shop', 'reviews'));
    expect((svc.spec as { ports: unknown[] }).ports[1]).toEqual({ name: 'http-2', port: 8081, targetPort: 8081 });
    for (const o of [next, dr, svc]) expect(errors(o)).toEqual([]);
  });
});

describe('checks', () => {
  it.each([
    ['cart', null],
    ['cart-v2.shop', null],
    ['', 'a name is required'],
    ['Cart', expect.stringContaining('lower-case')],
    ['-cart', expect.stringContaining('lower-case')],
  ])('name %j', (name, expected) => {
    expect(checkName(name)).toEqual(expected);
  });

  it.each([
    ['spec.rules[0].matches', 'spec.rules[0]', true],
    ['spec.rules[0]', 'spec.rules[0]', true],
    ['spec.rules[10]', 'spec.rules[1]', false],
    ['spec.hostnamesX', 'spec.hostnames', false],
    ['anything', '', true],
  ])('%s is within %s: %s', (path, prefix, expected) => {
    expect(pathWithin(path, prefix)).toBe(expected);
  });

  it('reports an invalid hostname at its field, as the document validation does', () => {
    const bad = setField(route(), ['spec', 'hostnames'], ['Bad_Host']);
    expect(introducedErrors(checkObject(route()), checkObject(bad)).map((p) => [p.code, p.path])).toEqual([['SchemaPattern', 'spec.hostnames[0]']]);
  });
});
