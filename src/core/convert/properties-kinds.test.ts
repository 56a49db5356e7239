import fc from 'fast-check';
import { gatewayYaml, serviceYaml } from '../test-kit.js';
import { conversionProperties, rare, services, validatesProperty } from './test-designs.js';

/**
 * STYLE.md "fast-check for … conversion keeps every decision", for the kinds beyond gateway
 * HTTPRoutes: GAMMA HTTPRoutes (producer and consumer), GRPCRoutes (gateway and mesh), TLSRoutes
 * on a passthrough listener and on Services, TCPRoutes on a TCP listener and on Services (several per Service, on
 * one port or all, from the Service's namespace or another, older or newer). Generated Gateway
 * API designs are converted to Istio (and back); every boundary request (requests.ts: mesh
 * requests from every namespace, gRPC calls, TLS by SNI, TCP by port) is simulated on both sides,
 * and a difference must be named by the loss report. Replay with `FC_SEED=… FC_PATH=…`, search
 * harder with `FC_RUNS=5000`.
 */
const weights = (names: readonly string[], port: number) => fc.array(fc.record({ name: fc.constantFrom(...names), weight: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 2 }).map((bs) => `backendRefs: [${bs.map((b) => `{name: ${b.name}, port: ${port}, weight: ${b.weight}}`).join(', ')}]`);

const httpMatch = fc.record({ type: fc.constantFrom('Exact', 'PathPrefix'), value: fc.constantFrom('/', '/a', '/a/b'), header: rare(fc.constantFrom('1', '2')), method: rare(fc.constantFrom('GET', 'POST')) }).map((m) => `{path: {type: ${m.type}, value: "${m.value}"}${m.header ? `, headers: [{name: x-h, value: "${m.header}"}]` : ''}${m.method ? `, method: ${m.method}` : ''}}`);
const meshRule = fc.record({ matches: fc.array(httpMatch, { maxLength: 2 }), backends: weights(['svc-b', 'svc-c'], 80), header: fc.boolean() }).map((r) => [r.matches.length > 0 ? `matches: [${r.matches.join(', ')}]` : '', r.header ? 'filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-set, value: "1"}]}}]' : '', r.backends].filter((x) => x !== ''));
const grpcMatch = fc.record({ service: fc.constantFrom('pkg.Echo', 'pkg.Other'), method: rare(fc.constantFrom('Say', 'Call')), header: rare(fc.constantFrom('1', '2')) }).map((m) => `{method: {type: Exact, service: ${m.service}${m.method ? `, method: ${m.method}` : ''}}${m.header ? `, headers: [{name: x-h, value: "${m.header}"}]` : ''}}`);
const grpcRule = fc.record({ matches: fc.array(grpcMatch, { maxLength: 2 }), backends: weights(['grpc-a', 'grpc-b'], 9000) }).map((r) => [r.matches.length > 0 ? `matches: [${r.matches.join(', ')}]` : '', r.backends].filter((x) => x !== ''));

const one = (arb: fc.Arbitrary<string>): fc.Arbitrary<string[]> => arb.map((p) => [p]);
/** Unset (equally old: namespace/name decides) or one of two ages, so that age and name can disagree. */
const created = rare(fc.constantFrom('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'));
const tcpParent = fc.constantFrom('{name: edge, sectionName: tcp}', '{group: "", kind: Service, name: db, port: 5432}', '{group: "", kind: Service, name: db, port: 6432}', '{group: "", kind: Service, name: db}', '{group: "", kind: Service, name: db-v2, port: 5432}');
const routeArb = fc.oneof(
  fc.record({ kind: fc.constant('HTTPRoute'), namespace: fc.constantFrom('shop', 'shop', 'team'), created, parents: one(fc.constantFrom('{group: "", kind: Service, name: svc-a, namespace: shop}', '{group: "", kind: Service, name: svc-a, namespace: shop, port: 80}')), hosts: fc.constant<string[]>([]), rules: fc.array(meshRule, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('GRPCRoute'), namespace: fc.constant('shop'), created, parents: one(fc.constantFrom('{name: edge, sectionName: http}', '{group: "", kind: Service, name: grpc-a}')), hosts: fc.constantFrom<string[]>(['g.example.com'], []), rules: fc.array(grpcRule, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('TLSRoute'), namespace: fc.constant('shop'), created, parents: one(fc.constant('{name: edge, sectionName: tls}')), hosts: fc.constantFrom(['a.example.com'], ['*.example.com'], ['a.example.com', 'b.example.com']), rules: weights(['svc-a', 'svc-b'], 80).map((b) => [[b]]) }),
  fc.record({ kind: fc.constant('TCPRoute'), namespace: fc.constantFrom('shop', 'shop', 'team'), created, parents: fc.uniqueArray(tcpParent, { minLength: 1, maxLength: 2 }), hosts: fc.constant<string[]>([]), rules: weights(['db', 'db-v2'], 5432).map((b) => [[b]]) }),
  // GAMMA TLSRoutes (GEP-1294 "Route types"): matched by the Service's ClusterIP, hostnames unused; a
  // TLS port and a plain one (where Istio reads no tls rule).
  fc.record({ kind: fc.constant('TLSRoute'), namespace: fc.constantFrom('shop', 'team'), created, parents: one(fc.constantFrom('{group: "", kind: Service, name: tdb, port: 443}', '{group: "", kind: Service, name: tdb}')), hosts: fc.constant(['tdb.shop.svc.cluster.local']), rules: weights(['svc-a', 'svc-b'], 80).map((b) => [[b]]) }),
);
type RouteSpec = typeof routeArb extends fc.Arbitrary<infer T> ? T : never;
const designArb = fc.record({ tlsHost: fc.constantFrom(undefined, '"*.example.com"'), routes: fc.array(routeArb, { minLength: 1, maxLength: 4 }) });
type DesignSpec = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

const API = { HTTPRoute: 'v1', GRPCRoute: 'v1', TLSRoute: 'v1alpha2', TCPRoute: 'v1alpha2' } as const;

function route(r: RouteSpec, i: number): string {
  const api = API[r.kind as keyof typeof API];
  const parents = r.parents.map((p) => (r.namespace === 'shop' || p.includes('namespace') ? p : p.replace('}', ', namespace: shop}')));
  let text = `---\napiVersion: gateway.networking.k8s.io/${api}\nkind: ${r.kind}\nmetadata: {name: r${i}, namespace: ${r.namespace}${r.created ? `, creationTimestamp: "${r.created}"` : ''}}\nspec:\n  parentRefs: [${parents.join(', ')}]\n`;
  if (r.hosts.length > 0) text += `  hostnames: [${r.hosts.map((h) => `"${h}"`).join(', ')}]\n`;
  text += `  rules:\n${r.rules.map((lines) => `    - ${lines.join('\n      ')}\n`).join('')}`;
  return text;
}

function gatewayDesign(d: DesignSpec): string {
  const tls = `{name: tls, port: 443, protocol: TLS, ${d.tlsHost ? `hostname: ${d.tlsHost}, ` : ''}tls: {mode: Passthrough}}`;
  const listeners = ['{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}', tls, '{name: tcp, port: 9000, protocol: TCP}'];
  return (
    gatewayYaml(listeners.join(', ')) +
    '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n' +
    services() +
    serviceYaml('grpc-a', { ports: '{port: 9000, name: grpc}' }) +
    serviceYaml('grpc-b', { ports: '{port: 9000, name: grpc-api}' }) +
    serviceYaml('db', { ports: '{port: 5432, name: tcp}, {port: 6432, name: tcp-admin}' }) +
    serviceYaml('db-v2', { ports: '{port: 5432, name: tcp}' }) +
    serviceYaml('tdb', { ports: '{port: 443, name: tls}, {port: 8443, name: web}' }) +
    d.routes.map(route).join('')
  );
}

conversionProperties('conversion properties: GAMMA, gRPC, TLS and TCP routes, Gateway API → Istio', designArb, gatewayDesign, 'istio', 'gateway-api', { forward: { runs: 40, msPerRun: 200 }, roundTrip: { runs: 30, msPerRun: 400 }, lossless: true, env: process.env });
validatesProperty('what a conversion of GAMMA, gRPC, TLS and TCP routes to Istio writes validates', designArb, gatewayDesign, 'istio', { runs: 100, msPerRun: 50, env: process.env });
