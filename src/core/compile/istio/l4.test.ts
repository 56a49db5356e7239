import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../../test-kit.js';
import { ask, design, shares } from './test-kit.js';

const services = ['login', 'reviews', 'mongo', 'other']
  .map((n) => serviceYaml(n, { namespace: 'prod', ports: '{port: 443}, {port: 5555}', selector: false }))
  .join('');

const gateway = (servers: string) => `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: mygateway, namespace: prod}
spec:
  selector: {istio: ingressgateway}
  servers:
${servers}`;

const vs = (name: string, fields: string, ts = '2024-01-01T00:00:00Z') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: prod, creationTimestamp: "${ts}"}
spec:
  gateways: [mygateway]
${fields}`;

// istio.md §1.5 and §2 (passthrough: SNI filter chains from the VS `tls` matches); istio/api
// virtual_service.proto TLSRoute (bookinfo-sni example), TLSMatchAttributes; istio/istio
// core/gateway.go buildGatewayNetworkFiltersFromTLSRoutes (a duplicate SNI on a port is skipped).
describe('TLS passthrough routes (§1.5)', () => {
  const sni = (host: string, dest: string, port = 443) => `  - match: [{port: ${port}, sniHosts: [${host}]}]\n    route: [{destination: {host: ${dest}.prod.svc.cluster.local, port: {number: 443}}}]\n`;
  const yaml =
    gateway('  - port: {number: 443, name: tls, protocol: TLS}\n    hosts: ["*.bookinfo.com"]\n    tls: {mode: PASSTHROUGH}\n') +
    services +
    vs('bookinfo-sni', `  hosts: ["*.bookinfo.com"]\n  tls:\n${sni('login.bookinfo.com', 'login')}${sni('reviews.bookinfo.com', 'reviews')}${sni('skip.bookinfo.com', 'other', 8443)}`) +
    vs('late', `  hosts: ["*.bookinfo.com"]\n  tls:\n${sni('login.bookinfo.com', 'other')}`, '2025-01-01T00:00:00Z');
  const c = design(yaml);

  it.each([
    ['TLS tls://login.bookinfo.com:443', 'CONNECTED', ['login=1']],
    ['TLS tls://reviews.bookinfo.com:443', 'CONNECTED', ['reviews=1']],
    ['TLS tls://nothing.bookinfo.com:443', 'REJECTED', []], // no filter chain for this SNI
    ['TLS tls://skip.bookinfo.com:443', 'REJECTED', []], // its match is for port 8443
  ])('%s → %s', (request, status, expected) => {
    const d = ask(c, request);
    expect(d.status).toBe(status);
    expect(shares(d)).toEqual(expected);
    // An SNI no filter chain takes is refused before any gateway is chosen.
    expect(d.dialect).toBe(status === 'CONNECTED' ? 'istio' : null);
  });

  it('a second VirtualService routing the same SNI is skipped (first wins) and diagnosed', () => {
    expect(ask(c, 'TLS tls://login.bookinfo.com:443').route?.name).toBe('bookinfo-sni');
    expect(c.diagnostics.find((x) => x.code === 'IstioDuplicateSni')?.resource?.name).toBe('late');
  });

  it('an HTTPS server in PASSTHROUGH mode routes by SNI too', () => {
    const https = design(gateway('  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [login.bookinfo.com]\n    tls: {mode: PASSTHROUGH}\n') + services + vs('v', `  hosts: [login.bookinfo.com]\n  tls:\n${sni('login.bookinfo.com', 'login')}`));
    expect(ask(https, 'TLS tls://login.bookinfo.com:443').status).toBe('CONNECTED');
    expect(ask(https, 'GET https://login.bookinfo.com/x').backends[0]?.name).toBe('login');
  });
});

// istio.md §1.5 (at a gateway TCP server the first VS, in order, whose first applicable tcp rule
// has a route wins); virtual_service.proto TCPRoute (bookinfo-mongo example), L4MatchAttributes;
// core/gateway.go buildGatewayNetworkFiltersFromTCPRoutes, l4MultiMatch.
describe('TCP routes (§1.5)', () => {
  const server = '  - port: {number: 27017, name: mongo, protocol: MONGO}\n    hosts: ["*"]\n';
  const mongo = vs('bookinfo-mongo', `  hosts: [mongo.prod.svc.cluster.local]
  tcp:
  - match: [{port: 27018}]
    route: [{destination: {host: other.prod.svc.cluster.local, port: {number: 5555}}}]
  - match: [{port: 27017}]
    route: [{destination: {host: mongo.prod.svc.cluster.local, port: {number: 5555}}, weight: 80}, {destination: {host: other.prod.svc.cluster.local, port: {number: 5555}}, weight: 20}]
`);
  it('the first applicable rule of the first VirtualService takes the connection', () => {
    const d = ask(design(gateway(server) + services + mongo + vs('later', '  hosts: ["*"]\n  tcp: [{route: [{destination: {host: other.prod.svc.cluster.local}}]}]\n', '2025-01-01T00:00:00Z')), 'TCP tcp://db.example.com:27017');
    expect(d.status).toBe('CONNECTED');
    expect(shares(d)).toEqual(['mongo=0.8', 'other=0.2']);
    expect(d.backends[0]?.port).toBe(5555);
    expect(d.rule).toBe(1);
  });

  it('no VirtualService for the server: the connection is rejected', () => {
    expect(ask(design(gateway(server) + services), 'TCP tcp://db:27017').status).toBe('REJECTED');
  });

  it('a TLS server that terminates forwards by its tcp routes', () => {
    const tls = design(gateway('  - port: {number: 9443, name: tls, protocol: TLS}\n    hosts: [db.example.com]\n    tls: {mode: SIMPLE, credentialName: db-cert}\n') + services + vs('t', '  hosts: [db.example.com]\n  tcp: [{route: [{destination: {host: mongo.prod.svc.cluster.local, port: {number: 5555}}}]}]\n'));
    const d = ask(tls, 'TLS tls://db.example.com:9443');
    expect(d.status).toBe('CONNECTED');
    expect(shares(d)).toEqual(['mongo=1']);
  });
});
