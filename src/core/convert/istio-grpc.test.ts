import { describe, expect, it } from 'vitest';
import { compile, parseRequest, simulate } from '../index.js';
import { istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { convertedResources, decisionSummary } from './equivalence.js';
import { convertText, item } from './test-helpers.js';
import type { ConvertResult } from './types.js';

/**
 * VirtualService → GRPCRoute (gateway-api.md §7 GRPCRoute; istio.md §5, ingress2gateway's Istio
 * provider): a VirtualService whose http routes send only to gRPC Service ports, with matches a
 * GRPCRoute can write, becomes a GRPCRoute; gRPC requests decide the same before and after.
 */
const GW = istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}');
const SERVICES = serviceYaml('a', { ports: '{port: 9000, name: grpc}' }) +
  serviceYaml('b', { ports: '{port: 9001, name: grpc-api}' }) +
  serviceYaml('c', { ports: '{port: 9002, name: web, appProtocol: grpc}' }) +
  serviceYaml('h', { ports: '{port: 80, name: http}' });
const vs = (http: string): string => `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v, namespace: shop}\nspec:\n  hosts: [grpc.example.com]\n  gateways: [shop/edge]\n  http:\n${http}`;
const to = (host: string, port: number, extra = ''): string => `{destination: {host: ${host}, port: {number: ${port}}}${extra}}`;

const GRPC_VS = vs(
  `    - name: echo\n      match: [{uri: {exact: /pkg.Echo/Say}}]\n      headers: {request: {set: {x-from: istio}}}\n      route: [${to('a', 9000)}]\n` +
    `    - match: [{uri: {prefix: /pkg.Echo/}, headers: {x-env: {exact: canary}}}, {uri: {prefix: /pkg.Other/}}]\n      route: [${to('b', 9001, ', weight: 30')}, ${to('c', 9002, ', weight: 70')}]\n` +
    `    - route: [${to('c', 9002)}]\n      mirror: {host: a, port: {number: 9000}}\n`,
);

type Row = [string, string, 'GRPCRoute' | 'HTTPRoute', ((r: ConvertResult) => void) | undefined];
const ROWS: Row[] = [
  [
    'gateway-api.md §7: gRPC ports (name grpc, grpc-*, appProtocol grpc), method/service/header matches, weights, header modifier and mirror → GRPCRoute',
    GRPC_VS,
    'GRPCRoute',
    (r) =>
      expect(item(r, 'GRPCRoute', 'v')).toMatchObject({
        spec: {
          parentRefs: [{ name: 'edge', sectionName: 'http' }],
          hostnames: ['grpc.example.com'],
          rules: [
            { name: 'echo', matches: [{ method: { type: 'Exact', service: 'pkg.Echo', method: 'Say' } }], filters: [{ type: 'RequestHeaderModifier' }], backendRefs: [{ name: 'a', port: 9000 }] },
            { matches: [{ method: { type: 'Exact', service: 'pkg.Echo' }, headers: [{ type: 'Exact', name: 'x-env', value: 'canary' }] }, { method: { type: 'Exact', service: 'pkg.Other' } }], backendRefs: [{ name: 'b', weight: 30 }, { name: 'c', weight: 70 }] },
            { filters: [{ type: 'RequestMirror' }], backendRefs: [{ name: 'c', port: 9002 }] },
          ],
        },
      }),
  ],
  ['istio.md §5: a route to a non-gRPC port keeps the HTTPRoute', vs(`    - match: [{uri: {exact: /pkg.Echo/Say}}]\n      route: [${to('h', 80)}]\n`), 'HTTPRoute', undefined],
  ['istio.md §5: a regex uri has no GRPCRoute form → HTTPRoute', vs(`    - match: [{uri: {regex: /pkg\\.Echo/.*}}]\n      route: [${to('a', 9000)}]\n`), 'HTTPRoute', undefined],
  ['gateway-api.md §7: a rewrite (authority) has no GRPCRoute filter → HTTPRoute', vs(`    - rewrite: {authority: other.example.com}\n      route: [${to('a', 9000)}]\n`), 'HTTPRoute', undefined],
  [
    'gateway-api.md §7 precedence: a later, more specific method match after a service match would jump ahead → HTTPRoute',
    vs(`    - match: [{uri: {prefix: /pkg.Echo/}}]\n      route: [${to('a', 9000)}]\n    - match: [{uri: {exact: /pkg.Echo/Say}}]\n      route: [${to('b', 9001)}]\n`),
    'HTTPRoute',
    undefined,
  ],
];

const REQUESTS: [string, string[]][] = [
  ['GRPC grpc://grpc.example.com:80/pkg.Echo/Say', []],
  ['GRPC grpc://grpc.example.com:80/pkg.Echo/Other', []],
  ['GRPC grpc://grpc.example.com:80/pkg.Echo/Other', ['x-env: canary']],
  ['GRPC grpc://grpc.example.com:80/pkg.Other/Call', []],
  ['GRPC grpc://grpc.example.com:80/pkg.Third/Call', []],
  ['GRPC grpc://nothing.example.com:80/pkg.Echo/Say', []],
];

describe('Istio VirtualService → GRPCRoute', () => {
  it.each(ROWS)('%s', (_what, http, kind, check) => {
    const { resources, result } = convertText(GW + SERVICES + http, { to: 'gateway-api' });
    const kinds = result.items.filter((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute').map((o) => o.kind);
    expect(kinds).toEqual([kind]);
    check?.(result);
    const before = compile(resources).table;
    const after = compile(convertedResources(result)).table;
    for (const [text, headers] of REQUESTS) {
      const r = parseRequest(text, headers);
      if (!r.ok) throw new Error(text);
      const a = simulate(before, r.request);
      const b = simulate(after, r.request);
      if (text === REQUESTS[0]?.[0]) expect(Object.keys(decisionSummary(a).backends as object)).not.toEqual([]);
      expect({ text, headers, d: decisionSummary(b) }).toEqual({ text, headers, d: decisionSummary(a) });
    }
  });
});
