import { describe, expect, it } from 'vitest';
import { rewritePath } from './filters/path-modifier.js';
import { ask, basic, build, gateway, gatewayClass, http, httpRoute, https, route, secret, service, to } from './testing.js';

// gateway-api.md §5.4; apis/v1/httproute_types.go (HTTPPathModifier, ReplacePrefixMatch table).
describe('ReplacePrefixMatch, element-wise (§5.4)', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
    ['/prefix/one/two', '/prefix', '/', '/one/two'],
    ['/strip-prefix', '/strip-prefix', '/', '/'],
    ['/bar', '/', '/foo', '/foo/bar'],
  ])('%s with prefix %s → %s gives %s', (path, prefix, value, expected) => {
    expect(rewritePath({ type: 'ReplacePrefixMatch', prefix, value, semantics: 'segment' }, path)).toBe(expected);
  });

  it('rewrites through the whole pipeline and keeps the query', () => {
    const d = basic([
      httpRoute('r', {
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api/v1' } }], filters: [{ type: 'URLRewrite', urlRewrite: { hostname: 'internal.svc', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v1' } } }], backendRefs: [to('a')] }],
      }),
    ]);
    const r = ask(d, 'GET http://h/api/v1/items?x=1').request;
    expect([r?.host, r?.path]).toEqual(['internal.svc', '/v1/items?x=1']);
  });

  it('ReplaceFullPath replaces the whole path (§5.4)', () => {
    const d = basic([httpRoute('r', { rules: [{ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/one' } } }], backendRefs: [to('a')] }] })]);
    expect(ask(d, 'GET http://h/a/b/c').request?.path).toBe('/one');
  });

  it('ReplacePrefixMatch without exactly one PathPrefix match drops the rule (§5.1)', () => {
    const d = basic([
      httpRoute('r', {
        rules: [
          { matches: [{ path: { type: 'Exact', value: '/x' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/y' } } }], backendRefs: [to('a')] },
          { backendRefs: [to('b')] },
        ],
      }),
    ]);
    expect(ask(d, 'GET http://h/x').backends[0]?.name).toBe('b');
    const parent = d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0];
    expect(parent?.conditions.find((c) => c.type === 'PartiallyInvalid')?.reason).toBe('UnsupportedValue');
  });
});

// gateway-api.md §5.3; conformance httproute-redirect-port-and-scheme (listener port × scheme × port).
describe('RequestRedirect Location (§5.3)', () => {
  const redirect = (listenerPort: number, protocol: 'HTTP' | 'HTTPS', scheme: string | null, port: number | null) => {
    const listener = protocol === 'HTTP' ? { ...http('l'), port: listenerPort } : { ...https('l'), port: listenerPort };
    const d = build([
      gatewayClass(),
      gateway('gw', [listener]),
      secret('cert'),
      httpRoute('r', { rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { ...(scheme ? { scheme } : {}), ...(port ? { port } : {}) } }] }] }),
    ]);
    const s = protocol === 'HTTP' ? 'http' : 'https';
    return ask(d, `GET ${s}://example.org:${listenerPort}/`).redirect?.location;
  };
  it.each([
    [80, 'HTTP', null, null, 'http://example.org/'],
    [80, 'HTTP', null, 80, 'http://example.org/'],
    [80, 'HTTP', null, 8080, 'http://example.org:8080/'],
    [80, 'HTTP', 'https', null, 'https://example.org/'],
    [80, 'HTTP', 'https', 443, 'https://example.org/'],
    [80, 'HTTP', 'https', 8443, 'https://example.org:8443/'],
    [8080, 'HTTP', null, null, 'http://example.org:8080/'],
    [8080, 'HTTP', null, 80, 'http://example.org/'],
    [8080, 'HTTP', 'https', null, 'https://example.org/'],
    [443, 'HTTPS', null, null, 'https://example.org/'],
    [443, 'HTTPS', null, 443, 'https://example.org/'],
    [443, 'HTTPS', null, 8443, 'https://example.org:8443/'],
    [443, 'HTTPS', 'http', null, 'http://example.org/'],
    [443, 'HTTPS', 'http', 80, 'http://example.org/'],
    [443, 'HTTPS', 'http', 8080, 'http://example.org:8080/'],
  ] as const)('listener %s %s, scheme %s, port %s → %s', (lp, proto, scheme, port, expected) => {
    expect(redirect(lp, proto, scheme, port)).toBe(expected);
  });

  it('defaults to 302, honours hostname and path modifiers (conformance httproute-redirect-path)', () => {
    const d = basic([
      httpRoute('r', {
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/original-prefix' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'example.net', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/replacement-prefix' } } }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/full' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 308, path: { type: 'ReplaceFullPath', replaceFullPath: '/full-path-replacement' } } }] },
        ],
      }),
    ]);
    expect(ask(d, 'GET http://example.org/original-prefix/lemon').redirect).toEqual({ status: 302, location: 'http://example.net/replacement-prefix/lemon' });
    const full = ask(d, 'GET http://example.org/full/path/original');
    expect([full.status, full.redirect?.location]).toEqual([308, 'http://example.org/full-path-replacement']);
  });
});

