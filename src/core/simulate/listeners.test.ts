import { describe, expect, it } from 'vitest';
import { ask, backendOf, build, gateway, gatewayClass, http, httpRoute, https, secret, service, to } from './testing.js';

// gateway-api.md §2.3 (misdirected requests); apis/v1/gateway_types.go (Listener hostname doc);
// conformance httproute-https-listener-detect-misdirected-requests (our own design, same shape).
describe('HTTPS: SNI picks the listener, the Host must agree (§2.3)', () => {
  const d = build([
    gatewayClass(),
    secret('cert'),
    gateway('gw', [https('any'), https('second', 'second-example.org'), https('wild', '*.wildcard.org'), https('fourth', 'fourth-example.wildcard.org')]),
    ...['v1', 'v2', 'v3'].map((s) => service(s)),
    httpRoute('r1', { parentRefs: [{ name: 'gw', sectionName: 'any' }], hostnames: ['example.org'], rules: [{ backendRefs: [to('v1')] }] }),
    httpRoute('r2', { parentRefs: [{ name: 'gw', sectionName: 'second' }], rules: [{ backendRefs: [to('v2')] }] }),
    httpRoute('r3', { parentRefs: [{ name: 'gw', sectionName: 'wild' }], rules: [{ backendRefs: [to('v3')] }] }),
    httpRoute('r4', { parentRefs: [{ name: 'gw', sectionName: 'fourth' }], rules: [{ backendRefs: [to('v1')] }] }),
  ]);
  it.each([
    ['example.org', 'example.org', 'v1'],
    ['example.org', 'second-example.org', 421],
    ['example.org', 'unknown-example.org', 404],
    ['second-example.org', 'second-example.org', 'v2'],
    ['second-example.org', 'example.org', 421],
    ['second-example.org', 'unknown-example.org', 421],
    ['third-example.wildcard.org', 'third-example.wildcard.org', 'v3'],
    ['third-example.wildcard.org', 'fith-example.wildcard.org', 'v3'],
    ['third-example.wildcard.org', 'fourth-example.wildcard.org', 421],
    ['third-example.wildcard.org', 'second-example.org', 421],
    ['third-example.wildcard.org', 'unknown-example.org', 421],
    ['fourth-example.wildcard.org', 'fourth-example.wildcard.org', 'v1'],
    ['fourth-example.wildcard.org', 'fith-example.wildcard.org', 421],
    ['unknown-example.org', 'example.org', 'v1'],
    ['unknown-example.org', 'unknown-example.org', 404],
  ])('SNI %s, Host %s → %s', (sni, host, expected) => {
    expect(backendOf(ask(d, `GET https://${host}/detect`, [], { sni }))).toBe(expected);
  });
});

// gateway-api.md §2.2–§2.3; conformance gateway-http-listener-isolation: once a listener is
// chosen only its routes count — no fallback to a less specific listener.
describe('listener selection and isolation (§2.2, §2.3)', () => {
  const d = build([
    gatewayClass(),
    gateway('gw', [http('empty'), http('wild', '*.example.com'), http('abc', 'abc.example.com')]),
    ...['e', 'w', 'a'].map((s) => service(s)),
    httpRoute('re', { parentRefs: [{ name: 'gw', sectionName: 'empty' }], rules: [{ backendRefs: [to('e')] }] }),
    httpRoute('rw', { parentRefs: [{ name: 'gw', sectionName: 'wild' }], rules: [{ backendRefs: [to('w')] }] }),
    httpRoute('ra', { parentRefs: [{ name: 'gw', sectionName: 'abc' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/abc' } }], backendRefs: [to('a')] }] }),
  ]);
  it.each([
    ['abc.example.com', '/abc', 'a', 'exact listener'],
    ['abc.example.com', '/other', 404, 'isolation: the catch-all of *.example.com is not tried'],
    ['x.example.com', '/other', 'w', 'wildcard listener'],
    ['x.y.example.com', '/', 'w', 'wildcard covers several labels'],
    ['example.com', '/', 'e', '*.example.com does not match example.com'],
    ['ABC.Example.com', '/abc', 'a', 'host compared lower-case'],
    ['abc.example.com:8080', '/abc', 'a', 'a port in the Host header is ignored'],
  ])('%s%s → %s (%s)', (host, path, expected, _why) => {
    expect(backendOf(ask(d, 'GET http://h.io' + path, [`Host: ${host}`]))).toBe(expected);
  });
  it('a port without listener → 404 with the reason', () => {
    const decision = ask(d, 'GET http://abc.example.com:8080/abc');
    expect(decision.status).toBe(404);
  });
  it('the trace names each listener looked at with the reason it did not apply', () => {
    const t = ask(d, 'GET http://x.example.com/').trace.filter((s) => s.step === 'listener');
    expect(t.map((s) => [s.ref, s.result])).toEqual([
      ['Gateway default/gw listener abc', 'skipped'],
      ['Gateway default/gw listener wild', 'matched'],
      ['Gateway default/gw listener empty', 'skipped'],
    ]);
    expect(t[0]?.reason).toBe('hostname x.example.com does not match abc.example.com');
  });
});

// DESIGN.md "simulate": gateway choice without --gateway.
describe('gateway choice (DESIGN.md)', () => {
  const d = build([
    gatewayClass(),
    gateway('b-gw', [http('http')], 'default'),
    gateway('a-gw', [http('http', 'only.example.com')], 'default'),
    gateway('c-gw', [{ ...http('http'), port: 8080 }], 'default'),
    service('s'),
    httpRoute('r', { parentRefs: [{ name: 'a-gw' }, { name: 'b-gw' }, { name: 'c-gw' }], rules: [{ backendRefs: [to('s')] }] }),
  ]);
  it('the first by namespace/name among those whose listeners accept the request, with a note', () => {
    const decision = ask(d, 'GET http://only.example.com/');
    expect(decision.gateway?.name).toBe('a-gw');
    expect(decision.notes.find((n) => n.code === 'Ambiguous')?.message).toMatch(/b-gw/);
  });
  it('skips gateways whose listeners do not accept the host or port', () => {
    expect(ask(d, 'GET http://other.example.com/').gateway?.name).toBe('b-gw');
    expect(ask(d, 'GET http://other.example.com:8080/').gateway?.name).toBe('c-gw');
  });
  it('--gateway names one; none on the port → 404 with a note', () => {
    expect(ask(d, 'GET http://only.example.com/', [], { gateway: { namespace: 'default', name: 'b-gw' } }).gateway?.name).toBe('b-gw');
    const none = ask(d, 'GET http://h:9999/');
    expect([none.status, none.gateway, none.notes.length > 0]).toEqual([404, null, true]);
  });
});
