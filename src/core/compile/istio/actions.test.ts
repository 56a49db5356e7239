import { describe, expect, it } from 'vitest';
import { ask, design, shares, subsetsYaml, vs } from './test-kit.js';

const H = 'http://shop.example.com';
const rule = (body: string) => design(vs(body));

// istio.md §1.4 and §9.5; istio/api virtual_service.proto HTTPRewrite ("If the original URI was
// matched based on prefix, the value provided in this field will replace the corresponding matched
// prefix"), RegexRewrite examples; route.go applyHTTPRouteDestination (Envoy prefix_rewrite).
describe('rewrite (§1.4)', () => {
  it.each([
    ['{uri: {prefix: /ratings}}', '{uri: /v1/bookRatings}', '/ratings/5', '/v1/bookRatings/5'],
    ['{uri: {prefix: /ratings}}', '{uri: /v1/bookRatings}', '/ratingsX', '/v1/bookRatingsX'],
    ['{uri: {exact: /old}}', '{uri: /new}', '/old?x=1', '/new?x=1'],
    // No uri match: the matched prefix is `/`, so `/foo` becomes `/v2foo` (istio.md §1.4).
    ['{headers: {x: {}}}', '{uri: /v2}', '/foo', '/v2foo'],
    ['{uri: {prefix: /foo/}}', '{uri: /}', '/foo/bar', '/bar'],
    // A regex match: Envoy replaces the whole path.
    ['{uri: {regex: "/r/.*"}}', '{uri: /x}', '/r/abc', '/x'],
    // Capture groups (Envoy RegexMatchAndSubstitute doc example: `\2/instance/\1`).
    ['{uri: {prefix: /service}}', '{uriRegexRewrite: {match: "^/service/([^/]+)(/.*)$", rewrite: "\\\\2/instance/\\\\1"}}', '/service/foo/v1/api', '/v1/api/instance/foo'],
    ['{uri: {prefix: /aaa}}', '{uriRegexRewrite: {match: "(?i)/xxx/", rewrite: /yyy/}}', '/aaa/XxX/bbb', '/aaa/yyy/bbb'],
  ])('%s + rewrite %s: %s → %s', (match, rewrite, path, expected) => {
    const c = rule(`  - match: [${match}]
    rewrite: ${rewrite}
    route: [{destination: {host: a}}]
`);
    const d = ask(c, `GET ${H}${path}`, { headers: ['x: 1'] });
    expect(d.status).toBe(200);
    expect(d.request?.path).toBe(expected);
  });

  it.each([
    // rewrite.authority; Host set through headers (`:authority`/`host`); rewrite wins over headers (route.go).
    ['rewrite: {authority: new.internal}', 'new.internal'],
    ['headers: {request: {set: {host: via-header.internal}}}', 'via-header.internal'],
    ['headers: {request: {set: {":authority": via-authority.internal}}}', 'via-authority.internal'],
    ['rewrite: {authority: new.internal}\n    headers: {request: {set: {host: via-header.internal}}}', 'new.internal'],
  ])('%s → Host %s', (fields, host) => {
    const d = ask(rule(`  - ${fields}\n    route: [{destination: {host: a}}]\n`), `GET ${H}/`);
    expect(d.request?.host).toBe(host);
    expect(d.request?.headers).not.toHaveProperty('host');
  });
});

