import { describe, expect, it } from 'vitest';
import readme from '../../../../README.md?raw';
import { parse } from '../../resources/parse.js';
import { validate } from '../index.js';
import { REGEX_CODES } from './regex-invalid.js';

const httpRoute = (matches: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
    - matches: [${matches}]
      backendRefs: [{name: svc, port: 80}]
`;
const grpcRoute = (matches: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
    - matches: [${matches}]
      backendRefs: [{name: svc, port: 80}]
`;
const virtualService = (rule: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop.example.com]
  http:
    - ${rule}
      route: [{destination: {host: svc}}]
`;

function regexProblems(text: string): { path: string | undefined; message: string; line: number; column: number }[] {
  return validate(parse([{ name: 'd.yaml', text }]))
    .filter((d) => d.code === 'RegexInvalid')
    .map((d) => {
      expect(d.severity).toBe('error');
      return { path: d.path, message: d.message, line: d.line, column: d.column };
    });
}

describe('RegexInvalid: Gateway API RegularExpression matches', () => {
  it.each([
    ['path backreference', httpRoute('{path: {type: RegularExpression, value: "/(a)\\\\1"}}'), ['spec.rules[0].matches[0].path.value']],
    ['header lookahead', httpRoute('{headers: [{name: x, type: RegularExpression, value: "(?=a)a"}]}'), ['spec.rules[0].matches[0].headers[0].value']],
    ['query lookbehind', httpRoute('{queryParams: [{name: q, type: RegularExpression, value: "(?<=a)b"}]}'), ['spec.rules[0].matches[0].queryParams[0].value']],
    ['named backreference, second match', httpRoute('{path: {type: PathPrefix, value: /}}, {path: {type: RegularExpression, value: "(?P<n>a)\\\\k<n>"}}'), ['spec.rules[0].matches[1].path.value']],
    ['RE2 syntax is fine', httpRoute('{path: {type: RegularExpression, value: "(?i)/api/(?P<v>v[0-9]+)/[[:alpha:]]+\\\\z"}}'), []],
    ['an Exact value is no regex', httpRoute('{headers: [{name: x, value: "(?=a)"}]}'), []],
    ['gRPC method regex', grpcRoute('{method: {type: RegularExpression, service: "pkg\\\\.(a)\\\\1", method: "Get.*"}}'), ['spec.rules[0].matches[0].method.service']],
    ['gRPC header regex', grpcRoute('{headers: [{name: x, type: RegularExpression, value: "a++"}]}'), ['spec.rules[0].matches[0].headers[0].value']],
  ])('%s', (_what, text, paths) => {
    expect(regexProblems(text).map((p) => p.path)).toEqual(paths);
  });
});

describe('RegexInvalid: Istio regexes (istiod validateHTTPRouteMatchRequest, validateHTTPRewrite)', () => {
  it.each([
    ['uri', 'match: [{uri: {regex: "/(a)\\\\1"}}]', ['spec.http[0].match[0].uri.regex']],
    ['scheme, method, authority', 'match: [{scheme: {regex: "(?=h)http"}, method: {regex: "GET|(?!P)OST"}, authority: {regex: "a{1001}"}}]', ['spec.http[0].match[0].scheme.regex', 'spec.http[0].match[0].method.regex', 'spec.http[0].match[0].authority.regex']],
    ['headers and queryParams', 'match: [{headers: {x-a: {regex: "(?<=a)b"}}, queryParams: {q: {regex: "\\\\k<n>"}}}]', ['spec.http[0].match[0].headers.x-a.regex', 'spec.http[0].match[0].queryParams.q.regex']],
    ['withoutHeaders: `*` is the presence check', 'match: [{withoutHeaders: {x-a: {regex: "*"}, x-b: {regex: "(?!a)"}}}]', ['spec.http[0].match[0].withoutHeaders.x-b.regex']],
    ['headers: `*` is refused', 'match: [{headers: {x-a: {regex: "*"}}}]', ['spec.http[0].match[0].headers.x-a.regex']],
    ['empty regex', 'match: [{uri: {regex: ""}}]', ['spec.http[0].match[0].uri.regex']],
    ['longer than 1024 characters', `match: [{uri: {regex: "/${'a'.repeat(1025)}"}}]`, ['spec.http[0].match[0].uri.regex']],
    ['uriRegexRewrite.match', 'rewrite: {uriRegexRewrite: {match: "^/(a)\\\\1", rewrite: /x}}', ['spec.http[0].rewrite.uriRegexRewrite.match']],
    ['corsPolicy origins', 'corsPolicy: {allowOrigins: [{exact: "https://a"}, {regex: "https://(?=a).*"}]}', ['spec.http[0].corsPolicy.allowOrigins[1].regex']],
    ['RE2 syntax is fine', 'match: [{uri: {regex: "(?i)/[[:alpha:]]+/\\\\pL+\\\\z"}, headers: {x: {regex: "\\\\Qa.b\\\\E"}}}]', []],
    ['prefix and exact are no regexes', 'match: [{uri: {prefix: "(?="}, headers: {x: {exact: "\\\\1"}}}]', []],
  ])('%s', (_what, rule, paths) => {
    expect(regexProblems(virtualService(rule)).map((p) => p.path)).toEqual(paths);
  });
});

describe('RegexInvalid says why and points at the value', () => {
  it('names the construct RE2 refuses', () => {
    const [p] = regexProblems(httpRoute('{path: {type: RegularExpression, value: "/(a)\\\\1"}}'));
    expect(p?.message).toMatch(/backreference/);
    const [q] = regexProblems(virtualService('match: [{uri: {regex: "(?<=a)b"}}]'));
    expect(q?.message).toMatch(/lookbehind/);
    expect(q?.message).toMatch(/istiod rejects/);
  });

  it('lands on the line and column of the value', () => {
    const text = virtualService('match:\n        - uri:\n            regex: "(?=a)a"');
    const [p] = regexProblems(text);
    expect(p).toMatchObject({ line: 9, column: 20 });
  });

  it('is documented in the README', () => {
    for (const code of REGEX_CODES) expect(readme).toContain(`\`${code}\``);
  });
});
