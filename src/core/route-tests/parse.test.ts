import { describe, expect, it } from 'vitest';
import { parseRouteTests } from './parse-tests.js';

const parse = (text: string) => parseRouteTests({ name: 't.yaml', text });
const problems = (text: string): [string, number, number][] => parse(text).diagnostics.map((d) => [d.code, d.line, d.column]);
/** One case with the given lines after `request`, indented as a case's fields. */
const one = (...lines: string[]): string => ['tests:', '  - name: a', '    request: GET https://h.example/p', ...lines.map((l) => `    ${l}`)].join('\n');

describe('parseRouteTests: every field', () => {
  it('reads a case with all request fields and every expectation', () => {
    const text = [
      'apiVersion: route-designer.dev/v1alpha1',
      'kind: RouteTests',
      'metadata: {name: shop, namespace: shop, labels: {team: web}, annotations: {owner: me}}',
      'tests:',
      '  - name: all of it',
      '    request: GET https://h.example/p?q=1',
      '    headers: {x-canary: 1, x-user: "bob"}',
      '    sni: h.example',
      '    gateway: infra/edge',
      '    expect:',
      '      status: 200',
      '      route: shop/cart',
      '      backends:',
      '        - shop/a',
      '        - {name: shop/b, kind: Service, port: 8080, subset: v2, share: "1/4"}',
      '        - {name: shop/c, share: 25%}',
      '        - {name: shop/d, share: 0.5}',
      '      redirect: https://h.example/q',
      '      path: /v1/p?q=1',
      '      host: backend.example',
      '      headers: {x-env: prod}',
      '      absentHeaders: [x-debug]',
    ].join('\n');
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    const c = r.cases[0];
    expect(c?.name).toBe('all of it');
    expect(c?.location).toMatchObject({ file: 't.yaml', line: 5, column: 11 });
    expect(c?.witness).toEqual({ request: 'GET https://h.example/p?q=1', headers: { 'x-canary': '1', 'x-user': 'bob' }, gateway: 'infra/edge', mesh: null, sni: 'h.example' });
    expect(c?.request).toMatchObject({ method: 'GET', host: 'h.example', path: '/p?q=1', headers: [['x-canary', '1'], ['x-user', 'bob']], sni: 'h.example' });
    expect(c?.options).toEqual({ gateway: { namespace: 'infra', name: 'edge' } });
    expect(c?.expect).toEqual({
      status: 200,
      route: 'shop/cart',
      backends: [
        { namespace: 'shop', name: 'a' },
        { namespace: 'shop', name: 'b', kind: 'Service', port: 8080, subset: 'v2', share: 0.25 },
        { namespace: 'shop', name: 'c', share: 0.25 },
        { namespace: 'shop', name: 'd', share: 0.5 },
      ],
      redirect: 'https://h.example/q',
      path: '/v1/p?q=1',
      host: 'backend.example',
      headers: { 'x-env': 'prod' },
      absentHeaders: ['x-debug'],
    });
  });
  it('reads a mesh client with labels, a single backend and gRPC / L4 statuses', () => {
    const r = parse(one('mesh: {from: shop/web, labels: {app: web}}', 'expect: {status: UNAVAILABLE, backend: {name: shop/cart, share: 1/3}}'));
    expect(r.diagnostics).toEqual([]);
    expect(r.cases[0]?.options).toEqual({ mesh: { namespace: 'shop', workload: 'web', labels: { app: 'web' } } });
    expect(r.cases[0]?.witness.mesh).toEqual({ from: 'shop/web', labels: { app: 'web' } });
    expect(r.cases[0]?.expect).toEqual({ status: 'UNAVAILABLE', backends: [{ namespace: 'shop', name: 'cart', share: 0.333333 }] });
  });
  it('reads anchors and aliases', () => {
    const text = ['tests:', '  - name: a', '    request: GET https://h.example/', '    headers: &h {x-a: "1"}', '    expect: {headers: *h}'].join('\n');
    expect(parse(text).cases[0]?.expect.headers).toEqual({ 'x-a': '1' });
  });
});