// istio.md §1.4, §9.4; virtual_service.proto HTTPRedirect (uri replaces the entire path; code 301
// by default; prefix_rewrite; derive_port); route.go ApplyRedirect (FROM_REQUEST_PORT uses the
// listener port; explicit :80 on http and :443 on https dropped; codes 301/302/303/307/308 only).
describe('redirect (§1.4)', () => {
  it.each([
    ['{uri: {prefix: /old}}', '{uri: /new}', '/old/x?q=1', 301, 'http://shop.example.com/new?q=1'],
    ['{uri: {prefix: /old}}', '{uri: /new, redirectCode: 302}', '/old', 302, 'http://shop.example.com/new'],
    ['{uri: {prefix: /old}}', '{authority: other.example.com, scheme: https}', '/old/x', 301, 'https://other.example.com/old/x'],
    ['{uri: {prefix: /old}}', '{scheme: https, port: 8443}', '/old', 301, 'https://shop.example.com:8443/old'],
    ['{uri: {prefix: /old}}', '{scheme: http, port: 80}', '/old', 301, 'http://shop.example.com/old'],
    ['{uri: {prefix: /old}}', '{scheme: https, derivePort: FROM_REQUEST_PORT}', '/old', 301, 'https://shop.example.com:80/old'],
    ['{uri: {prefix: /old}}', '{scheme: https, derivePort: FROM_PROTOCOL_DEFAULT}', '/old', 301, 'https://shop.example.com/old'],
    // proto example: prefix /foo/, prefix_rewrite / → example.com/foo/bar redirects to foo.example.com/bar.
    ['{uri: {prefix: /foo/}}', '{authority: foo.example.com, prefixRewrite: /}', '/foo/bar', 301, 'http://foo.example.com/bar'],
    ['{uri: {exact: /v1/getProductRatings}}', '{uri: /v1/bookRatings, authority: newratings.default.svc.cluster.local, redirectCode: 308}', '/v1/getProductRatings', 308, 'http://newratings.default.svc.cluster.local/v1/bookRatings'],
  ])('%s + redirect %s: %s → %i %s', (match, redirect, path, status, location) => {
    const d = ask(rule(`  - match: [${match}]\n    redirect: ${redirect}\n`), `GET ${H}${path}`);
    expect(d.status).toBe(status);
    expect(d.redirect).toEqual({ status, location });
    expect(d.backends).toEqual([]);
  });

  it('notes that the default code is 301 where the Gateway API defaults to 302', () => {
    const d = ask(rule('  - redirect: {uri: /new}\n'), `GET ${H}/`);
    expect(d.notes.some((n) => /301.*Gateway API defaults to 302/.test(n.message))).toBe(true);
  });

  it('an unsupported redirectCode makes the route unusable (diagnostic; the request finds no route)', () => {
    const c = rule('  - redirect: {uri: /new, redirectCode: 305}\n');
    expect(c.diagnostics.map((x) => x.code)).toContain('IstioRedirectCodeUnsupported');
    expect(ask(c, `GET ${H}/`).status).toBe(404);
  });
});

// virtual_service.proto HTTPDirectResponse (status required, optional body) and its example with
// headers.response.set content-type; route.go ApplyDirectResponse.
describe('directResponse (§1.4)', () => {
  it('answers with the status, and the response header edits apply', () => {
    const c = rule(`  - match: [{uri: {exact: /v1/getProductRatings}}]
    directResponse: {status: 503, body: {string: unknown error}}
    headers: {response: {set: {content-type: text/plain}}}
`);
    const d = ask(c, `GET ${H}/v1/getProductRatings`);
    expect(d.status).toBe(503);
    expect(d.outcomes).toEqual([{ probability: 1, status: 503, reason: 'direct response' }]);
    expect(d.responseHeaders.set).toEqual({ 'content-type': 'text/plain' });
    expect(d.request).toBeNull();
  });
});

