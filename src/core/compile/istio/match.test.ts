import { describe, expect, it } from 'vitest';
import { ask, decided, design, shares, vs } from './test-kit.js';

/** One rule with one match (YAML flow mapping) routing to `a`, then nothing: a miss is 404. */
const one = (match: string, extraRule = '') => design(vs(`  - match: [${match}]\n${extraRule}    route: [{destination: {host: a}}]\n`));
const hits = (match: string, request: string, headers: string[] = []): boolean => {
  const d = ask(one(match), request, { headers });
  return d.status === 200 && d.backends[0]?.name === 'a';
};
const H = 'http://shop.example.com';

// istio.md §1.3 (uri); istio/api networking/v1alpha3/virtual_service.proto HTTPMatchRequest.uri,
// ignore_uri_case; istio/istio pilot/pkg/networking/core/route/route.go TranslateRouteMatch.
describe('uri match (§1.3)', () => {
  it.each([
    ['{uri: {exact: /foo}}', '/foo', true],
    ['{uri: {exact: /foo}}', '/foo/', false],
    ['{uri: {exact: /foo}}', '/foo?x=1', true], // the query is not part of the path
    ['{uri: {exact: /foo}}', '/FOO', false], // case-sensitive
    ['{uri: {exact: /foo}, ignoreUriCase: true}', '/FOO', true],
    // A plain string prefix, unlike the Gateway API's element-wise PathPrefix (istio.md §9.2).
    ['{uri: {prefix: /foo}}', '/foobar', true],
    ['{uri: {prefix: /foo}}', '/foo/x', true],
    ['{uri: {prefix: /foo}}', '/fo', false],
    ['{uri: {prefix: /foo/}}', '/foo', false],
    ['{uri: {prefix: /foo}, ignoreUriCase: true}', '/FOObar', true],
    // RE2, full match of the path.
    ['{uri: {regex: "/v[0-9]+/.*"}}', '/v1/x', true],
    ['{uri: {regex: "/v[0-9]+/.*"}}', '/x/v1/x', false],
    ['{uri: {regex: "/v[0-9]+/.*"}}', '/v1', false],
    // ignoreUriCase has no effect on regex (proto: "only exact and prefix"); (?i) does.
    ['{uri: {regex: "/v[0-9]+/.*"}, ignoreUriCase: true}', '/V1/x', false],
    ['{uri: {regex: "(?i)/v[0-9]+/.*"}}', '/V1/x', true],
  ])('%s vs %s → %s', (match, path, expected) => {
    expect(hits(match, `GET ${H}${path}`)).toBe(expected);
  });

  it('notes that an Istio prefix is not element-wise, and that regexes are RE2', () => {
    expect(ask(one('{uri: {prefix: /foo}}'), `GET ${H}/foobar`).notes.map((n) => n.message).join('\n')).toMatch(/plain string prefix.*Gateway API PathPrefix/);
    expect(ask(one('{uri: {regex: "/.*"}}'), `GET ${H}/x`).notes.map((n) => n.code)).toContain('ImplementationSpecific');
  });
});

// istio.md §1.3 (headers, withoutHeaders); virtual_service.proto HTTPMatchRequest.headers,
// without_headers; route.go translateHeaderMatch, canBeConvertedToPresentMatch (`{}` and
// `regex: "*"` are presence checks), TreatMissingHeaderAsEmpty for withoutHeaders.
describe('headers and withoutHeaders (§1.3)', () => {
  it.each([
    ['{headers: {x-canary: {exact: "1"}}}', ['x-canary: 1'], true],
    ['{headers: {x-canary: {exact: "1"}}}', ['X-Canary: 1'], true], // names are case-insensitive
    ['{headers: {x-canary: {exact: "1"}}}', ['x-canary: 2'], false],
    ['{headers: {x-canary: {exact: "1"}}}', [], false],
    ['{headers: {x-user: {prefix: ab}}}', ['x-user: abc'], true],
    ['{headers: {x-user: {regex: "v[0-9]"}}}', ['x-user: v1'], true],
    ['{headers: {x-user: {regex: "v[0-9]"}}}', ['x-user: v10'], false], // full match
    ['{headers: {x-user: {}}}', ['x-user: anything'], true],
    ['{headers: {x-user: {}}}', [], false],
    ['{headers: {x-user: {regex: "*"}}}', ['x-user: z'], true],
    ['{withoutHeaders: {x-canary: {exact: "1"}}}', ['x-canary: 1'], false],
    ['{withoutHeaders: {x-canary: {exact: "1"}}}', ['x-canary: 2'], true],
    ['{withoutHeaders: {x-canary: {exact: "1"}}}', [], true], // missing = "" ≠ "1"
    ['{withoutHeaders: {x-canary: {exact: ""}}}', [], false], // missing counts as the empty string
    ['{withoutHeaders: {x-canary: {}}}', ['x-canary: 1'], false],
    ['{withoutHeaders: {x-canary: {}}}', [], true],
    // The conditions of one match are ANDed.
    ['{headers: {x-a: {exact: "1"}, x-b: {exact: "2"}}}', ['x-a: 1'], false],
    ['{headers: {x-a: {exact: "1"}, x-b: {exact: "2"}}}', ['x-a: 1', 'x-b: 2'], true],
    ['{uri: {prefix: /api}, headers: {x-a: {exact: "1"}}}', ['x-a: 1'], false],
  ])('%s with %j → %s', (match, headers, expected) => {
    expect(hits(match, `GET ${H}/`, headers)).toBe(expected);
  });
});

