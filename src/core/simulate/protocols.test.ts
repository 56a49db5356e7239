import { describe, expect, it } from 'vitest';
import { ask, build, gateway, gatewayClass, http, route, service, to } from './testing.js';

const G = (type: string | undefined, svc: string | null, method: string | null) => ({ method: { ...(type ? { type } : {}), ...(svc ? { service: svc } : {}), ...(method ? { method } : {}) } });

// gateway-api.md §7; apis/v1/grpcroute_types.go (GRPCMethodMatch, precedence).
describe('GRPCRoute (§7)', () => {
  const d = build([
    gatewayClass(),
    gateway('gw', [http('h2c')]),
    ...['a', 'b', 'c', 'd'].map((s) => service(s)),
    route('GRPCRoute', 'g', {
      hostnames: ['grpc.example.com'],
      rules: [
        { matches: [G(undefined, 'pkg.Echo', null)], backendRefs: [to('a')] },
        { matches: [G('Exact', 'pkg.Echo', 'Two')], backendRefs: [to('b')] },
        { matches: [G('RegularExpression', 'pkg\\..*', 'Th.*')], backendRefs: [to('c')] },
        { matches: [{ headers: [{ name: 'X-Tenant', value: 'blue' }] }], backendRefs: [to('d')] },
      ],
    }),
  ]);
  const at = (path: string, headers: string[] = []) => ask(d, `GRPC grpc://grpc.example.com:80${path}`, headers);
  it.each([
    ['/pkg.Echo/One', 'a', 'service only'],
    ['/pkg.Echo/Two', 'b', 'service and method beat service only (more method characters)'],
    ['/pkg.Other/Three', 'c', 'regular expressions'],
    ['/pkg.Echo/Three', 'a', 'longer service match beats the regex'],
  ])('%s → %s (%s)', (path, expected) => {
    const decision = at(path);
    expect(decision.status).toBe('OK');
    expect(decision.backends[0]?.name).toBe(expected);
  });
  it('header matches apply to gRPC metadata, names case-insensitive', () => {
    expect(at('/x.Y/Z', ['x-tenant: blue']).backends[0]?.name).toBe('d');
  });
  it('no match → UNIMPLEMENTED', () => {
    expect(at('/x.Y/Z').status).toBe('UNIMPLEMENTED');
  });
  it('an invalid backend share → UNAVAILABLE', () => {
    const e = build([gatewayClass(), gateway('gw', [http('h2c')]), route('GRPCRoute', 'g', { rules: [{ backendRefs: [to('missing')] }] })]);
    expect(ask(e, 'GRPC grpc://h:80/a.B/C').status).toBe('UNAVAILABLE');
  });
  it('GRPCRoute rules do not match plain HTTP requests', () => {
    expect(ask(d, 'POST http://grpc.example.com/pkg.Echo/One').status).toBe(404);
  });
});

// gateway-api.md §8: TLSRoute by SNI, TCPRoute and UDPRoute by listener.
describe('TLSRoute, TCPRoute, UDPRoute (§8)', () => {
  const d = build([
    gatewayClass(),
    gateway('gw', [
      { name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' }, allowedRoutes: { namespaces: { from: 'All' } } },
      { name: 'tcp', port: 5432, protocol: 'TCP', allowedRoutes: { namespaces: { from: 'All' } } },
      { name: 'udp', port: 53, protocol: 'UDP', allowedRoutes: { namespaces: { from: 'All' } } },
    ]),
    service('a', 'default', [443]),
    service('b', 'default', [443]),
    service('db', 'default', [5432]),
    service('dns', 'default', [53]),
    route('TLSRoute', 'exact', { hostnames: ['abc.example.com'], rules: [{ backendRefs: [to('a', 443)] }] }),
    route('TLSRoute', 'wild', { hostnames: ['*.example.com'], rules: [{ backendRefs: [to('b', 443)] }] }),
    route('TCPRoute', 'pg', { rules: [{ backendRefs: [to('db', 5432, { weight: 3 }), to('gone', 5432)] }] }),
    route('UDPRoute', 'dns', { rules: [{ backendRefs: [to('dns', 53)] }] }),
  ]);
  it.each([
    ['TLS tls://abc.example.com:443', 'CONNECTED', 'a'],
    ['TLS tls://other.example.com:443', 'CONNECTED', 'b'],
    ['TLS tls://example.net:443', 'REJECTED', undefined],
    ['UDP udp://dns.local:53', 'DELIVERED', 'dns'],
  ])('%s → %s %s', (req, status, backend) => {
    const decision = ask(d, req);
    expect(decision.status).toBe(status);
    expect(decision.backends[0]?.name).toBe(backend);
  });
  it('TCP shares: an invalid backend share is rejected', () => {
    const decision = ask(d, 'TCP tcp://db.local:5432');
    expect(decision.outcomes).toEqual([
      { probability: 0.75, status: 'CONNECTED' },
      { probability: 0.25, status: 'REJECTED', reason: 'BackendNotFound: Service default/gone is not in this design' },
    ]);
    expect(decision.request).toBeNull();
  });
  it('an HTTPS request can ride a TLS passthrough listener (routed by SNI)', () => {
    const decision = ask(d, 'GET https://abc.example.com/');
    expect([decision.status, decision.backends[0]?.name, decision.route?.kind]).toEqual([200, 'a', 'TLSRoute']);
  });
});