// virtual_service.proto Headers (set overwrites, add appends, remove deletes; per destination or for
// all destinations) and its example (request set test: true; response remove foo for subset v1 only).
describe('headers (§1.4)', () => {
  it('request and response operations at rule level', () => {
    const c = rule(`  - headers:
      request: {set: {x-env: prod}, add: {x-tag: b}, remove: [x-drop]}
      response: {set: {x-served-by: istio}, add: {x-cache: miss}, remove: [server]}
    route: [{destination: {host: a}}]
`);
    const d = ask(c, `GET ${H}/`, { headers: ['x-env: dev', 'x-tag: a', 'x-drop: 1', 'x-keep: 1'] });
    expect(d.request?.headers).toEqual({ 'x-env': 'prod', 'x-tag': 'a,b', 'x-keep': '1' });
    expect(d.responseHeaders).toEqual({ set: { 'x-served-by': 'istio' }, add: { 'x-cache': 'miss' }, remove: ['server'] });
  });

  it('per-destination headers apply to that destination only', () => {
    const c = design(`${vs(`  - headers: {request: {set: {test: "true"}}}
    route:
    - destination: {host: a, subset: v2}
      weight: 25
    - destination: {host: a, subset: v1}
      headers: {response: {remove: [foo]}}
      weight: 75
`)}${subsetsYaml('a', 'shop')}`);
    const d = ask(c, `GET ${H}/`);
    expect(shares(d)).toEqual(['a:v2=0.25', 'a:v1=0.75']);
    expect(d.request?.headers).toEqual({ test: 'true' });
    expect(d.responseHeaders.remove).toEqual(['foo']); // what v1 (the most probable) answers
  });
});

// virtual_service.proto HTTPRoute.mirror + mirror_percentage ("If this field is absent, all the
// traffic (100%) will be mirrored"), HTTPMirrorPolicy; route.go MirrorPercent (explicit 0: none).
describe('mirror and mirrors (§1.4)', () => {
  it.each([
    ['mirror: {host: c}\n    mirrorPercentage: {value: 10}', ['c=10']],
    ['mirror: {host: c}', ['c=100']],
    ['mirror: {host: c}\n    mirrorPercentage: {value: 0}', []],
    ['mirrors: [{destination: {host: b}, percentage: {value: 50}}, {destination: {host: c}}]', ['b=50', 'c=100']],
  ])('%s → %j', (fields, expected) => {
    const d = ask(rule(`  - ${fields}\n    route: [{destination: {host: a}}]\n`), `GET ${H}/`);
    expect(d.mirrors.map((m) => `${m.name}=${m.percent}`)).toEqual(expected);
    expect(shares(d)).toEqual(['a=1']);
  });
});

// virtual_service.proto CorsPolicy (its example: allowOrigins exact https://example.com, POST/GET,
// allowCredentials false, allowHeaders X-Foo-Bar, maxAge 24h; unmatchedPreflights FORWARD by
// default, IGNORE answers at the proxy); route.go TranslateCORSPolicy.
describe('corsPolicy (§1.4)', () => {
  const cors = (extra = '') => rule(`  - corsPolicy:
      allowOrigins: [{exact: "https://example.com"}]
      allowMethods: [POST, GET]
      allowCredentials: false
      allowHeaders: [X-Foo-Bar]
      maxAge: 24h${extra}
    route: [{destination: {host: a}}]
`);
  const preflight = (origin: string) => ['Origin: ' + origin, 'Access-Control-Request-Method: POST'];

  it('answers an allowed preflight at the proxy', () => {
    const d = ask(cors(), `OPTIONS ${H}/`, { headers: preflight('https://example.com') });
    expect(d.status).toBe(200);
    expect(d.request).toBeNull();
    expect(d.responseHeaders.set).toMatchObject({ 'access-control-allow-origin': 'https://example.com', 'access-control-allow-methods': 'POST, GET', 'access-control-max-age': '86400' });
  });

  it.each([
    ['', 'forwarded'],
    ['\n      unmatchedPreflights: IGNORE', 'answered'],
  ])('a preflight from another origin with %j is %s', (extra, what) => {
    const d = ask(cors(extra), `OPTIONS ${H}/`, { headers: preflight('https://evil.example') });
    expect(d.request === null ? 'answered' : 'forwarded').toBe(what);
    expect(d.responseHeaders.set).not.toHaveProperty('access-control-allow-origin');
  });
});