// gateway-api.md §5.2; conformance httproute-request-header-modifier (add → comma-joined).
describe('header modifiers (§5.2)', () => {
  const d = basic([
    httpRoute('r', {
      rules: [
        {
          filters: [
            { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Set', value: 'set' }], add: [{ name: 'X-Add', value: 'header-val-2' }], remove: ['X-Remove'] } },
            { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-R', value: '1' }], add: [{ name: 'X-A', value: '2' }], remove: ['Server'] } },
          ],
          backendRefs: [to('a')],
        },
      ],
    }),
  ]);
  const decision = ask(d, 'GET http://h/', ['x-set: old', 'X-Add: append-val-1', 'x-remove: gone', 'Keep: me']);
  it('set replaces, add appends comma-joined, remove deletes, names lower-cased', () => {
    expect(decision.request?.headers).toEqual({ 'x-set': 'set', 'x-add': 'append-val-1,header-val-2', keep: 'me' });
  });
  it('response edits are reported as set/add/remove', () => {
    expect(decision.responseHeaders).toEqual({ set: { 'x-r': '1' }, add: { 'x-a': '2' }, remove: ['server'] });
  });
});

// gateway-api.md §5.5; GEP-3171: percent, fraction, default 100 %; unresolved mirror backend.
describe('RequestMirror (§5.5)', () => {
  it.each([
    [{ backendRef: to('b') }, 100],
    [{ backendRef: to('b'), percent: 20 }, 20],
    [{ backendRef: to('b'), fraction: { numerator: 35 } }, 35],
    [{ backendRef: to('b'), fraction: { numerator: 1, denominator: 4 } }, 25],
  ])('%j → %s %%', (mirror, percent) => {
    const d = basic([httpRoute('r', { rules: [{ filters: [{ type: 'RequestMirror', requestMirror: mirror }], backendRefs: [to('a')] }] })]);
    expect(ask(d, 'GET http://h/').mirrors).toEqual([{ kind: 'Service', namespace: 'default', name: 'b', port: 80, percent }]);
  });
  it('a mirror to a missing Service is not configured and ResolvedRefs says so', () => {
    const d = basic([httpRoute('r', { rules: [{ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: to('nope') } }], backendRefs: [to('a')] }] })]);
    const decision = ask(d, 'GET http://h/');
    expect(decision.status).toBe(200);
    expect(decision.mirrors[0]?.problem).toMatch(/BackendNotFound/);
    const parent = d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0];
    expect(parent?.conditions.find((c) => c.type === 'ResolvedRefs')?.reason).toBe('BackendNotFound');
  });
});

