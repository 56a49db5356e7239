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
