import { describe, expect, it } from 'vitest';
import { gatewayYaml, istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { checkEquivalence } from './equivalence.js';
import { boundaryRequests } from './requests.js';
import { codes, convertText, item } from './test-helpers.js';
import type { ConvertResult } from './types.js';

/**
 * Conversion cases the proof check found once it covered mesh, gRPC, TLS and TCP requests
 * (properties-kinds.test.ts, properties-istio-kinds.test.ts): each converts with no unexplained
 * difference, and with the loss codes given.
 */
const svc = (name: string, ports = '{port: 80, name: http}'): string => serviceYaml(name, { ports });
const GW = gatewayYaml('{name: http, port: 80, protocol: HTTP}, {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}');
const IGW = istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}, {port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}');
const route = (kind: string, name: string, body: string, api = 'v1'): string => `---\napiVersion: gateway.networking.k8s.io/${api}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${body}`;
const vs = (name: string, body: string): string => `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${body}`;
const SVCS = svc('a') + svc('b') + svc('g', '{port: 9000, name: grpc}');

type Case = [string, 'istio' | 'gateway-api', string, string[], ((r: ConvertResult) => void) | undefined];
const CASES: Case[] = [
  [
    'gateway-api.md §3.5 + istio.md §1.7: GAMMA routes of one Service, with and without a port, land in one VirtualService (sidecars read one per host)',
    'istio',
    SVCS + route('HTTPRoute', 'r0', '  parentRefs: [{group: "", kind: Service, name: a}]\n  rules: [{backendRefs: [{name: b, port: 80, weight: 0}]}]\n') + route('HTTPRoute', 'r1', '  parentRefs: [{group: "", kind: Service, name: a, port: 80}]\n  rules: [{matches: [{path: {type: Exact, value: /}}], backendRefs: [{name: b, port: 80}]}]\n'),
    [],
    (r) => expect(r.items.filter((o) => o.kind === 'VirtualService')).toHaveLength(1),
  ],
  [
    'gateway-api.md §3.5, §8 + istio.md §1.5: GAMMA TCPRoutes of one Service land in one VirtualService, oldest first (the VirtualService names would order them otherwise)',
    'istio',
    svc('db', '{port: 5432, name: tcp}, {port: 6432, name: tcp-admin}') + svc('db-v2', '{port: 5432, name: tcp}') +
      route('TCPRoute', 'r0', '  parentRefs: [{group: "", kind: Service, name: db, port: 5432}, {group: "", kind: Service, name: db-v2}]\n  rules: [{backendRefs: [{name: db-v2, port: 5432}]}]\n', 'v1alpha2').replace('namespace: shop}', 'namespace: shop, creationTimestamp: "2025-01-01T00:00:00Z"}') +
      route('TCPRoute', 'r1', '  parentRefs: [{group: "", kind: Service, name: db}]\n  rules: [{backendRefs: [{name: db, port: 5432}]}]\n', 'v1alpha2').replace('namespace: shop}', 'namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}'),
    [],
    (r) => {
      expect(item(r, 'VirtualService', 'db')).toMatchObject({ spec: { hosts: ['db'], tcp: [{ route: [{ destination: { host: 'db' } }] }, { match: [{ port: 5432 }], route: [{ destination: { host: 'db-v2' } }] }] } });
      // The second Service parent of r0 is converted too.
      expect(item(r, 'VirtualService', 'r0')).toMatchObject({ spec: { hosts: ['db-v2'] } });
    },
  ],
  [
    'istio.md §1.7 (route.go buildSidecarVirtualHostsForVirtualService): a mesh VirtualService whose only match is for another port builds no route on port 80, so the Service answers; the GAMMA route takes port 80 (UnsupportedMatch names those requests)',
    'gateway-api',
    SVCS + vs('v', '  hosts: [a]\n  http: [{match: [{headers: {x-h: {exact: "1"}}, port: 8080}], route: [{destination: {host: b, port: {number: 80}}}]}]\n'),
    ['UnsupportedMatch'],
    (r) => expect(r.loss.filter((l) => l.code === 'UnsupportedMatch').map((l) => l.scope)).toEqual([null, 'spec.http[0].match[0]']),
  ],
  [
    'istio.md §1.5 (tls.go getConfigsForHost): sidecars read the tcp rules of every VirtualService of a Service; one kept to the Service’s namespace becomes a producer TCPRoute (ExportTo)',
    'gateway-api',
    svc('db', '{port: 5432, name: tcp}') + svc('db-v2', '{port: 5432, name: tcp}') +
      vs('v0', '  hosts: [db]\n  exportTo: ["."]\n  tcp: [{match: [{port: 5432}], route: [{destination: {host: db-v2, port: {number: 5432}}}]}]\n') +
      vs('v1', '  hosts: [db]\n  tcp: [{route: [{destination: {host: db, port: {number: 5432}}}]}]\n'),
    ['ExportTo'],
    (r) => expect(r.items.filter((o) => o.kind === 'TCPRoute').map((o) => (o.metadata as { name: string }).name)).toEqual(['v0', 'v1']),
  ],
  [
    'gateway-api.md §8 + istio.md §1.5: an SNI name two TLSRoutes share goes to the older; Istio would skip the whole later match',
    'istio',
    GW + SVCS + route('TLSRoute', 'r0', '  parentRefs: [{name: edge, sectionName: tls}]\n  hostnames: [a.example.com]\n  rules: [{backendRefs: [{name: a, port: 80}]}]\n', 'v1alpha2') + route('TLSRoute', 'r1', '  parentRefs: [{name: edge, sectionName: tls}]\n  hostnames: [a.example.com, b.example.com]\n  rules: [{backendRefs: [{name: b, port: 80}]}]\n', 'v1alpha2'),
    [],
    (r) => expect(item(r, 'VirtualService', 'r1')).toMatchObject({ spec: { tls: [{ match: [{ sniHosts: ['b.example.com'] }] }] } }),
  ],
  [
    'istio.md §1.5: a tls match with an SNI name an earlier VirtualService routes is skipped whole; the TLSRoute leaves its names out',
    'gateway-api',
    IGW + SVCS + vs('v0', '  hosts: ["*.example.com"]\n  gateways: [edge]\n  tls: [{match: [{sniHosts: [a.example.com]}], route: [{destination: {host: a, port: {number: 80}}}]}]\n') + vs('v1', '  hosts: ["*.example.com"]\n  gateways: [edge]\n  tls: [{match: [{sniHosts: [a.example.com, b.example.com]}], route: [{destination: {host: b, port: {number: 80}}}]}]\n'),
    [],
    (r) => expect(item(r, 'TLSRoute', 'v1')).toBeUndefined(),
  ],
  [
    'gateway-api.md §6.2 + §7: a GRPCRoute rule with no usable backend answers UNAVAILABLE, a 503 direct response for a gRPC client; plain HTTP now matches (GRPCRequestsOnly)',
    'istio',
    GW + SVCS + route('GRPCRoute', 'g', '  parentRefs: [{name: edge, sectionName: http}]\n  hostnames: [g.example.com]\n  rules: [{backendRefs: [{name: g, port: 9000, weight: 0}]}]\n'),
    ['GRPCRequestsOnly'],
    (r) => expect(item(r, 'VirtualService', 'g')).toMatchObject({ spec: { http: [{ directResponse: { status: 503 } }] } }),
  ],
  [
    'gateway-api.md §7: a VirtualService that becomes a GRPCRoute no longer routes plain HTTP requests (GRPCRequestsOnly names them)',
    'gateway-api',
    IGW + SVCS + vs('v', '  hosts: [g.example.com]\n  gateways: [edge]\n  http: [{match: [{uri: {prefix: /pkg.Echo/}}], route: [{destination: {host: g, port: {number: 9000}}}]}]\n'),
    ['GRPCRequestsOnly'],
    (r) => expect(item(r, 'GRPCRoute', 'v')).toBeDefined(),
  ],
  [
    'gateway-api.md §3.5: exportTo "." in the Service’s own namespace becomes a producer route, for every client (ExportTo)',
    'gateway-api',
    SVCS + vs('v', '  hosts: [a]\n  exportTo: ["."]\n  http: [{match: [{uri: {exact: /a}}], route: [{destination: {host: b, port: {number: 80}}}]}]\n'),
    ['ExportTo'],
    undefined,
  ],
];

