import fc from 'fast-check';
import { istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { conversionProperties, rare, services, validatesProperty } from './test-designs.js';

/**
 * STYLE.md "fast-check for … conversion keeps every decision", for the Istio routes beyond gateway
 * `http`: mesh VirtualServices (gateways omitted or `[mesh]`, `exportTo: ["."]`), `tls` routes on
 * a PASSTHROUGH server by SNI and in the mesh (a Service's TLS port), `tcp` routes on a TCP server and in the mesh, and `http` routes to
 * gRPC Service ports (which become GRPCRoutes). Generated designs are converted to the Gateway API
 * (and back); every boundary request (requests.ts) is simulated on both sides, and a difference
 * must be named by the loss report. Replay with `FC_SEED=… FC_PATH=…`, search harder with
 * `FC_RUNS=5000`.
 */
// Now and then a destination names no port and a Service outside the design: no backendRef can be
// written for it (BackendPortUnknown), and a TLSRoute or TCPRoute rule needs one (issue 16).
const route = (hosts: readonly string[], port: number) =>
  fc.tuple(fc.array(fc.constantFrom(...hosts), { minLength: 1, maxLength: 2 }), rare(fc.constant('{destination: {host: svc-gone}}'))).map(([hs, gone]) => {
    if (gone) return `route: [${gone}]`;
    const [first, second] = hs;
    return second === undefined || second === first ? `route: [{destination: {host: ${first}, port: {number: ${port}}}}]` : `route: [{destination: {host: ${first}, port: {number: ${port}}}, weight: 30}, {destination: {host: ${second}, port: {number: ${port}}}, weight: 70}]`;
  });

// A match on a port the Service does not have (8080), or for another client namespace, yields no
// route: the VS then leaves the host to the next VS claiming it, or to the Service (compile/istio/mesh.ts).
const meshMatch = fc.record({ uri: fc.constantFrom(undefined, '{prefix: /a}', '{exact: /a}', '{prefix: /}'), header: rare(fc.constantFrom('1', '2')), port: rare(fc.constantFrom(80, 8080)), source: rare(fc.constantFrom('shop', 'team')) }).map((m) => `{${[m.uri ? `uri: ${m.uri}` : '', m.header ? `headers: {x-h: {exact: "${m.header}"}}` : '', m.port ? `port: ${m.port}` : '', m.source ? `sourceNamespace: ${m.source}` : ''].filter((x) => x !== '').join(', ')}}`);
const meshRule = fc.record({ match: fc.array(meshMatch, { maxLength: 2 }), route: route(['svc-b', 'svc-c'], 80) }).map((r) => [r.match.filter((m) => m !== '{}').length > 0 ? `match: [${r.match.filter((m) => m !== '{}').join(', ')}]` : '', r.route]);
const grpcMatch = fc.record({ uri: fc.constantFrom(undefined, '{exact: /pkg.Echo/Say}', '{prefix: /pkg.Echo/}', '{prefix: /pkg.Other/}'), header: rare(fc.constantFrom('1', '2')) }).map((m) => `{${[m.uri ? `uri: ${m.uri}` : '', m.header ? `headers: {x-h: {exact: "${m.header}"}}` : ''].filter((x) => x !== '').join(', ')}}`);
const grpcRule = fc.record({ match: fc.array(grpcMatch, { maxLength: 2 }), route: route(['grpc-a', 'grpc-b'], 9000) }).map((r) => [r.match.filter((m) => m !== '{}').length > 0 ? `match: [${r.match.filter((m) => m !== '{}').join(', ')}]` : '', r.route]);
const sni = fc.constantFrom(['a.example.com'], ['b.example.com'], ['a.example.com', 'b.example.com'], ['*.example.com']);
const tlsRule = fc.record({ sni, route: route(['svc-a', 'svc-b'], 80) }).map((r) => [`match: [{sniHosts: [${r.sni.map((h) => `"${h}"`).join(', ')}]}]`, r.route]);
// Mesh `tls` rules: sniHosts within the VirtualService's hosts (Istio validation), on the TLS port of tdb.
const meshTlsRule = fc.record({ sni: fc.constantFrom(['tdb.shop.svc.cluster.local'], ['*.tdb.example.com'], ['a.tdb.example.com']), route: route(['svc-a', 'svc-b'], 80) }).map((r) => [`match: [{sniHosts: [${r.sni.map((h) => `"${h}"`).join(', ')}]}]`, r.route]);
const tcpRule = fc.record({ port: rare(fc.constantFrom(9000, 5432)), route: route(['db', 'db-v2'], 5432) }).map((r) => [r.port ? `match: [{port: ${r.port}}]` : '', r.route]);

const vsArb = fc.oneof(
  fc.record({ kind: fc.constant('http'), namespace: fc.constantFrom('shop', 'shop', 'team'), hosts: fc.constant('[svc-a.shop.svc.cluster.local]'), binding: fc.constantFrom('', '  gateways: [mesh]\n', '  exportTo: ["."]\n'), rules: fc.array(meshRule, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('http'), namespace: fc.constant('shop'), hosts: fc.constant('[g.example.com]'), binding: fc.constant('  gateways: [edge]\n'), rules: fc.array(grpcRule, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('tls'), namespace: fc.constant('shop'), hosts: fc.constant('["*.example.com"]'), binding: fc.constant('  gateways: [edge]\n'), rules: fc.array(tlsRule, { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('tcp'), namespace: fc.constant('shop'), hosts: fc.constantFrom('["*"]', '[db]'), binding: fc.constantFrom('  gateways: [edge]\n', ''), rules: fc.array(tcpRule, { minLength: 1, maxLength: 2 }) }),
  // Mesh tcp rules of several VirtualServices for one Service: sidecars read them all, in order.
  fc.record({ kind: fc.constant('tcp'), namespace: fc.constantFrom('shop', 'team'), hosts: fc.constant('[db.shop.svc.cluster.local]'), binding: fc.constantFrom('', '  exportTo: ["."]\n'), rules: fc.array(tcpRule, { minLength: 1, maxLength: 2 }) }),
  // Mesh tls rules of a Service with a TLS port (sidecars pick them by SNI; GAMMA has no SNI match).
  fc.record({ kind: fc.constant('tls'), namespace: fc.constantFrom('shop', 'team'), hosts: fc.constant('[tdb.shop.svc.cluster.local, "*.tdb.example.com"]'), binding: fc.constantFrom('', '  exportTo: ["."]\n'), rules: fc.array(meshTlsRule, { minLength: 1, maxLength: 2 }) }),
);
type VsSpec = typeof vsArb extends fc.Arbitrary<infer T> ? T : never;
const designArb = fc.record({ tlsHosts: fc.constantFrom('["*"]', '["*.example.com"]'), vss: fc.array(vsArb, { minLength: 1, maxLength: 3 }) });
type DesignSpec = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

function virtualService(v: VsSpec, i: number): string {
  // A `[db]` host names the mesh Service; `["*"]` only makes sense at a gateway.
  const binding = v.kind === 'tcp' && v.hosts === '["*"]' ? '  gateways: [edge]\n' : v.binding;
  return `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs${i}, namespace: ${v.namespace}}\nspec:\n  hosts: ${v.hosts}\n${binding}  ${v.kind}:\n${v.rules.map((lines) => `    - ${lines.filter((l) => l !== '').join('\n      ')}\n`).join('')}`;
}

function istioDesign(d: DesignSpec): string {
  const servers = `{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}, {port: {number: 443, name: tls, protocol: TLS}, hosts: ${d.tlsHosts}, tls: {mode: PASSTHROUGH}}, {port: {number: 9000, name: tcp, protocol: TCP}, hosts: ["*"]}`;
  return (
    istioGatewayYaml(servers) +
    '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n' +
    services() +
    serviceYaml('grpc-a', { ports: '{port: 9000, name: grpc}' }) +
    serviceYaml('grpc-b', { ports: '{port: 9000, name: grpc-api}' }) +
    serviceYaml('db', { ports: '{port: 5432, name: tcp}' }) +
    serviceYaml('db-v2', { ports: '{port: 5432, name: tcp}' }) +
    serviceYaml('tdb', { ports: '{port: 443, name: tls}, {port: 8443, name: web}' }) +
    d.vss.map(virtualService).join('')
  );
}

conversionProperties('conversion properties: mesh, gRPC, TLS and TCP VirtualServices, Istio → Gateway API', designArb, istioDesign, 'gateway-api', 'istio', { forward: { runs: 40, msPerRun: 200 }, roundTrip: { runs: 30, msPerRun: 400 }, lossless: false, env: process.env });
validatesProperty('what a conversion of mesh, gRPC, TLS and TCP VirtualServices to the Gateway API writes validates', designArb, istioDesign, 'gateway-api', { runs: 100, msPerRun: 50, env: process.env });
