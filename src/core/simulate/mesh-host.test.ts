import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../test-kit.js';
import { ask, design, shares } from '../compile/istio/test-kit.js';
import { parseRequest } from './parse-request.js';

// gateway-api conformance tests/mesh/mesh-frontend-hostname.go (MeshFrontendHostname, feature
// MeshClusterIPMatching) on the manifests of mesh-frontend.yaml: an HTTPRoute on Service echo-v2
// sets a response header; a request sent to echo-v2 with Host: echo-v1 gets it (echo-v2's routes),
// one sent to echo-v1 with Host: echo-v2 does not. GEP-1294: a Service parent matches the ClusterIP.
const echo = ['echo', 'echo-v1', 'echo-v2'].map((n) => serviceYaml(n, { namespace: 'mesh', ports: '{port: 80, name: http}' })).join('');
const gamma = `${echo}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh-split-v2, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: echo-v2, port: 80}]
  rules:
  - filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: X-Header-Set, value: set}]}}]
    backendRefs: [{name: echo-v2, port: 80}]
`;

// istio.md §1.2: the sidecar's outbound listener is chosen by port and the virtual host by Host;
// istio/istio#44702 (Istio skips MeshFrontendHostname).
const istio = `${echo}${serviceYaml('admin', { namespace: 'mesh', ports: '{port: 9000, name: http}' })}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v1, namespace: mesh}
spec:
  hosts: [echo-v1]
  http: [{route: [{destination: {host: echo}}]}]
`;

describe('the Service dialled vs the Host header (issue 13 scope 3)', () => {
  const from = { from: 'mesh/client' };
  it('parseRequest keeps the URL host as the address when a Host header names another', () => {
    const r = parseRequest('GET http://echo-v2/', ['Host: echo-v1']);
    expect(r.ok && [r.request.host, r.request.address]).toEqual(['echo-v1', 'echo-v2']);
    const same = parseRequest('GET http://echo-v2/', ['Host: ECHO-V2']);
    expect(same.ok && same.request.address).toBe(undefined);
  });

  it.each([
    // [request, Host header, Service reached, route applied]
    ['GET http://echo-v2/', 'Host: echo-v1', 'echo-v2', 'mesh-split-v2'],
    ['GET http://echo-v1/', 'Host: echo-v2', 'echo-v1', null],
    ['GET http://echo-v2/', 'Host: nowhere.example.com', 'echo-v2', 'mesh-split-v2'],
  ])('GAMMA: %s with %s reaches %s', (request, host, backend, route) => {
    const d = ask(design(gamma), request, { ...from, headers: [host] });
    expect([d.status, shares(d), d.route?.name ?? null, d.gateway?.name]).toEqual([200, [`${backend}=1`], route, request.slice(11, -1)]);
    // The answer keeps both: the Service dialled (gateway) and the Host the backend receives.
    expect(d.request?.host).toBe(host.slice(6));
    expect(d.trace.some((t) => t.step === 'service' && t.reason.includes(`Host: ${host.slice(6)}`))).toBe(true);
  });

  it.each([
    // Host names a Service with a VirtualService: its routes (echo-v1 → echo) apply.
    ['GET http://echo-v2/', 'Host: echo-v1', 'echo', 'v1'],
    // Host names a Service without one while the dialled one has a VS: the Host's default route.
    ['GET http://echo-v1/', 'Host: echo-v2', 'echo-v2', null],
    // Host names nothing: PassthroughCluster to the address dialled, no routes.
    ['GET http://echo-v1/', 'Host: nowhere.example.com', 'echo-v1', null],
    // Host names a Service without this port: no virtual host for it on port 80 either.
    ['GET http://echo-v1/', 'Host: admin', 'echo-v1', null],
  ])('Istio: %s with %s reaches %s', (request, host, backend, route) => {
    const d = ask(design(istio), request, { ...from, headers: [host] });
    expect([d.status, shares(d), d.route?.name ?? null]).toEqual([200, [`${backend}=1`], route]);
    expect(d.gateway?.name).toBe(request.slice(11, -1));
  });

  it('without a Host header nothing changes', () => {
    const d = ask(design(gamma), 'GET http://echo-v2/', from);
    expect([d.route?.name, d.request?.host]).toEqual(['mesh-split-v2', 'echo-v2']);
  });
});
