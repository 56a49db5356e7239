import { describe, expect, it } from 'vitest';
import { diagnose, found, gateway, gatewayClass, object, route } from './testing.js';

/**
 * One case per implementation with a published report (issue 14 "Proof"), written from the
 * reports (conformance/reports/<version>/<implementation>/*.yaml, target/data/conformance-data.js):
 * a feature the report lists unsupported is a warning, one it supports is nothing, one it does not
 * list either way is an info.
 */
const BACKEND = 'backendRefs: [{name: s, port: 80}]';
const QUERY = `matches: [{queryParams: [{name: v, value: "2"}]}], ${BACKEND}`;
const RETRY = `retry: {attempts: 2}, ${BACKEND}`;
const BACKEND_REWRITE = 'backendRefs: [{name: s, port: 80, filters: [{type: URLRewrite, urlRewrite: {hostname: a.example}}]}]';
const BACKEND_REDIRECT = 'backendRefs: [{name: s, port: 80, filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]';
const LISTENER_SET = object('ListenerSet', 'gateway.networking.k8s.io/v1', '{parentRef: {name: gw}, listeners: [{name: a, port: 80, protocol: HTTP}]}', 'ls');
const U = 'TargetFeatureUnsupported';
const I = 'TargetFeatureNotReported';

describe('features by implementation', () => {
  it.each([
    // Istio 1.30 (v1.5/istio-istio/1.30.0-default-report.yaml): ListenerSet unsupported, query params supported, retry not listed.
    ['istio', 'unsupported', gateway() + LISTENER_SET, [[U, 'kind']]],
    ['istio', 'supported', gateway() + route(QUERY), []],
    ['istio', 'unreported', gateway() + route(RETRY), [[I, 'spec.rules[0].retry']]],
    // Envoy Gateway v1.9.0: infrastructure propagation unsupported, retry supported, backend URLRewrite not listed.
    ['envoy-gateway', 'unsupported', gateway('infrastructure: {labels: {team: a}}'), [[U, 'spec.infrastructure.labels']]],
    ['envoy-gateway', 'supported', gateway() + route(RETRY), []],
    ['envoy-gateway', 'unreported', gateway() + route(BACKEND_REWRITE), [[I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
    // Cilium v1.20.0 standard: parentRef port unsupported, query params supported, backend URLRewrite not listed.
    ['cilium@1.20', 'unsupported', gateway() + route(BACKEND, '{name: gw, port: 80}'), [[U, 'spec.parentRefs[0].port']]],
    ['cilium@1.20', 'supported', gateway() + route(QUERY), []],
    ['cilium@1.20', 'unreported', gateway() + route(BACKEND_REWRITE), [[I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
    // NGINX Gateway Fabric 2.7.0: request timeouts unsupported, port 8080 supported, backend redirect not listed.
    ['nginx-gateway-fabric', 'unsupported', gateway() + route(`timeouts: {request: 5s}, ${BACKEND}`), [[U, 'spec.rules[0].timeouts.request']]],
    ['nginx-gateway-fabric', 'supported', gateway('', 'test', '{name: http, port: 8080, protocol: HTTP}'), []],
    ['nginx-gateway-fabric', 'unreported', gateway() + route(BACKEND_REDIRECT), [[I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
    // GKE 1.36: method matching unsupported, query params supported, the mesh not listed.
    ['gke-gateway', 'unsupported', gateway() + route(`matches: [{method: GET}], ${BACKEND}`), [[U, 'spec.rules[0].matches[0].method']]],
    ['gke-gateway', 'supported', gateway() + route(QUERY), []],
    ['gke-gateway', 'unreported', route(BACKEND, '{group: "", kind: Service, name: s}'), [[I, 'spec.parentRefs[0].kind']]],
    // kgateway v2.1.0 (v1.4.0 report): port 8080 unsupported, query params supported, backend URLRewrite not listed.
    ['kgateway@2.1.0', 'unsupported', gateway('', 'test', '{name: http, port: 8080, protocol: HTTP}'), [[U, 'spec.listeners[0].port']]],
    ['kgateway@2.1.0', 'supported', gateway() + route(QUERY), []],
    ['kgateway@2.1.0', 'unreported', gateway() + route(BACKEND_REWRITE), [[I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
    // Traefik v3.7.10: mirrors unsupported, method matching supported; its GATEWAY-HTTP core did not
    // pass in full, so HTTPRoute itself is not covered either.
    ['traefik', 'unsupported', gateway() + route(`filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}], ${BACKEND}`), [[I, 'kind'], [U, 'spec.rules[0].filters[0].type']]],
    ['traefik', 'supported', gateway() + route(`matches: [{method: GET}], ${BACKEND}`), [[I, 'kind']]],
    ['traefik', 'unreported', gateway() + route(BACKEND_REWRITE), [[I, 'kind'], [I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
    // agentgateway v2.2.0-alpha.1 (v1.4.0/agentgateway): static addresses unsupported, CORS supported, retry not listed.
    ['agentgateway@2.2.0-alpha.1', 'unsupported', gateway('addresses: [{type: IPAddress, value: 10.0.0.1}]'), [[U, 'spec.addresses[0].value']]],
    ['agentgateway@2.2.0-alpha.1', 'supported', gateway() + route(`filters: [{type: CORS, cors: {allowOrigins: ["https://a.example"]}}], ${BACKEND}`), []],
    ['agentgateway@2.2.0-alpha.1', 'unreported', gateway() + route(RETRY), [[I, 'spec.rules[0].retry']]],
    // agentgateway's newest report (v1.6/agentgateway-agentgateway/v1.3.1-report.yaml) lists every feature
    // of its profiles supported, retry among them; a backend URLRewrite it does not list.
    ['agentgateway', 'supported', gateway() + route(RETRY), []],
    ['agentgateway', 'unreported', gateway() + route(BACKEND_REWRITE), [[I, 'spec.rules[0].backendRefs[0].filters[0].type']]],
  ])('%s: a feature it reports %s', (implementation, _, text, want) => {
    expect(found(text, `implementation=${implementation}`).sort()).toEqual(want);
  });

  it('names the feature and the report', () => {
    const [d] = diagnose(gateway() + route(BACKEND, '{name: gw, port: 80}'), 'implementation=cilium@1.20,channel=standard');
    expect(d && [d.severity, d.message]).toEqual([
      'warning',
      'spec.parentRefs[0].port: 80 uses HTTPRouteParentRefPort, which cilium v1.20.0 reports unsupported (conformance/reports/v1.6/cilium/standard-v1.20.0-default-report.yaml)',
    ]);
  });
});

describe('the app journey: Cilium 1.20 standard, then Envoy Gateway', () => {
  const design =
    gateway() +
    route(`matches: [{queryParams: [{name: v, value: "2"}]}], filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}], retry: {attempts: 2}, ${BACKEND}`, '{name: gw, port: 80}');

  it('Cilium 1.20 standard warns of retry and the parentRef port (mirror and query matching it supports), and retry is not in the standard CRDs', () => {
    expect(found(design, 'channel=standard,implementation=cilium@1.20').sort()).toEqual([
      ['TargetFeatureUnsupported', 'spec.parentRefs[0].port'],
      ['TargetFeatureUnsupported', 'spec.rules[0].retry'],
      ['TargetFieldNotInRelease', 'spec.rules[0].retry'],
    ]);
  });

  it('Envoy Gateway (experimental) finds nothing', () => {
    expect(found(design, 'implementation=envoy-gateway')).toEqual([]);
  });
});

describe('which implementation judges', () => {
  const routeWithRetry = route(RETRY);

  it.each([
    ['no implementation, a class of no known controller', gateway() + gatewayClass('test', 'example.com/gateway'), '', []],
    ['no implementation, no GatewayClass in the design', gateway('', 'istio') + routeWithRetry, '', []],
    // Istio's class: its report does not list HTTPRouteRetry; the route is judged through its Gateway.
    ['an istio class', gateway('', 'istio') + gatewayClass('istio', 'istio.io/gateway-controller') + routeWithRetry, '', [[I, 'spec.rules[0].retry']]],
    ['an istio-waypoint class', gateway('', 'istio-waypoint') + gatewayClass('istio-waypoint', 'istio.io/mesh-controller') + routeWithRetry, '', [[I, 'spec.rules[0].retry']]],
    // A waypoint as Istio's samples write it (samples/ambient-argo/application/reviews-waypoint.yaml): nothing to say.
    ['an Istio waypoint with its HBONE listener', gateway('', 'istio-waypoint', '{name: mesh, port: 15008, protocol: HBONE}') + gatewayClass('istio-waypoint', 'istio.io/mesh-controller'), '', []],
    // Named on the command line, the implementation judges every object, whatever the class says.
    ['an explicit implementation overrides the class', gateway('', 'istio') + gatewayClass('istio', 'istio.io/gateway-controller') + routeWithRetry, 'implementation=envoy-gateway', []],
    ['an Envoy Gateway class', gateway('', 'eg', '{name: http, port: 80, protocol: HTTP}') + gatewayClass('eg', 'gateway.envoyproxy.io/gatewayclass-controller') + gateway('infrastructure: {labels: {a: b}}', 'eg').replace('name: gw,', 'name: gw2,'), '', [[U, 'spec.infrastructure.labels']]],
  ])('%s', (_, text, target, want) => {
    expect(found(text, target)).toEqual(want);
  });

  it('judges a route with parents of two implementations by each', () => {
    const text =
      gateway('', 'istio') +
      gatewayClass('istio', 'istio.io/gateway-controller') +
      gateway('', 'agw').replace('name: gw,', 'name: gw2,') +
      gatewayClass('agw', 'agentgateway.dev/agentgateway') +
      route(BACKEND_REWRITE, '{name: gw}, {name: gw2}');
    expect(diagnose(text, '').map((d) => [d.code, d.message.includes('istio') ? 'istio' : 'agentgateway'])).toEqual([
      [I, 'istio'],
      [I, 'agentgateway'],
    ]);
  });
});
