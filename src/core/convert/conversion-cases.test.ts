import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { gatewayYaml, istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { checkEquivalence } from './equivalence.js';
import { boundaryRequests } from './requests.js';
import { codes, convertText, item } from './test-helpers.js';
import type { ConvertResult } from './types.js';

/**
 * Converter fixes found by the proof check (properties*.test.ts), one row each with the spec
 * section it follows: every boundary request decides the same before and after, or a loss entry
 * scoped to it says why; the row names the expected loss codes and the shape that keeps it.
 */
const SERVICES = serviceYaml('a') + serviceYaml('b');

const HTTP_ALL = '{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}';
const route = (name: string, body: string, meta = ''): string => `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: shop${meta}}\nspec:\n  parentRefs: [{name: edge}]\n${body}`;

const vs = (name: string, ns: string, hosts: string, http: string, meta = ''): string => `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${ns}${meta}}\nspec:\n  hosts: ${hosts}\n  gateways: [shop/edge]\n  http:\n${http}`;
const TO_A = '    - route: [{destination: {host: a.shop.svc.cluster.local, port: {number: 80}}}]\n';
const TO_B = '    - route: [{destination: {host: b.shop.svc.cluster.local, port: {number: 80}}}]\n';

type Check = (r: ConvertResult) => void;
const listeners = (r: ConvertResult): { name: string; allowedRoutes?: unknown }[] => (item(r, 'Gateway', 'edge') as { spec: { listeners: { name: string; allowedRoutes?: unknown }[] } }).spec.listeners;
const names = (r: ConvertResult, kind: string): string[] => r.items.filter((o) => o.kind === kind).map((o) => (o.metadata as { name: string }).name);

const CASES: [string, 'istio' | 'gateway-api', string, string[], Check][] = [
  [
    'gateway-api.md §2.3 listener isolation: a wildcard route host wholly under a more specific listener is not served on the wider one',
    'istio',
    gatewayYaml(`${HTTP_ALL}, {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com"}`) + SERVICES + '---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: team}\nspec:\n  parentRefs: [{name: edge, namespace: shop}]\n  hostnames: ["*.example.com"]\n  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]\n',
    [],
    (r) => expect(names(r, 'VirtualService')).not.toContain('r'),
  ],
  [
    'gateway-api.md §2.3 + istio.md §2 (plaintext servers of a port share one route table): a 404 VirtualService keeps a specific listener isolated',
    'istio',
    gatewayYaml(`${HTTP_ALL}, {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: team}}}}}`) + SERVICES + route('r', '  rules: [{backendRefs: [{name: a, port: 80}]}]\n'),
    [],
    // In `team`, the only namespace the server admits (istio.md §2 `hosts`).
    (r) => expect(item(r, 'VirtualService', 'edge-wild-isolation')).toMatchObject({ metadata: { namespace: 'team' }, spec: { hosts: ['*.example.com'], gateways: ['shop/edge-wild'], http: [{ directResponse: { status: 404 } }] } }),
  ],
  [
    'gateway-api.md §3.2: a selector on kubernetes.io/metadata.name names its namespaces outright (no NamespaceSelector loss)',
    'istio',
    gatewayYaml('{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [shop, team]}]}}}}') + SERVICES + route('r', '  rules: [{backendRefs: [{name: a, port: 80}]}]\n'),
    [],
    (r) => expect((item(r, 'Gateway', 'edge-http') as { spec: { servers: { hosts: string[] }[] } }).spec.servers[0]?.hosts).toEqual(['shop/*', 'team/*']),
  ],
  [
    'gateway-api.md §4.6 step 6 + DESIGN.md: a route without creationTimestamp ranks after a dated one',
    'istio',
    gatewayYaml(HTTP_ALL) + SERVICES + route('r0', '  hostnames: ["*.example.com"]\n  rules: [{backendRefs: [{name: a, port: 80}]}]\n') + route('r1', '  hostnames: ["*.example.com"]\n  rules: [{backendRefs: [{name: b, port: 80}]}]\n', ', creationTimestamp: "2024-01-01T00:00:00Z"'),
    [],
    (r) => {
      expect(names(r, 'HTTPRoute')).toEqual([]);
      expect((item(r, 'VirtualService', 'wildcard-example-com') as { spec: { http: { route: { destination: { host: string } }[] }[] } }).spec.http[0]?.route[0]?.destination.host).toBe('b');
    },
  ],
  [
    'gateway-api.md §4.6 step 2: the longest PathPrefix value in characters — `/a/` outranks `/a` with a header',
    'istio',
    gatewayYaml(HTTP_ALL) + SERVICES + route('r', '  rules:\n    - matches: [{path: {type: PathPrefix, value: /a}, headers: [{name: x, value: "1"}]}]\n      backendRefs: [{name: a, port: 80}]\n    - matches: [{path: {type: PathPrefix, value: /a/}}]\n      backendRefs: [{name: b, port: 80}]\n'),
    [],
    (r) => expect(JSON.stringify((item(r, 'VirtualService', 'r') as { spec: { http: unknown[] } }).spec.http[0])).toContain('"host":"b"'),
  ],
  [
    'istio.md §2: plaintext servers of a port share one route table — a narrower listener also admits the wider server’s namespaces',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["shop/*"]}, {port: {number: 80, name: wild, protocol: HTTP}, hosts: ["team/*.example.com"]}') + SERVICES + vs('s', 'shop', '[a.example.com]', TO_A),
    [],
    (r) => expect(listeners(r).map((l) => l.allowedRoutes)).toEqual([{ namespaces: { from: 'Same' } }, { namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop', 'team'] }] } } }]),
  ],
  [
    'istio.md §2: the virtual host is the more specific side of VirtualService host × server host — a `*` host ranks as the server’s',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["./a.example.com"]}') + SERVICES + vs('s0', 'shop', '["*"]', TO_B, ', creationTimestamp: "2024-01-01T00:00:00Z"') + vs('s1', 'shop', '[a.example.com]', TO_A),
    // s0 is older (s1 has no timestamp: the newest, as in both compilers): it decides, as its `*` host ranks as a.example.com.
    [],
    (r) => expect((item(r, 'HTTPRoute', 's0') as { spec: { hostnames: string[] } }).spec.hostnames).toEqual(['a.example.com']),
  ],
  [
    'istio.md §1.7: a gateway virtual host takes the VirtualServices server by server, then oldest first',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}, {port: {number: 80, name: wild, protocol: HTTP}, hosts: ["team/*.example.com"]}') + SERVICES + vs('v0', 'team', '["*"]', TO_A) + vs('v1', 'team', '["*.example.com"]', TO_B),
    ['OrderNotPreserved'],
    (r) => expect(r.loss[0]?.resource.name).toBe('v1'),
  ],
  [
    'istio.md §1.4 + gateway-api.md §6.1: a destination Service absent from the design answers 503 in Istio, 500 in the Gateway API',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}') + vs('s', 'shop', '[a.example.com]', '    - route: [{destination: {host: gone, port: {number: 80}}}]\n'),
    ['MissingBackendStatus'],
    () => undefined,
  ],
  [
    'istio.md §1.2 step 3, §1.4 + gateway-api.md §5.1: matches of one rule split by their rewrite keep Istio’s first match',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}') + SERVICES + vs('s', 'shop', '[a.example.com]', '    - match: [{queryParams: {q: {exact: "1"}}, headers: {x: {exact: "1"}}}, {uri: {exact: /ab}, headers: {x: {exact: "1"}}}]\n      rewrite: {uri: /}\n' + TO_A.replace('    - ', '      ')),
    [],
    // The intersection outranks `/ab` and keeps the first match's rewrite: `/` for `/`, so `/ab` stays.
    (r) => expect((item(r, 'HTTPRoute', 's') as { spec: { rules: KubeObject[] } }).spec.rules[1]).toMatchObject({ matches: [{ path: { type: 'Exact', value: '/ab' }, headers: [{ name: 'x', value: '1' }], queryParams: [{ name: 'q', value: '1' }] }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/ab' } } }] }),
  ],
  [
    'istio.md §1.2 step 3, §1.4: a later match wholly inside an earlier one of another rewrite takes the earlier one’s rewrite',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}') + SERVICES + vs('s', 'shop', '[a.example.com]', '    - match: [{queryParams: {q: {exact: "1"}}}, {uri: {exact: /ab}, method: {exact: GET}, queryParams: {q: {exact: "1"}}}]\n      rewrite: {uri: /}\n' + TO_A.replace('    - ', '      ')),
    [],
    (r) => expect((item(r, 'HTTPRoute', 's') as { spec: { rules: KubeObject[] } }).spec.rules[1]).toMatchObject({ matches: [{ path: { type: 'Exact', value: '/ab' }, method: 'GET' }], filters: [{ urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/ab' } } }] }),
  ],
  [
    'istio.md §1.7 + gateway-api.md §4.6: a match the order fixer adds to a split rule is ordered against earlier VirtualServices too',
    'gateway-api',
    istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}') + SERVICES + vs('v0', 'shop', '["*"]', '    - match: [{uri: {exact: /a}}]\n' + TO_A.replace('    - ', '      ')) +
      vs('v1', 'shop', '["*"]', '    - match: [{uri: {exact: /a}}, {method: {exact: POST}}]\n      redirect: {prefixRewrite: /r}\n    - match: [{method: {exact: POST}, queryParams: {q: {exact: "1"}}}]\n' + TO_B.replace('    - ', '      ')),
    ['RedirectNotRepresentable'],
    (r) => expect((item(r, 'HTTPRoute', 'v0') as { spec: { rules: { matches: KubeObject[] }[] } }).spec.rules[0]?.matches).toContainEqual({ path: { type: 'Exact', value: '/a' }, queryParams: [{ name: 'q', value: '1' }], method: 'POST' }),
  ],
];

describe('conversion cases the proof check found', () => {
  it.each(CASES)('%s', (_what, to, text, loss, check) => {
    const { resources, result } = convertText(text, { to });
    const unexplained = checkEquivalence(resources, result, boundaryRequests(resources)).filter((d) => d.explainedBy.length === 0);
    expect(unexplained.map((d) => `${d.request.text} ${d.fields.join(',')}`)).toEqual([]);
    expect(codes(result)).toEqual(loss);
    check(result);
  });

  it('a loss entry of one object is not merged with the same loss of another (one entry each)', () => {
    const text = istioGatewayYaml('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}') + SERVICES + vs('s0', 'shop', '[a.example.com]', '    - fault: {abort: {httpStatus: 500, percentage: {value: 1}}}\n' + TO_A.replace('    - ', '      ')) + vs('s1', 'shop', '[b.example.com]', '    - fault: {abort: {httpStatus: 500, percentage: {value: 1}}}\n' + TO_A.replace('    - ', '      '));
    const { result } = convertText(text, { to: 'gateway-api' });
    expect(result.loss.map((l) => l.resource.name)).toEqual(['s0', 's1']);
  });
});