describe('conversion cases the proof check found beyond gateway HTTP', () => {
  it.each(CASES)('%s', (_what, to, text, loss, check) => {
    const { resources, result } = convertText(text, { to });
    const diffs = checkEquivalence(resources, result, boundaryRequests(resources));
    expect(diffs.filter((d) => d.explainedBy.length === 0).map((d) => `${d.request.text} ${d.fields.join(',')}`)).toEqual([]);
    expect(codes(result)).toEqual(loss);
    check?.(result);
  });

  it('the plain-HTTP difference of a GRPCRoute is explained by GRPCRequestsOnly alone', () => {
    const { resources, result } = convertText(IGW + SVCS + vs('v', '  hosts: [g.example.com]\n  gateways: [edge]\n  http: [{route: [{destination: {host: g, port: {number: 9000}}}]}]\n'), { to: 'gateway-api' });
    const diffs = checkEquivalence(resources, result, boundaryRequests(resources));
    expect(diffs.length).toBeGreaterThan(0);
    expect(new Set(diffs.flatMap((d) => d.explainedBy.map((l) => l.code)))).toEqual(new Set(['GRPCRequestsOnly']));
    const without = checkEquivalence(resources, { ...result, loss: result.loss.filter((l) => l.code !== 'GRPCRequestsOnly') }, boundaryRequests(resources));
    expect(without.every((d) => d.explainedBy.length === 0)).toBe(true);
    expect(diffs.every((d) => d.request.text.startsWith('GRPC') === false)).toBe(true);
  });
});
