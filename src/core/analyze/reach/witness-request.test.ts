import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../simulate/parse-request.js';
import { RequestBuilder, requestLine, type WitnessTarget } from './witness-request.js';

// The request built from a witness's parts is exactly what parseRequest reads from the witness's
// text (its request line and `name: value` headers) — refusals included.

const t = (method: string, scheme: string, host: string, port: number, path: string): WitnessTarget => ({ method, scheme, host, port, path });

const CASES: readonly [string, WitnessTarget, Record<string, string>][] = [
  ['plain GET', t('GET', 'http', 'shop.example.com', 80, '/'), {}],
  ['https with query and headers', t('POST', 'https', 'a.example.com', 8443, '/cart/reach-witness?q=1&r=a%20b'), { 'x-a': '1', 'X-Canary': 'reach-witness' }],
  ['lower-case verb', t('get', 'http', 'a.example.com', 80, '/a'), {}],
  ['upper-case host is lowered', t('GET', 'http', 'Shop.Example.COM', 80, '/'), {}],
  ['numeric host read as IPv4', t('GET', 'http', '1.2.3', 80, '/'), {}],
  ['host that is no host', t('GET', 'http', 'a..b%', 80, '/'), {}],
  ['backslash in host', t('GET', 'http', 'a\\b', 80, '/'), {}],
  ['internationalized host', t('GET', 'http', 'bücher.example', 80, '/'), {}],
  ['wildcard-derived host', t('GET', 'https', 'reach.example.com', 443, '/reach-witness'), {}],
  ['port 0 refused', t('GET', 'http', 'a.example', 0, '/'), {}],
  ['port too large', t('GET', 'http', 'a.example', 70000, '/'), {}],
  ['path with a space', t('GET', 'http', 'a.example', 80, '/a b'), {}],
  ['path with a fragment', t('GET', 'http', 'a.example', 80, '/a#frag'), {}],
  ['path with a non-ASCII letter', t('GET', 'http', 'a.example', 80, '/ä'), {}],
  ['path with a control character', t('GET', 'http', 'a.example', 80, '/a\u0001'), {}],
  ['verb not a token', t('GE-T', 'http', 'a.example', 80, '/'), {}],
  ['Host header readdresses', t('GET', 'http', 'a.example', 80, '/'), { Host: 'b.example:8080' }],
  ['bad Host header', t('GET', 'http', 'a.example', 80, '/'), { host: 'b.example:0x1f' }],
  ['header value trimmed', t('GET', 'http', 'a.example', 80, '/'), { 'x-a': '  v  ' }],
  ['empty header value', t('GET', 'http', 'a.example', 80, '/'), { 'x-a': '' }],
  ['header value with inner space and tab', t('GET', 'http', 'a.example', 80, '/'), { 'x-a': 'a b\tc' }],
  ['header value with a control character', t('GET', 'http', 'a.example', 80, '/'), { 'x-a': 'a\rb' }],
  ['header value non-ASCII', t('GET', 'http', 'a.example', 80, '/'), { 'x-a': 'é' }],
  ['header name not a token', t('GET', 'http', 'a.example', 80, '/'), { 'x a': '1' }],
  ['gRPC', t('GRPC', 'grpc', 'g.example', 80, '/pkg.Svc/Do'), { 'x-a': '1' }],
  ['gRPC over TLS keeps its content-type', t('GRPC', 'grpcs', 'g.example', 443, '/pkg.Svc/Do'), { 'Content-Type': 'application/grpc+proto' }],
  ['gRPC path not service/method', t('GRPC', 'grpc', 'g.example', 80, '/pkg.Svc'), {}],
  ['gRPC with GET', t('GET', 'grpc', 'g.example', 80, '/pkg.Svc/Do'), {}],
  ['upper-case scheme', t('GET', 'HTTP', 'a.example', 80, '/'), {}],
  ['unknown scheme', t('GET', 'ftp', 'a.example', 21, '/'), {}],
];

describe('RequestBuilder', () => {
  it.each(CASES)('%s: what parseRequest reads from the witness text', (_, target, headers) => {
    const read = parseRequest(requestLine(target), Object.entries(headers).map(([k, v]) => `${k}: ${v}`));
    const builder = new RequestBuilder();
    expect(builder.build(target, headers)).toEqual(read.ok ? read.request : null);
    // The second time the host comes from the builder's cache.
    expect(builder.build(target, headers)).toEqual(read.ok ? read.request : null);
  });

  it('the table holds both requests read and requests refused', () => {
    const ok = CASES.map(([, target, headers]) => parseRequest(requestLine(target), Object.entries(headers).map(([k, v]) => `${k}: ${v}`)).ok);
    expect(ok.filter(Boolean).length).toBeGreaterThan(10);
    expect(ok.filter((x) => !x).length).toBeGreaterThan(5);
  });
});