describe('parseRouteTests: every problem, at its place', () => {
  it.each<[string, string, [string, number, number][]]>([
    ['YAML syntax', 'tests: [unclosed', [['YAMLSyntax', 1, 17]]],
    ['duplicate key', 'tests: []\ntests: []', [['YAMLDuplicateKey', 2, 1]]],
    ['empty file', '', [['TestNoCases', 1, 1]]],
    ['no tests field', 'kind: RouteTests', [['TestNoCases', 1, 1]]],
    ['empty tests', 'tests: []', [['TestNoCases', 1, 8]]],
    ['a scalar file', 'hello', [['TestWrongType', 1, 1]]],
    ['tests not a list', 'tests: {a: 1}', [['TestWrongType', 1, 8]]],
    ['two documents', 'tests: []\n---\ntests: []', [['TestNoCases', 1, 8], ['TestInvalidValue', 3, 1]]],
    ['wrong apiVersion', 'apiVersion: v1\ntests: []', [['TestInvalidValue', 1, 13], ['TestNoCases', 2, 8]]],
    ['wrong kind', 'kind: 3\ntests: []', [['TestWrongType', 1, 7], ['TestNoCases', 2, 8]]],
    ['metadata not a mapping', 'metadata: shop\ntests: []', [['TestWrongType', 1, 11], ['TestNoCases', 2, 8]]],
    ['metadata unknown field', 'metadata: {uid: x}\ntests: []', [['TestUnknownField', 1, 12], ['TestNoCases', 2, 8]]],
    ['unknown top field', 'test: []', [['TestUnknownField', 1, 1], ['TestNoCases', 1, 1]]],
    ['case not a mapping', 'tests: [GET https://h/]', [['TestWrongType', 1, 9]]],
    ['unknown case field', one('expect: {status: 200}', 'method: GET'), [['TestUnknownField', 5, 5]]],
    ['missing name', 'tests:\n  - request: GET https://h/\n    expect: {status: 200}', [['TestMissingField', 2, 5]]],
    ['empty name', 'tests:\n  - name: ""\n    request: GET https://h/\n    expect: {status: 200}', [['TestInvalidValue', 2, 11]]],
    ['name not a string', 'tests:\n  - name: 12\n    request: GET https://h/\n    expect: {status: 200}', [['TestWrongType', 2, 11]]],
    ['missing request', 'tests:\n  - name: a\n    expect: {status: 200}', [['TestMissingField', 2, 5]]],
    ['missing expect', 'tests:\n  - name: a\n    request: GET https://h/', [['TestMissingField', 2, 5]]],
    ['request unreadable', 'tests:\n  - name: a\n    request: fetch the cart\n    expect: {status: 200}', [['TestInvalidValue', 3, 14]]],
    ['request a list', 'tests:\n  - name: a\n    request: [GET]\n    expect: {status: 200}', [['TestWrongType', 3, 14]]],
    ['bad header name', one('headers: {"x a": "1"}', 'expect: {status: 200}'), [['TestInvalidValue', 4, 14]]],
    ['null header value', one('headers: {x-a: }', 'expect: {status: 200}'), [['TestWrongType', 4, 15]]],
    ['headers a list', one('headers: [x-a]', 'expect: {status: 200}'), [['TestWrongType', 4, 14]]],
    ['bad sni', one('sni: "a b"', 'expect: {status: 200}'), [['TestInvalidValue', 4, 10]]],
    ['gateway without namespace', one('gateway: edge', 'expect: {status: 200}'), [['TestInvalidValue', 4, 14]]],
    ['gateway and mesh', one('gateway: a/b', 'mesh: {from: a/c}', 'expect: {status: 200}'), [['TestInvalidValue', 4, 5]]],
    ['mesh without from', one('mesh: {labels: {a: b}}', 'expect: {status: 200}'), [['TestMissingField', 4, 11]]],
    ['mesh unknown field', one('mesh: {from: a/b, sourceLabels: {}}', 'expect: {status: 200}'), [['TestUnknownField', 4, 23]]],
    ['expect not a mapping', one('expect: 200'), [['TestWrongType', 4, 13]]],
    ['expect empty', one('expect: {}'), [['TestInvalidValue', 4, 13]]],
    ['unknown expectation', one('expect: {backendz: a/b}'), [['TestUnknownField', 4, 14]]],
    ['status out of range', one('expect: {status: 700}'), [['TestInvalidValue', 4, 22]]],
    ['status unknown name', one('expect: {status: UNAVAILBLE}'), [['TestInvalidValue', 4, 22]]],
    ['status a list', one('expect: {status: [200]}'), [['TestWrongType', 4, 22]]],
    ['route without namespace', one('expect: {route: cart}'), [['TestInvalidValue', 4, 21]]],
    ['backend and backends', one('expect: {backend: a/b, backends: [a/b]}'), [['TestInvalidValue', 4, 14]]],
    ['backend without namespace', one('expect: {backend: cart}'), [['TestInvalidValue', 4, 23]]],
    ['backend without name', one('expect: {backend: {share: 1}}'), [['TestMissingField', 4, 23]]],
    ['backend unknown field', one('expect: {backends: [{name: a/b, weight: 90}]}'), [['TestUnknownField', 4, 37]]],
    ['share above 1', one('expect: {backend: {name: a/b, share: 90}}'), [['TestInvalidValue', 4, 42]]],
    ['share unreadable', one('expect: {backend: {name: a/b, share: "ninety"}}'), [['TestInvalidValue', 4, 42]]],
    ['share percent above 100', one('expect: {backend: {name: a/b, share: 120%}}'), [['TestInvalidValue', 4, 42]]],
    ['port out of range', one('expect: {backend: {name: a/b, port: 0}}'), [['TestInvalidValue', 4, 41]]],
    ['port a string', one('expect: {backend: {name: a/b, port: http}}'), [['TestInvalidValue', 4, 41]]],
    ['kind a number', one('expect: {backend: {name: a/b, kind: 1}}'), [['TestWrongType', 4, 41]]],
    ['path a number', one('expect: {path: 1}'), [['TestWrongType', 4, 20]]],
    ['redirect a mapping', one('expect: {redirect: {location: x}}'), [['TestWrongType', 4, 24]]],
    ['absentHeaders a string', one('expect: {absentHeaders: x-a}'), [['TestWrongType', 4, 29]]],
    ['absentHeaders of numbers', one('expect: {absentHeaders: [1]}'), [['TestWrongType', 4, 30]]],
    ['duplicate names', 'tests:\n  - {name: a, request: GET https://h/, expect: {status: 200}}\n  - {name: a, request: GET https://h/, expect: {status: 404}}', [['TestDuplicateName', 3, 12]]],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
    const r = parse(text);
    expect(r.cases).toEqual([]);
    for (const d of r.diagnostics) expect(d).toMatchObject({ file: 't.yaml', severity: 'error' });
  });
});

describe('parseRouteTests: aliases cannot make it read without bound', () => {
  it('refuses a file whose aliases expand beyond the read budget (YAMLAliasBomb), quickly', () => {
    const aliases = Array.from({ length: 1000 }, () => '*b').join(', ');
    const cases = Array.from({ length: 1000 }, () => '  - *c').join('\n');
    const text = `tests:\n  - &c {name: a, request: GET https://h/, expect: {backends: [&b {name: a/b}, ${aliases}]}}\n${cases}`;
    const started = Date.now();
    const r = parse(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.diagnostics.filter((d) => d.code === 'YAMLAliasBomb')).toHaveLength(1);
    expect(r.cases).toEqual([]);
  });
});
