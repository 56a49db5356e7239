import { describe, expect, it } from 'vitest';
import { basic, httpRoute, to } from '../simulate/testing.js';
import { parseRouteTests } from './parse-tests.js';
import { runRouteTest, runRouteTests } from './run-test.js';

// A small design written for these tests: gateway `gw` (HTTP :80), Services a–e in `default`.
const design = basic([
  httpRoute('split', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/split' } }], backendRefs: [to('a', 80, { weight: 3 }), to('b', 80, { weight: 1 })] }] }),
  httpRoute('thirds', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/thirds' } }], backendRefs: [to('a', 80, { weight: 1 }), to('b', 80, { weight: 2 }), to('c', 80, { weight: 0 })] }] }),
  httpRoute('moved', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/old' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'new.example', statusCode: 301 } }] }] }),
  httpRoute('api', {
    rules: [
      {
        matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
        filters: [
          { type: 'URLRewrite', urlRewrite: { hostname: 'backend.internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } },
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-env', value: 'prod' }], remove: ['x-debug'] } },
        ],
        backendRefs: [to('d')],
      },
    ],
  }),
]);

/** One case: its request, then its expect (a flow mapping). */
function caseOf(request: string, expectation: string, extra = ''): ReturnType<typeof parseRouteTests>['cases'][number] {
  const r = parseRouteTests({ name: 't.yaml', text: `tests:\n  - name: c\n    request: ${request}\n${extra}    expect: ${expectation}\n` });
  expect(r.diagnostics).toEqual([]);
  const c = r.cases[0];
  if (!c) throw new Error('no case');
  return c;
}

describe('runRouteTest: each expectation, holding and not', () => {
  it.each<[string, string, string, string, string[]]>([
    ['status holds', 'GET http://h.example/split', '{status: 200}', '', []],
    ['status differs', 'GET http://h.example/nowhere', '{status: 200}', '', ['status: 200 ≠ 404']],
    ['route holds', 'GET http://h.example/split', '{route: default/split}', '', []],
    ['route differs', 'GET http://h.example/api/x', '{route: default/split}', '', ['route: "default/split" ≠ "default/api"']],
    ['no route', 'GET http://h.example/nowhere', '{route: default/split}', '', ['route: "default/split" ≠ none']],
    ['shares hold (0.75, "25%")', 'GET http://h.example/split', '{backends: [{name: default/a, share: 0.75}, {name: default/b, share: 25%}]}', '', []],
    ['shares as fractions hold (1/3, 2/3)', 'GET http://h.example/thirds', '{backends: [{name: default/a, share: 1/3}, {name: default/b, share: "2/3"}]}', '', []],
    ['a share that is only close fails', 'GET http://h.example/thirds', '{backends: [{name: default/a, share: 0.33}, default/b]}', '', ['backends: default/a share 0.33 (33%) ≠ share 0.333333 (33.333%)']],
    ['share 0: the weight-0 backend receives nothing', 'GET http://h.example/thirds', '{backends: [default/a, default/b, {name: default/c, share: 0}]}', '', []],
    ['share 0 of a backend that receives traffic', 'GET http://h.example/split', '{backends: [default/a, {name: default/b, share: 0}]}', '', ['backends: default/b share 0 (0%) ≠ share 0.25 (25%)']],
    ['a listed backend that is not there', 'GET http://h.example/split', '{backends: [default/a, default/b, default/e]}', '', ['backends: default/e ≠ no such backend (backends: Service default/a:80, Service default/b:80)']],
    ['an unlisted backend that receives a share', 'GET http://h.example/split', '{backend: default/a}', '', ['backends: no other backend ≠ Service default/b:80 share 0.25 (25%)']],
    ['a listed backend with weight 0 and no share written', 'GET http://h.example/thirds', '{backends: [default/a, default/b, default/c]}', '', ['backends: default/c receives a share ≠ share 0']],
    ['kind and port hold', 'GET http://h.example/api/x', '{backend: {name: default/d, kind: Service, port: 80, share: 1}}', '', []],
    ['port differs', 'GET http://h.example/api/x', '{backend: {name: default/d, port: 8080}}', '', ['backends: default/d:8080 ≠ no such backend (backends: Service default/d:80)', 'backends: no other backend ≠ Service default/d:80 share 1 (100%)']],
    ['redirect holds', 'GET http://h.example/old/page', '{status: 301, redirect: "http://new.example/old/page"}', '', []],
    ['redirect differs', 'GET http://h.example/old/page', '{redirect: "https://new.example/old/page"}', '', ['redirect: "https://new.example/old/page" ≠ "http://new.example/old/page"']],
    ['no redirect', 'GET http://h.example/split', '{redirect: "https://h.example/split"}', '', ['redirect: "https://h.example/split" ≠ none']],
    ['rewritten path and host hold', 'GET http://h.example/api/items?x=1', '{path: "/v2/items?x=1", host: backend.internal}', '', []],
    ['path differs', 'GET http://h.example/api/items', '{path: /api/items}', '', ['path: "/api/items" ≠ "/v2/items"']],
    ['host differs', 'GET http://h.example/api/items', '{host: h.example}', '', ['host: "h.example" ≠ "backend.internal"']],
    ['path when nothing is forwarded', 'GET http://h.example/old/x', '{path: /old/x}', '', ['path: "/old/x" ≠ none']],
    ['headers set and passed through hold', 'GET http://h.example/api/x', '{headers: {X-Env: prod, x-user: bob}}', '    headers: {x-user: bob, x-debug: "1"}\n', []],
    ['a header value differs', 'GET http://h.example/api/x', '{headers: {x-env: dev}}', '', ['headers: x-env: dev ≠ x-env: prod']],
    ['a header missing', 'GET http://h.example/split', '{headers: {x-env: prod}}', '', ['headers: x-env: prod ≠ no x-env header']],
    ['a removed header holds', 'GET http://h.example/api/x', '{absentHeaders: [x-debug]}', '    headers: {x-debug: "1"}\n', []],
    ['a header that should be removed is not', 'GET http://h.example/split', '{absentHeaders: [X-Debug]}', '    headers: {x-debug: "1"}\n', ['absentHeaders: no X-Debug header ≠ X-Debug: 1']],
    ['absent headers when nothing is forwarded', 'GET http://h.example/old/x', '{absentHeaders: [x-debug]}', '', ['absentHeaders: no x-debug header ≠ the request reaches no backend']],
  ])('%s', (_name, request, expectation, extra, failures) => {
    const r = runRouteTest(design.table, caseOf(request, expectation, extra));
    expect(r.failures.map((f) => `${f.field}: ${f.expected} ≠ ${f.actual}`)).toEqual(failures);
    expect(r.passed).toBe(failures.length === 0);
  });

  it('sends the request to the gateway the case names, and in the mesh from its client', () => {
    const atGateway = runRouteTest(design.table, caseOf('GET http://h.example/split', '{status: 200}', '    gateway: default/gw\n'));
    expect(atGateway.decision.gateway).toMatchObject({ name: 'gw' });
    const elsewhere = runRouteTest(design.table, caseOf('GET http://h.example/split', '{status: 200}', '    gateway: default/other\n'));
    expect(elsewhere.passed).toBe(false);
    const mesh = runRouteTest(design.table, caseOf('GET http://a.default/x', '{backend: default/a}', '    mesh: {from: default/web}\n'));
    expect(mesh.decision.gateway).toMatchObject({ kind: 'Service', name: 'a' });
    expect(mesh.passed).toBe(true);
  });

  it('counts what passed and failed', () => {
    const run = runRouteTests(design.table, [caseOf('GET http://h.example/split', '{status: 200}'), caseOf('GET http://h.example/x', '{status: 200}')]);
    expect([run.passed, run.failed, run.results.map((r) => r.passed)]).toEqual([1, 1, [true, false]]);
  });
});
