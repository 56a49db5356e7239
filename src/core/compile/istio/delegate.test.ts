import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../../test-kit.js';
import { ask, BASE, decided, design, shares } from './test-kit.js';

const svc = (name: string, ns: string) => serviceYaml(name, { namespace: ns, ports: '{port: 9080}', selector: false });
const root = (http: string, ns = 'shop') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo, namespace: ${ns}}
spec:
  hosts: [bookinfo.com]
  gateways: [istio-system/gw]
  http:
${http}`;
const delegate = (name: string, ns: string, http: string, extra = '') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec:
${extra}  http:
${http}`;

// istio/api virtual_service.proto Delegate (its bookinfo example, adapted) and HTTPRoute.delegate;
// istio.md §1.6; istio/istio pilot/pkg/model/virtualservice_controller.go mergeVirtualServices.
describe('delegation replaces the root rule by the delegate rules, in place (§1.6)', () => {
  const yaml =
    BASE +
    svc('productpage', 'nsa') + svc('productpage-v1', 'nsa') + svc('reviews', 'nsb') +
    root(`  - match: [{uri: {prefix: /productpage}}]
    delegate: {name: productpage, namespace: nsa}
  - match: [{uri: {prefix: /reviews}}]
    delegate: {name: reviews, namespace: nsb}
`) +
    delegate('productpage', 'nsa', `  - match: [{uri: {prefix: /productpage/v1/}}]
    route: [{destination: {host: productpage-v1}}]
  - route: [{destination: {host: productpage}}]
`) +
    delegate('reviews', 'nsb', '  - route: [{destination: {host: reviews}}]\n');
  const c = design(yaml);

  it.each([
    ['/productpage/v1/x', 'productpage-v1', 'productpage#0.0'],
    ['/productpage', 'productpage', 'productpage#1.*'], // a delegate rule without match takes the root's
    ['/reviews/1', 'reviews', 'reviews#0.*'],
    ['/other', '404', '-'],
  ])('%s → %s (%s)', (path, backend, which) => {
    const d = ask(c, `GET http://bookinfo.com${path}`);
    expect(d.status === 200 ? d.backends[0]?.name : String(d.status)).toBe(backend);
    expect(decided(d)).toBe(which);
  });

  it('destinations of a delegate resolve in its own namespace; the trace names the delegate', () => {
    const d = ask(c, 'GET http://bookinfo.com/reviews/1');
    expect(d.backends[0]).toMatchObject({ namespace: 'nsb', name: 'reviews' });
    expect(d.route).toEqual({ kind: 'VirtualService', namespace: 'nsb', name: 'reviews' });
    expect(c.diagnostics).toEqual([]);
  });
});

// virtualservice.go hasConflict / stringMatchConflict: each delegate match must be a subset of a
// root match (root exact ⇒ same exact; root prefix ⇒ prefix/exact starting with it; a regex on one
// side forbids other matchers on that property; ignoreUriCase equal); else the rule is dropped.
describe('delegate matches must be subsets of the root matches (§1.6)', () => {
  it.each([
    ['{uri: {prefix: /api}}', '{uri: {prefix: /api/v1}}', '/api/v1/x', true],
    ['{uri: {prefix: /api}}', '{uri: {exact: /api/users}}', '/api/users', true],
    ['{uri: {prefix: /api}}', '{uri: {prefix: /other}}', '/other', false],
    ['{uri: {exact: /api}}', '{uri: {exact: /api}}', '/api', true],
    ['{uri: {exact: /api}}', '{uri: {prefix: /api}}', '/api', false],
    ['{uri: {regex: "/api.*"}}', '{uri: {prefix: /api}}', '/api', false],
    ['{uri: {regex: "/api.*"}}', '{headers: {x-a: {exact: "1"}}}', '/api', true], // other properties may narrow
    ['{uri: {prefix: /api}, ignoreUriCase: true}', '{uri: {prefix: /api/v1}}', '/api/v1', false],
    ['{uri: {prefix: /api}, port: 80}', '{uri: {prefix: /api}, port: 8080}', '/api', false],
  ])('root %s, delegate %s: %s served → %s', (rootMatch, leafMatch, path, served) => {
    const yaml = BASE + root(`  - match: [${rootMatch}]\n    delegate: {name: d}\n`) + delegate('d', 'shop', `  - match: [${leafMatch}]\n    route: [{destination: {host: a}}]\n`);
    const c = design(yaml);
    const d = ask(c, `GET http://bookinfo.com${path}`, { headers: ['x-a: 1'] });
    expect(d.status === 200).toBe(served);
    expect(c.diagnostics.some((x) => x.code === 'IstioDelegateMatchConflict')).toBe(!served);
  });

  it('a delegate match is merged with every compatible root match (cross product)', () => {
    const yaml = BASE + root('  - match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}]\n    delegate: {name: d}\n') + delegate('d', 'shop', '  - match: [{headers: {x-a: {exact: "1"}}}]\n    route: [{destination: {host: a}}]\n');
    const c = design(yaml);
    expect(ask(c, 'GET http://bookinfo.com/b', { headers: ['x-a: 1'] }).status).toBe(200);
    expect(ask(c, 'GET http://bookinfo.com/b').status).toBe(404);
    expect(ask(c, 'GET http://bookinfo.com/c', { headers: ['x-a: 1'] }).status).toBe(404);
  });
});

// istio.md §1.6: a missing delegate (or one not exported to the root's namespace) drops only that
// root rule; root fields fill what the delegate rule leaves unset (mergeHTTPRoute).
describe('missing delegates and inherited fields (§1.6)', () => {
  it('a missing delegate drops only its root rule', () => {
    const c = design(BASE + root('  - match: [{uri: {prefix: /x}}]\n    delegate: {name: nowhere}\n  - route: [{destination: {host: b}}]\n'));
    expect(shares(ask(c, 'GET http://bookinfo.com/x'))).toEqual(['b=1']);
    expect(c.diagnostics.map((x) => x.code)).toEqual(['IstioDelegateNotFound']);
  });

  it('a delegate not exported to the root namespace is ignored', () => {
    const c = design(BASE + root('  - delegate: {name: d, namespace: nsa}\n') + delegate('d', 'nsa', '  - route: [{destination: {host: a.shop.svc.cluster.local}}]\n', '  exportTo: [.]\n'));
    expect(ask(c, 'GET http://bookinfo.com/').status).toBe(404);
    expect(c.diagnostics.map((x) => x.code)).toContain('IstioDelegateNotExported');
  });

  it('timeout, headers and retries come from the root unless the delegate sets them', () => {
    const c = design(
      BASE +
        root(`  - match: [{uri: {prefix: /}}]
    delegate: {name: d}
    timeout: 5s
    headers: {request: {set: {x-root: "1"}}}
`) +
        delegate('d', 'shop', `  - match: [{uri: {prefix: /own}}]
    timeout: 1s
    route: [{destination: {host: a}}]
  - route: [{destination: {host: b}}]
`),
    );
    const own = ask(c, 'GET http://bookinfo.com/own');
    expect(own.timeouts).toEqual({ request: '1s' });
    expect(own.request?.headers).toEqual({ 'x-root': '1' });
    const inherited = ask(c, 'GET http://bookinfo.com/x');
    expect(inherited.timeouts).toEqual({ request: '5s' });
    expect(inherited.backends[0]?.name).toBe('b');
  });
});
