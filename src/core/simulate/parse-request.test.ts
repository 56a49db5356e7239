import { describe, expect, it } from 'vitest';
import { parseRequest } from './parse-request.js';

// DESIGN.md "simulate": the request forms of --request and -H.
describe('parseRequest', () => {
  it.each([
    ['GET https://Shop.Example.com/cart?id=1', { protocol: 'http', method: 'GET', scheme: 'https', host: 'shop.example.com', port: 443, path: '/cart?id=1', sni: 'shop.example.com' }],
    ['http://h.io', { method: 'GET', scheme: 'http', host: 'h.io', port: 80, path: '/', sni: null }],
    ['post http://h.io:8080/x', { method: 'POST', port: 8080 }],
    ['GRPC grpc://api.io:50051/pkg.v1.Svc/Get', { protocol: 'grpc', method: 'POST', port: 50051, grpc: { service: 'pkg.v1.Svc', method: 'Get' } }],
    ['TLS tls://db.example.com:8443', { protocol: 'tls', sni: 'db.example.com', port: 8443, path: '/' }],
    ['TCP tcp://db:5432', { protocol: 'tcp', host: 'db', port: 5432, sni: null }],
    ['UDP udp://dns:53', { protocol: 'udp', port: 53 }],
    ['GET http://[::1]:8080/x', { host: '[::1]', port: 8080 }],
  ])('%s', (text, expected) => {
    const r = parseRequest(text);
    expect(r.ok && r.request).toMatchObject(expected);
  });
  it('headers keep order and case; Host overrides the authority but not the SNI', () => {
    const r = parseRequest('GET https://a.example.com/', ['X-A: 1', 'Host: b.example.com:8443', 'x-a: 2']);
    expect(r.ok && [r.request.headers, r.request.host, r.request.authority, r.request.sni]).toEqual([[['X-A', '1'], ['x-a', '2']], 'b.example.com', 'b.example.com:8443', 'a.example.com']);
  });
  it('--sni overrides the server name', () => {
    const r = parseRequest('GET https://a.example.com/', [], { sni: 'B.example.com' });
    expect(r.ok && r.request.sni).toBe('b.example.com');
  });
  it.each([
    ['shop.example.com/cart', /scheme/],
    ['GET ftp://h/', /unknown scheme/],
    ['TCP tcp://db', /needs a port/],
    ['GET http://h:99999/', /invalid port/],
    ['GRPC grpc://h:80/onlyone', /gRPC path/],
    ['GET grpc://h:80/a.B/C', /gRPC request/],
  ])('%s is refused', (text, message) => {
    const r = parseRequest(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
  it('a header without a colon is refused', () => {
    expect(parseRequest('GET http://h/', ['nonsense']).ok).toBe(false);
  });

});

// Strict reading (WHATWG URL Standard §3.5 host parsing, §4.4 port state; RFC 9110 §5.5, §7.2; RFC 9112 §5.1).
describe('parseRequest reads as strictly as a client must send', () => {
  it.each([
    ['GET http://bücher.example/', { host: 'xn--bcher-kva.example', authority: 'xn--bcher-kva.example', sni: null }],
    ['GET https://BÜCHER.example:8443/', { host: 'xn--bcher-kva.example', authority: 'xn--bcher-kva.example:8443', sni: 'xn--bcher-kva.example', port: 8443 }],
    ['GET http://h.io:08080/', { port: 8080 }],
    ['GET http://h.io:/', { port: 80, authority: 'h.io' }],
    ['GET http://[0:0::1]/', { host: '[::1]', port: 80 }],
    ['GET\thttp://h.io/a', { method: 'GET', path: '/a' }],
    ['GET http://h.io/%0A', { path: '/%0A' }],
  ])('%s', (text, expected) => {
    const r = parseRequest(text);
    expect(r.ok && r.request).toMatchObject(expected);
  });

  it.each([
    ['a hexadecimal port', 'GET http://h:0x1f90/', /invalid port "0x1f90"/],
    ['a port 0', 'GET http://h:0/', /invalid port "0"/],
    ['a signed port', 'GET http://h:+80/', /invalid port/],
    ['a port of six digits', 'GET http://h:000080/', /invalid port/],
    ['user information', 'GET http://user:pw@h/', /"user:pw@" is user information/],
    ['user information before an IPv6 literal', 'GET http://u@[::1]/', /user information/],
    ['an unclosed IPv6 literal', 'GET http://[::1/', /not closed by "\]"/],
    ['text after an IPv6 literal', 'GET http://[::1]x/', /expected ":port"/],
    ['an IPv6 address without brackets', 'GET http://::1/', /no host/],
    ['an IPv6 zone', 'GET http://[fe80::1%25eth0]/', /invalid host/],
    ['a backslash in the host', 'GET http://a\\b/', /invalid host/],
    ['a host that is not one', 'GET http://a<b/', /invalid host/],
    ['an IPv4 address out of range', 'GET http://1.2.3.256/', /invalid host/],
    ['a CR LF in the request', 'GET http://h/\r\nX: 1', /control character U\+000D/],
    ['a NUL in the path', 'GET http://h/a\0b', /control character U\+0000/],
    ['an ESC in the path', 'GET http://h/\x1b[2J', /control character U\+001B/],
    ['a C1 control', 'GET http://h/\x9b', /control character U\+009B/],
  ])('%s is refused', (_what, text, message) => {
    const r = parseRequest(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it.each([
    ['a CR LF in a value', 'x-a: 1\r\nx-b: 2', /control character U\+000D/],
    ['a LF in a value', 'x-a: 1\nx-b: 2', /control character U\+000A/],
    ['a NUL in a value', 'x-a: 1\0', /control character U\+0000/],
    ['a DEL in a value', 'x-a: \x7f', /control character U\+007F/],
    ['a CR in a name', 'x\r-a: 1', /control character U\+000D/],
    ['a space before the colon', 'x-a : 1', /invalid header/],
    ['a name that is not a token', 'x(a): 1', /invalid header/],
    ['an empty name', ': 1', /invalid header/],
    ['user information in Host', 'Host: u@h', /-H Host: .*user information/],
    ['a hexadecimal port in Host', 'Host: h:0x50', /-H Host: invalid port/],
  ])('a header with %s is refused', (_what, header, message) => {
    const r = parseRequest('GET http://h/', [header]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('a tab inside a header value is allowed (RFC 9110 §5.5)', () => {
    const r = parseRequest('GET http://h/', ['x-a: 1\t2']);
    expect(r.ok && r.request.headers).toEqual([['x-a', '1\t2']]);
  });

  it('a Host header with an IDN gives the punycode host, its authority as sent', () => {
    const r = parseRequest('GET http://h/', ['Host: Bücher.example:81']);
    expect(r.ok && [r.request.host, r.request.authority]).toEqual(['xn--bcher-kva.example', 'Bücher.example:81']);
  });

  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['h:443', null],
    ['u@h', null],
    ['', null],
  ])('--sni %s', (sni, expected) => {
    const r = parseRequest('GET https://a.example/', [], { sni });
    if (expected === null) expect(!r.ok && r.error).toMatch(/invalid SNI/);
    else expect(r.ok && r.request.sni).toBe(expected);
  });
});