// gateway-api.md §5.6; GEP-1767.
describe('CORS (§5.6)', () => {
  const cors = (c: Record<string, unknown>) => basic([httpRoute('r', { rules: [{ filters: [{ type: 'CORS', cors: c }], backendRefs: [to('a')] }] })]);
  const preflight = ['Origin: https://app.example.com', 'Access-Control-Request-Method: PUT', 'Access-Control-Request-Headers: x-token'];
  it('answers an allowed preflight at the gateway with the CORS headers', () => {
    const d = ask(cors({ allowOrigins: ['https://*.example.com'], allowMethods: ['GET', 'PUT'], allowHeaders: ['x-token'], maxAge: 60 }), 'OPTIONS http://h/', preflight);
    expect(d.status).toBe(200);
    expect(d.request).toBeNull();
    expect(d.responseHeaders.set).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'x-token',
      'access-control-max-age': '60',
    });
  });
  it('a disallowed origin gets no CORS headers and is still not forwarded', () => {
    const d = ask(cors({ allowOrigins: ['https://other.org'] }), 'OPTIONS http://h/', preflight);
    expect([d.status, d.request, d.responseHeaders.set]).toEqual([200, null, {}]);
  });
  it('with credentials a configured * is echoed, never *', () => {
    const d = ask(cors({ allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], allowCredentials: true }), 'OPTIONS http://h/', preflight);
    expect(d.responseHeaders.set).toMatchObject({ 'access-control-allow-origin': 'https://app.example.com', 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'x-token', 'access-control-allow-credentials': 'true', 'access-control-max-age': '5' });
  });
  it('a simple request is forwarded and its response gets Access-Control-Allow-Origin', () => {
    const d = ask(cors({ allowOrigins: ['https://app.example.com'], exposeHeaders: ['x-id'] }), 'GET http://h/', ['Origin: https://app.example.com']);
    expect(d.status).toBe(200);
    expect(d.responseHeaders.set).toEqual({ 'access-control-allow-origin': 'https://app.example.com', 'access-control-expose-headers': 'x-id' });
  });
  it.each([
    ['https://*.example.com', 'https://a.b.example.com', true],
    ['https://*.example.com', 'https://example.com', false],
    ['https://*.example.com', 'http://a.example.com', false],
    ['http://a.example.com:8080', 'http://a.example.com:8080', true],
    ['http://a.example.com:8080', 'http://a.example.com', false],
  ])('origin %s allows %s: %s', (allowed, origin, expected) => {
    const d = ask(cors({ allowOrigins: [allowed] }), 'GET http://h/', [`Origin: ${origin}`]);
    expect('access-control-allow-origin' in d.responseHeaders.set).toBe(expected);
  });
});

// gateway-api.md §5.1: invalid filter combinations and ExtensionRef.
describe('filter problems (§5.1)', () => {
  it('RequestRedirect with URLRewrite is IncompatibleFilters; the route is not accepted when no rule survives', () => {
    const d = basic([httpRoute('r', { rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: {} }, { type: 'URLRewrite', urlRewrite: { hostname: 'x' } }] }] })]);
    const parent = d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0];
    expect(parent?.conditions[0]).toMatchObject({ type: 'Accepted', status: 'False', reason: 'IncompatibleFilters' });
    expect(ask(d, 'GET http://h/').status).toBe(404);
  });
  it.each([
    [{ type: 'RequestRedirect', requestRedirect: { scheme: 'ftp' } }],
    [{ type: 'RequestRedirect', requestRedirect: { statusCode: 304 } }],
    [{ type: 'Teleport' }],
  ])('an unsupported value drops the rule: %j', (filter) => {
    const d = basic([httpRoute('r', { rules: [{ filters: [filter] }] })]);
    expect(d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0]?.conditions[0]).toMatchObject({ status: 'False', reason: 'UnsupportedValue' });
  });
  it('an unknown method drops the rule (UnsupportedValue)', () => {
    const d = basic([httpRoute('r', { rules: [{ matches: [{ method: 'BREW' }], backendRefs: [to('a')] }] })]);
    expect(d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0]?.conditions[0]?.reason).toBe('UnsupportedValue');
  });
});

