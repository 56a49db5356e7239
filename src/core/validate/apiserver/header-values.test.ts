import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import { validate } from '../index.js';
import { apiServerIssues } from './index.js';

function issues(obj: KubeObject): string[] {
  const [resource] = parse([{ name: 't.yaml', text: dump(obj) }]).resources;
  if (!resource) throw new Error('not parsed');
  return apiServerIssues(resource).map((i) => `${i.severity} ${i.code}@${i.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1)}`);
}

const route = (kind: string, rule: KubeObject): KubeObject => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name: 'r' }, spec: { rules: [rule] } });
const modifier = (type: 'RequestHeaderModifier' | 'ResponseHeaderModifier', op: 'add' | 'set', value: string): KubeObject => ({
  type,
  [type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier']: { [op]: [{ name: 'X-Test', value }] },
});
const vs = (http: KubeObject): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'v' }, spec: { hosts: ['h'], http: [http] } });

const ADD = 'spec.rules[0].filters[0].responseHeaderModifier.add[0].value';

// Gateway API v1.6.1 experimental CRDs: HTTPHeader.value pattern ^[!-~]+([\t ]?[!-~]+)*$ (RFC 7230 §3.2).
describe('Gateway API header values', () => {
  it.each([
    ['CR/LF (the repository own invalid example)', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', 'this\nis\rinvalid\r\nvalue')] }), [`error HeaderValueInvalid@${ADD}`]],
    ['NUL in a set', route('HTTPRoute', { filters: [modifier('RequestHeaderModifier', 'set', 'a\u0000b')] }), ['error HeaderValueInvalid@spec.rules[0].filters[0].requestHeaderModifier.set[0].value']],
    ['LF in a backendRef filter', route('HTTPRoute', { backendRefs: [{ name: 's', port: 80, filters: [modifier('RequestHeaderModifier', 'add', 'a\nb')] }] }), ['error HeaderValueInvalid@spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.add[0].value']],
    ['CR in a header match', route('HTTPRoute', { matches: [{ headers: [{ name: 'x', value: 'a\rb' }] }] }), ['error HeaderValueInvalid@spec.rules[0].matches[0].headers[0].value']],
    ['LF in a GRPCRoute filter', route('GRPCRoute', { filters: [modifier('ResponseHeaderModifier', 'set', 'a\nb')] }), ['error HeaderValueInvalid@spec.rules[0].filters[0].responseHeaderModifier.set[0].value']],
    ['a doubled space', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', 'a  b')] }), [`warning HeaderValueInvalid@${ADD}`]],
    ['a leading space', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', ' a')] }), [`warning HeaderValueInvalid@${ADD}`]],
    ['non-ASCII', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', 'café')] }), [`warning HeaderValueInvalid@${ADD}`]],
    ['words separated by single spaces and tabs', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', 'max-age=31536000; includeSubDomains\tx')] }), []],
    ['a regex header match', route('HTTPRoute', { matches: [{ headers: [{ type: 'RegularExpression', name: 'x', value: '^v[0-9]+ (beta|rc)$' }] }] }), []],
    ['an empty value (SchemaLength says so)', route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', '')] }), []],
  ])('%s', (_, obj, want) => {
    expect(issues(obj)).toEqual(want);
  });

  it('a long value that fails the pattern is decided at once (no backtracking)', () => {
    const started = Date.now();
    expect(issues(route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', `${'a'.repeat(4000)} `)] }))).toEqual([`warning HeaderValueInvalid@${ADD}`]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('the message names the character and a fix', () => {
    const text = dump(route('HTTPRoute', { filters: [modifier('ResponseHeaderModifier', 'add', 'this\nis\rinvalid\r\nvalue')] }));
    const d = validate(parse([{ name: 'r.yaml', text }])).find((x) => x.code === 'HeaderValueInvalid');
    expect(d?.message).toContain('holds a line feed (LF) at character 5');
    expect(d?.message).toContain('e.g. `this is invalid value`');
  });
});

// istio pkg/config/validation ValidateHTTPHeaderValue: no control characters but tab.
describe('Istio VirtualService header values', () => {
  it.each([
    ['LF in a rule response set', vs({ headers: { response: { set: { 'x-a': 'a\nb' } } }, route: [{ destination: { host: 'h' } }] }), ['error HeaderValueInvalid@spec.http[0].headers.response.set.x-a']],
    ['CR in a destination request add', vs({ route: [{ destination: { host: 'h' }, headers: { request: { add: { 'x-a': 'a\rb' } } } }] }), ['error HeaderValueInvalid@spec.http[0].route[0].headers.request.add.x-a']],
    ['a tab and doubled spaces', vs({ headers: { request: { set: { 'x-a': 'a\tb  c' } } }, route: [{ destination: { host: 'h' } }] }), []],
    ['an Envoy variable', vs({ headers: { request: { set: { 'x-a': '%HOSTNAME%' } } }, route: [{ destination: { host: 'h' } }] }), []],
  ])('%s', (_, obj, want) => {
    expect(issues(obj)).toEqual(want);
  });
});
