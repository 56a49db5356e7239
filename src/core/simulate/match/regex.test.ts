import { describe, expect, it } from 'vitest';
import { vs } from '../../compile/istio/test-kit.js';
import { compile, parse, parseRequest, simulate, type Decision } from '../../index.js';

/**
 * Regexes through the public API (parse → compile → simulate), read as Envoy runs them: RE2
 * FullMatch for matches, RE2 GlobalReplace for Istio's uriRegexRewrite (envoy
 * source/common/common/regex.h), in time linear in the request.
 */
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {ports: [{port: 80}]}
`;

/** An HTTPRoute whose one rule has `match`, sending to `a`; other requests get 404. */
const route = (match: string): string => `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
    - matches: [${match}]
      backendRefs: [{name: a, port: 80}]
`;

function run(text: string, request: string, headers: readonly string[] = []): Decision {
  const parsed = parse([{ name: 'd.yaml', text }]);
  const r = parseRequest(request, headers);
  if (!r.ok) throw new Error(r.error);
  return simulate(compile(parsed.resources).table, r.request);
}

/** The backend most requests reach, or the status (404) when no rule matched. */
const backend = (d: Decision): string => (d.status === 200 ? (d.backends.find((b) => b.probability > 0)?.name ?? '200') : String(d.status));

describe('the issue 9 hang: a backtracking pattern answers at once', () => {
  const hostile = `/${'a'.repeat(50)}!`;
  it.each([
    ['path /(a+)+$, 50 a and !', '{path: {type: RegularExpression, value: "/(a+)+$"}}', hostile, [], '404'],
    ['path /(a+)+$, 10,000 a and !', '{path: {type: RegularExpression, value: "/(a+)+$"}}', `/${'a'.repeat(10_000)}!`, [], '404'],
    ['path /(a+)+$, only a', '{path: {type: RegularExpression, value: "/(a+)+$"}}', `/${'a'.repeat(10_000)}`, [], 'a'],
    ['header (a|aa)+', '{headers: [{name: x, type: RegularExpression, value: "(a|aa)+"}]}', '/', [`x: ${'a'.repeat(10_000)}!`], '404'],
    ['query (.*a){20}', '{queryParams: [{name: q, type: RegularExpression, value: "(.*a){20}"}]}', `/?q=${'a'.repeat(5_000)}!`, [], '404'],
  ])('%s', (_what, match, path, headers, expected) => {
    expect(backend(run(route(match), `GET http://shop.example.com${path}`, headers))).toBe(expected);
  }, 5_000);
});

describe('RE2 syntax is matched as RE2', () => {
  it.each([
    ['(?i) flag', '{path: {type: RegularExpression, value: "(?i)/API/v[0-9]+"}}', '/api/v2', [], 'a'],
    ['named group (?P<n>…)', '{headers: [{name: x, type: RegularExpression, value: "(?P<kind>foo|bar)-\\\\d+"}]}', '/', ['x: bar-12'], 'a'],
    ['POSIX class', '{path: {type: RegularExpression, value: "/[[:alpha:]]+"}}', '/abc', [], 'a'],
    ['Unicode class \\pL', '{path: {type: RegularExpression, value: "/\\\\pL+/x"}}', '/abc/x', [], 'a'],
    ['full match: a prefix of the path is not enough', '{path: {type: RegularExpression, value: "/api"}}', '/api/v1', [], '404'],
  ])('%s', (_what, match, path, headers, expected) => {
    expect(backend(run(route(match), `GET http://shop.example.com${path}`, headers))).toBe(expected);
  });

  it('a rule whose regex RE2 refuses is not programmed, and says why', () => {
    const text = route('{path: {type: RegularExpression, value: "/(a)\\\\1"}}') + '    - matches: [{path: {type: Exact, value: /ok}}]\n      backendRefs: [{name: a, port: 80}]\n';
    const parsed = parse([{ name: 'd.yaml', text }]);
    const compiled = compile(parsed.resources);
    const r = parseRequest('GET http://shop.example.com/aa');
    if (!r.ok) throw new Error(r.error);
    expect(backend(simulate(compiled.table, r.request))).toBe('404');
    const dropped = compiled.diagnostics.filter((d) => d.code === 'RuleDropped');
    expect(dropped.map((d) => d.message).join(' ')).toMatch(/backreference/);
  });
});

describe('Istio: regex matches and uriRegexRewrite are RE2', () => {
  it('a hostile uri regex answers at once', () => {
    const text = vs(`  - match: [{uri: {regex: "/(a+)+"}}]
    route: [{destination: {host: a}}]
  - route: [{destination: {host: b}}]
`);
    expect(backend(run(text, `GET http://shop.example.com/${'a'.repeat(50)}!`))).toBe('b');
    expect(backend(run(text, `GET http://shop.example.com/${'a'.repeat(50)}`))).toBe('a');
  }, 5_000);

  it('a uri regex RE2 refuses never matches, and its entry says why', () => {
    const text = vs(`  - match: [{uri: {regex: "/(a)\\\\1"}}]
    route: [{destination: {host: a}}]
  - route: [{destination: {host: b}}]
`);
    const parsed = parse([{ name: 'd.yaml', text }]);
    const { table } = compile(parsed.resources);
    const r = parseRequest('GET http://shop.example.com/aa');
    if (!r.ok) throw new Error(r.error);
    expect(backend(simulate(table, r.request))).toBe('b');
    const json = JSON.stringify(table, (_k, v: unknown) => (v instanceof Map ? [...v.values()] : v));
    expect(json).toMatch(/regex \/\(a\)\\\\1 is not RE2 \(backreferences/);
  });

  it.each([
    // RE2 GlobalReplace skips an empty match where the previous match ended (JS would give -/-b--c-).
    ['a*', '-', '/baaac', '-/-b-c-'],
    ['/+', '/', '//a///b', '/a/b'],
    ['^/(v[0-9]+)/(.*)$', '/\\\\2?version=\\\\1', '/v2/items', '/items?version=v2'],
  ])('match %s rewrite %s: %s → %s', (match, rewrite, path, expected) => {
    const text = vs(`  - rewrite: {uriRegexRewrite: {match: "${match}", rewrite: "${rewrite}"}}
    route: [{destination: {host: a}}]
`);
    expect(run(text, `GET http://shop.example.com${path}`).request?.path).toBe(expected);
  });
});