// virtual_service.proto HTTPMatchRequest.query_params: `exact: ""` matches `?key`; a regex must
// match the whole value (`\d+$` matches "123" but not "a123").
describe('queryParams (§1.3)', () => {
  it.each([
    ['{queryParams: {key: {exact: "true"}}}', '/?key=true', true],
    ['{queryParams: {key: {exact: "true"}}}', '/?key=false', false],
    ['{queryParams: {key: {exact: "true"}}}', '/', false],
    ['{queryParams: {key: {exact: ""}}}', '/?key', true],
    ['{queryParams: {key: {prefix: ab}}}', '/?key=abx', true],
    ['{queryParams: {key: {regex: "\\\\d+$"}}}', '/?key=123', true],
    ['{queryParams: {key: {regex: "\\\\d+$"}}}', '/?key=a123', false],
    ['{queryParams: {Key: {exact: "1"}}}', '/?key=1', false], // names are case-sensitive
  ])('%s vs %s → %s', (match, path, expected) => {
    expect(hits(match, `GET ${H}${path}`)).toBe(expected);
  });
});

// virtual_service.proto HTTPMatchRequest.method/authority/scheme: StringMatch on the pseudo-headers
// (route.go: `:method`, `:authority`, `:scheme`); authority sees the raw Host, port included.
describe('method, authority and scheme (§1.3)', () => {
  it.each([
    ['{method: {exact: GET}}', 'GET', [], true],
    ['{method: {exact: GET}}', 'POST', [], false],
    ['{method: {prefix: P}}', 'PUT', [], true],
    ['{method: {regex: "GET|HEAD"}}', 'HEAD', [], true],
    ['{authority: {exact: shop.example.com}}', 'GET', [], true],
    ['{authority: {exact: shop.example.com}}', 'GET', ['Host: shop.example.com:80'], false],
    ['{authority: {prefix: shop.}}', 'GET', ['Host: shop.example.com:80'], true],
    ['{scheme: {exact: http}}', 'GET', [], true],
    ['{scheme: {exact: https}}', 'GET', [], false],
  ])('%s for %s %j → %s', (match, method, headers, expected) => {
    expect(hits(match, `${method} ${H}/`, headers)).toBe(expected);
  });
});

// istio.md §1.3: `port`, `gateways`, `sourceLabels`, `sourceNamespace` select the proxies that get
// the route, at config time (route.go TranslateRoute: port filter; sourceMatchHTTP: per-match
// gateways replace source selection; source labels must be a subset of the proxy's labels — at a
// gateway the labels of its pods, which include the Gateway's selector).
describe('proxy selectors in a match (§1.3, §9.10)', () => {
  it.each([
    ['{port: 80}', true],
    ['{port: 8080}', false],
    ['{gateways: [istio-system/gw]}', true],
    ['{gateways: [mesh]}', false],
    ['{gateways: [other/gw]}', false],
    ['{sourceLabels: {istio: ingressgateway}}', true],
    ['{sourceLabels: {app: frontend}}', false],
    ['{sourceLabels: {app: frontend}, gateways: [istio-system/gw]}', true], // gateways win over source labels
    ['{sourceNamespace: istio-system}', true],
    ['{sourceNamespace: shop}', false],
  ])('%s → %s', (match, expected) => {
    expect(hits(match, `GET ${H}/`)).toBe(expected);
  });

  it('a match removed at config time is absent from the vhost (the next rule answers)', () => {
    const c = design(vs(`  - match: [{port: 8080}]
    route: [{destination: {host: a}}]
  - route: [{destination: {host: b}}]
`));
    const d = ask(c, `GET ${H}/`);
    expect(shares(d)).toEqual(['b=1']);
    expect(decided(d)).toBe('shop#1.*');
  });
});

// virtual_service.proto HTTPRoute.match: "the list of match blocks have OR semantics"; istio.md §1.2
// step 3: one route per match, in order; first match wins.
describe('matches of a rule are ORed, rules are tried in order (§1.2)', () => {
  const c = design(vs(`  - match: [{uri: {prefix: /a}}, {headers: {x-go: {exact: "1"}}}]
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /ab}}]
    route: [{destination: {host: b}}]
  - route: [{destination: {host: c}}]
`));
  it.each([
    ['/abc', [], 'a', 'shop#0.0'], // first match wins, although /ab is longer
    ['/x', ['x-go: 1'], 'a', 'shop#0.1'],
    ['/x', [], 'c', 'shop#2.*'],
  ])('%s %j → %s (%s)', (path, headers, backend, which) => {
    const d = ask(c, `GET ${H}${path}`, { headers });
    expect(d.backends[0]?.name).toBe(backend);
    expect(decided(d)).toBe(which);
    expect(d.dialect).toBe('istio');
  });

  it('the trace says why an earlier match was skipped', () => {
    const d = ask(c, `GET ${H}/x`);
    expect(d.trace.filter((t) => t.step === 'match').map((t) => `${t.ref}: ${t.result}`)).toEqual([
      'VirtualService shop/shop rule 1 match 1: skipped',
      'VirtualService shop/shop rule 1 match 2: skipped',
      'VirtualService shop/shop rule 2 match 1: skipped',
    ]);
    expect(d.trace.find((t) => t.ref === 'VirtualService shop/shop rule 1 match 2')?.reason).toBe('header x-go absent');
  });
});
