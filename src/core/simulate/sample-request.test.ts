import { describe, expect, it } from 'vitest';
import { compileText } from '../test-kit.js';
import { routesRequest } from './sample-fit.js';
import { sampleRequest } from './sample-request.js';
import { ask } from './testing.js';
import canary from '../../../public/examples/canary.yaml?raw';
import crossNamespace from '../../../public/examples/cross-namespace.yaml?raw';
import headerRouting from '../../../public/examples/header-routing.yaml?raw';
import httpsRedirect from '../../../public/examples/https-redirect.yaml?raw';
import istioSubsets from '../../../public/examples/istio-subsets.yaml?raw';
import meshRoute from '../../../public/examples/mesh-route.yaml?raw';
import shop from '../../../public/examples/shop.yaml?raw';

// Each curated example: the request proposed on opening it, and what the simulator answers to it —
// a route of this design reaching a backend, never the 404 of a request meant for another design.
const EXAMPLES = [
  { name: 'canary.yaml', text: canary, request: 'GET http://shop.example.com/checkout', headers: [], mesh: null, backends: ['checkout-v1', 'checkout-v2'] },
  { name: 'header-routing.yaml', text: headerRouting, request: 'GET http://app.example.com/api', headers: [['x-version', 'beta']], mesh: null, backends: ['api-beta'] },
  { name: 'https-redirect.yaml', text: httpsRedirect, request: 'GET https://www.example.com/', headers: [], mesh: null, backends: ['site'] },
  { name: 'cross-namespace.yaml', text: crossNamespace, request: 'GET http://site.example.com/api', headers: [], mesh: null, backends: ['api'] },
  { name: 'istio-subsets.yaml', text: istioSubsets, request: 'GET http://bookinfo.example.com/reviews', headers: [], mesh: null, backends: ['reviews', 'reviews'] },
  { name: 'mesh-route.yaml', text: meshRoute, request: 'GET http://payments.payments:8080/', headers: [], mesh: 'payments/client', backends: ['payments-stable', 'payments-next'] },
  { name: 'shop.yaml', text: shop, request: 'GET https://www.shop.example.com/cart', headers: [['x-canary', '1']], mesh: null, backends: ['cart-v2'] },
] as const;

describe('sampleRequest: the request proposed when a design is opened', () => {
  it.each(EXAMPLES)('$name → $request, answered 200 by the design', ({ text, request, headers, mesh, backends }) => {
    const { parsed, compiled } = compileText(text);
    const sample = sampleRequest(parsed.resources);
    expect(sample && [`${sample.method} ${sample.url}`, sample.headers, sample.mesh?.from ?? null]).toEqual([request, headers, mesh]);
    const [namespace = '', workload = ''] = (mesh ?? '').split('/');
    const d = ask(compiled, request, headers.map(([n, v]) => `${n}: ${v}`), mesh ? { mesh: { namespace, workload, labels: {} } } : {});
    expect([d.status, d.backends.map((b) => b.name)]).toEqual([200, backends]);
  });

  it('an empty design, or one with nothing that takes HTTP, proposes nothing', () => {
    expect(sampleRequest([])).toBeNull();
    expect(sampleRequest(compileText('apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: x}\nspec: {ports: [{port: 80}]}\n').parsed.resources)).toBeNull();
  });

  it('a Gateway without routes: its first HTTP(S) listener, its hostname made concrete and its port when not the default', () => {
    const gw = (listener: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: x}\nspec:\n  gatewayClassName: istio\n  listeners: [${listener}]\n`;
    const cases = [
      ['{name: a, protocol: HTTP, port: 80}', 'http://example.com/'],
      ['{name: a, protocol: HTTPS, port: 8443, hostname: "*.corp.example"}', 'https://www.corp.example:8443/'],
      ['{name: a, protocol: TCP, port: 5432}, {name: b, protocol: HTTP, port: 8080, hostname: api.example.com}', 'http://api.example.com:8080/'],
    ] as const;
    for (const [listener, url] of cases) expect(sampleRequest(compileText(gw(listener)).parsed.resources)?.url).toBe(url);
  });

  it('a rule that forwards is preferred to an earlier redirect-only route (the shop example)', () => {
    const { parsed } = compileText(shop);
    expect(sampleRequest(parsed.resources)?.url).toBe('https://www.shop.example.com/cart');
  });
});

describe('routesRequest: a request written for another design still means something in this one', () => {
  const designs = { shop, canary, crossNamespace, istioSubsets, httpsRedirect, meshRoute } as const;
  const table = [
    ['shop', 'www.shop.example.com', '/cart', true],
    ['shop', 'WWW.Shop.Example.com', '/', true],
    ['shop', 'www.shop.example.org', '/', false],
    ['canary', 'www.shop.example.com', '/cart', false],
    ['canary', 'shop.example.com', '/checkout/pay', true],
    ['canary', 'shop.example.com', '/checkouts', false],
    // A listener for *.example.com takes www.example.com, but the only route names site.example.com.
    ['crossNamespace', 'www.example.com', '/', false],
    ['crossNamespace', 'site.example.com', '/anything', true],
    ['istioSubsets', 'bookinfo.example.com', '/reviews/1', true],
    ['istioSubsets', 'bookinfo.example.com', '/ratings', false],
    ['httpsRedirect', 'www.example.com', '/x', true],
    // A mesh route takes requests addressed to its Service, not a gateway's host.
    ['meshRoute', 'www.shop.example.com', '/cart', false],
  ] as const;
  it.each(table)('%s: %s%s → %s', (design, host, path, expected) => {
    expect(routesRequest(compileText(designs[design]).parsed.resources, host, path)).toBe(expected);
  });
});
