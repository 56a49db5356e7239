import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../test-kit.js';
import { ask, design, shares } from '../compile/istio/test-kit.js';

// istio.md §1.5; istio/istio pilot/pkg/networking/core/tls.go buildSidecarOutboundTLSFilterChainOpts
// (chains from the `tls` matches whose gateways/port/sourceLabels/sourceNamespace hold; none → the
// default chain to the Service), buildSidecarOutboundTCPFilterChainOpts (nothing on a TLS port);
// Envoy filter_chain_match server_names (exact before the longest wildcard).
const services = [
  serviceYaml('db', { namespace: 'data', ports: '{port: 443, name: tls-db}, {port: 5432, name: tcp-pg}' }),
  serviceYaml('db-a', { namespace: 'data', ports: '{port: 443, name: tls}, {port: 5432, name: tcp}' }),
  serviceYaml('db-b', { namespace: 'data', ports: '{port: 443, name: tls}, {port: 5432, name: tcp}' }),
  serviceYaml('db-c', { namespace: 'data', ports: '{port: 443, name: tls}, {port: 5432, name: tcp}' }),
  serviceYaml('web', { namespace: 'data', ports: '{port: 8443, appProtocol: https}' }),
].join('');
const dest = (n: string, port = 443) => `[{destination: {host: ${n}, port: {number: ${port}}}}]`;
const vs = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db, namespace: data}
spec:
  hosts: [db, "*.db.example.com"]
  tls:
  - match: [{sniHosts: ["*.db.example.com"]}]
    route: ${dest('db-b')}
  - match: [{sniHosts: [a.db.example.com]}]
    route: ${dest('db-a')}
  - match: [{sniHosts: [canary.db.example.com], sourceLabels: {track: canary}}]
    route: ${dest('db-c')}
  - match: [{sniHosts: [canary.db.example.com]}]
    route: ${dest('db-b')}
  - match: [{sniHosts: [gw.db.example.com], gateways: [data/edge]}, {sniHosts: [p.db.example.com], port: 8443}]
    route: ${dest('db-c')}
  tcp:
  - match: [{port: 5432, sourceNamespace: batch}]
    route: ${dest('db-c', 5432)}
  - match: [{port: 5432, destinationSubnets: [10.0.0.0/8]}]
    route: ${dest('db-a', 5432)}
`;
const web = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: data}
spec:
  hosts: [web]
  tls:
  - match: [{sniHosts: [web.data.svc.cluster.local], sourceNamespace: other}]
    route: ${dest('db-a')}
`;

describe('mesh TLS and TCP connections (issue 13 scope 4)', () => {
  const c = design(services + vs + web);
  it.each([
    // [request, SNI, client labels, client namespace, status, shares]
    ['TLS tls://db.data:443', 'a.db.example.com', {}, 'app', 'CONNECTED', ['db-a=1']], // exact beats the earlier wildcard
    ['TLS tls://db.data:443', 'x.db.example.com', {}, 'app', 'CONNECTED', ['db-b=1']],
    ['TLS tls://db.data:443', 'canary.db.example.com', { track: 'canary' }, 'app', 'CONNECTED', ['db-c=1']], // sourceLabels hold: first chain for the SNI
    ['TLS tls://db.data:443', 'canary.db.example.com', {}, 'app', 'CONNECTED', ['db-b=1']],
    ['TLS tls://db.data:443', 'other.example.org', {}, 'app', 'REJECTED', []], // chains exist, none for this SNI
    ['TLS tls://db.data:443', 'gw.db.example.com', {}, 'app', 'CONNECTED', ['db-b=1']], // `gateways` without mesh: no chain; the wildcard takes it
    ['TLS tls://db.data:443', 'p.db.example.com', {}, 'app', 'CONNECTED', ['db-b=1']], // `port: 8443`: not this port
    ['TCP tcp://db.data:5432', null, {}, 'batch', 'CONNECTED', ['db-c=1']],
    ['TCP tcp://db.data:5432', null, {}, 'app', 'CONNECTED', ['db-a=1']], // destinationSubnets taken to hold (note)
    ['TLS tls://web.data:8443', 'web.data.svc.cluster.local', {}, 'app', 'CONNECTED', ['web=1']], // no tls match applies: the default chain
    ['TLS tls://web.data:8443', 'web.data.svc.cluster.local', {}, 'other', 'CONNECTED', ['db-a=1']],
  ])('%s SNI %s from %o in %s → %s', (request, sni, labels, ns, status, expected) => {
    const d = ask(c, request, { from: `${ns}/client`, labels, ...(sni === null ? {} : { sni }) });
    expect([d.status, shares(d)]).toEqual([status, expected]);
  });

  it('a TLS port reads only the tls rules; the trace names the chain that lost to a more exact name', () => {
    const d = ask(c, 'TLS tls://db.data:443', { from: 'app/client', sni: 'a.db.example.com' });
    expect(d.route?.name).toBe('db');
    expect(d.rule).toBe(1);
    expect(d.trace.some((t) => t.result === 'skipped' && t.reason.includes('names it more exactly'))).toBe(true);
    const closed = ask(c, 'TLS tls://db.data:443', { from: 'app/client', sni: 'other.example.org' });
    expect(closed.trace.some((t) => t.reason.includes('the sidecar closes it'))).toBe(true);
  });

  it('a match with destinationSubnets says that the ClusterIP was taken to be inside', () => {
    const d = ask(c, 'TCP tcp://db.data:5432', { from: 'app/client' });
    expect(d.notes.some((n) => n.code === 'Simplified' && n.message.includes('10.0.0.0/8'))).toBe(true);
  });
});

// istio/api gateway.proto AUTO_PASSTHROUGH; istio/istio core/gateway.go builtAutoPassthroughFilterChains:
// SNI `outbound_.PORT_.SUBSET_.HOST` for every Service within the server's hosts, no VirtualService.
describe('AUTO_PASSTHROUGH gateway servers', () => {
  const yaml = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: cross-network, namespace: istio-system}
spec:
  selector: {istio: eastwestgateway}
  servers:
  - port: {number: 15443, name: tls, protocol: TLS}
    hosts: ["*.local"]
    tls: {mode: AUTO_PASSTHROUGH}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: data}
spec:
  host: db.data.svc.cluster.local
  exportTo: ["*"]
  subsets: [{name: v2, labels: {version: v2}}]
${services}`;
  const c = design(yaml);
  it.each([
    ['outbound_.443_._.db.data.svc.cluster.local', 'CONNECTED', ['db=1'], 443],
    ['outbound_.5432_._.db-a.data.svc.cluster.local', 'CONNECTED', ['db-a=1'], 5432],
    ['outbound_.443_.v2_.db.data.svc.cluster.local', 'CONNECTED', ['db:v2=1'], 443],
    ['outbound_.443_.v9_.db.data.svc.cluster.local', 'REJECTED', [], null], // no such subset: no chain
    ['outbound_.9999_._.db.data.svc.cluster.local', 'REJECTED', [], null], // no such port
    ['db.data.svc.cluster.local', 'REJECTED', [], null], // a plain service name is no cluster name
  ])('SNI %s → %s', (sni, status, expected, port) => {
    const d = ask(c, `TLS tls://${sni}:15443`);
    expect([d.status, shares(d), d.backends[0]?.port ?? null]).toEqual([status, expected, port]);
  });
  it('a server whose hosts hold no Service has no chain', () => {
    const narrow = design(yaml.replace('"*.local"', '"*.example.com"'));
    expect(ask(narrow, 'TLS tls://outbound_.443_._.db.data.svc.cluster.local:15443').status).toBe('REJECTED');
  });
});