// apis/v1/httproute_types.go HTTPRouteFilter.Type: "If a reference to a custom filter type cannot be
// resolved, the filter MUST NOT be skipped. Instead, requests that would have been processed by that
// filter MUST receive a HTTP error response." A filter that resolves but the simulator cannot run
// (an ExtensionRef's own behaviour, an ExternalAuth server's verdict) lets the request through, noted.
describe('ExtensionRef and ExternalAuth filters', () => {
  const extRef = { type: 'ExtensionRef', extensionRef: { group: 'x.io', kind: 'Auth', name: 'f' } };
  const extAuth = (name: string) => ({ type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', backendRef: { name, port: 80 }, http: {} } });
  const filterObject = { apiVersion: 'x.io/v1', kind: 'Auth', metadata: { name: 'f', namespace: 'default' } };
  const on = (filter: Record<string, unknown>) => httpRoute('r', { rules: [{ filters: [filter], backendRefs: [to('a')] }] });
  it.each([
    ['ExtensionRef to an object not in the design', [on(extRef)], false, 500, null],
    ['ExtensionRef to an object of the design', [on(extRef), filterObject], false, 200, 'Simplified'],
    ['ExtensionRef not in the design, --assume-external', [on(extRef)], true, 200, 'AssumedExternal'],
    ['ExtensionRef on a backendRef, not in the design', [httpRoute('r', { rules: [{ backendRefs: [{ ...to('a'), filters: [extRef] }] }] })], false, 500, null],
    ['ExternalAuth with its server in the design', [on(extAuth('b'))], false, 200, 'Simplified'],
    ['ExternalAuth with its server not in the design', [on(extAuth('ghost'))], false, 500, null],
    ['ExternalAuth with its server assumed', [on(extAuth('ghost'))], true, 200, 'Simplified'],
  ])('%s → %s', (_, objects, assume, status, noteCode) => {
    const d = build([gatewayClass(), gateway('gw', [http('http')]), service('a'), service('b'), ...objects], assume);
    const decision = ask(d, 'GET http://h/');
    expect(decision.status).toBe(status);
    if (noteCode === null) {
      expect(decision.outcomes[0]?.reason).toMatch(/not in this design|cannot be used/);
      expect(decision.request).toBeNull();
    } else {
      expect(decision.notes.find((n) => n.code === noteCode && /forwarded if the filter allows it/.test(n.message))).toBeDefined();
      expect(decision.backends[0]?.name).toBe('a');
    }
  });
  it('a gRPC request through an unresolvable ExtensionRef reads the 500 as a gRPC status', () => {
    const d = build([gatewayClass(), gateway('gw', [http('http')]), service('a'), route('GRPCRoute', 'g', { rules: [{ filters: [extRef], backendRefs: [to('a')] }] })]);
    expect(ask(d, 'GRPC grpc://h:80/pkg.Svc/Get').status).toBe('UNKNOWN');
  });
});

// gateway-api.md §6.3: timeouts are reported as configured.
describe('timeouts (§6.3)', () => {
  it('reports rule timeouts', () => {
    const d = basic([httpRoute('r', { rules: [{ timeouts: { request: '10s', backendRequest: '2s' }, backendRefs: [to('a')] }] })]);
    expect(ask(d, 'GET http://h/').timeouts).toEqual({ request: '10s', backendRequest: '2s' });
  });
  it('reports retry policies (experimental channel)', () => {
    const d = basic([httpRoute('r', { rules: [{ retry: { codes: [500, 503], attempts: 3, backoff: '100ms' }, backendRefs: [to('a')] }] })]);
    expect(ask(d, 'GET http://h/').retries).toEqual({ attempts: 3, codes: [500, 503], backoff: '100ms' });
  });
});
