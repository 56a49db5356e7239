import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { ruleChips, summarizeGrpcRule, summarizeHttpRule } from './summary-gateway-api.js';
import { istioRouteChips, summarizeIstioHttpRoute, summarizeIstioL4Route } from './summary-istio.js';

describe('Gateway API rule summaries', () => {
  it.each<[string, KubeObject, string]>([
    ['no matches is the default PathPrefix /', {}, 'PathPrefix /'],
    ['path type defaults to PathPrefix', { matches: [{ path: { value: '/a' } }] }, 'PathPrefix /a'],
    ['exact path, method, header, query', { matches: [{ path: { type: 'Exact', value: '/x' }, method: 'GET', headers: [{ name: 'x-canary', value: '1' }], queryParams: [{ name: 'q', value: 'v' }] }] }, 'Exact /x · GET · x-canary=1 · ?q=v'],
    ['regex header', { matches: [{ headers: [{ type: 'RegularExpression', name: 'user', value: '^a' }] }] }, 'PathPrefix / · user~^a'],
    ['several matches', { matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }] }, 'PathPrefix /a or PathPrefix /b'],
  ])('%s', (_name, rule, expected) => {
    expect(summarizeHttpRule(rule)).toBe(expected);
  });

  it.each<[KubeObject, string]>([
    [{}, 'any method'],
    [{ matches: [{ method: { service: 'shop.Cart', method: 'Get' } }] }, 'shop.Cart/Get'],
    [{ matches: [{ method: { service: 'shop.Cart' } }] }, 'shop.Cart/*'],
    [{ matches: [{ headers: [{ name: 'env', value: 'canary' }] }] }, 'env=canary'],
  ])('gRPC %j → %s', (rule, expected) => {
    expect(summarizeGrpcRule(rule)).toBe(expected);
  });

  it.each<[KubeObject, string[]]>([
    [{ filters: [{ type: 'RequestRedirect' }] }, ['redirect']],
    [{ filters: [{ type: 'URLRewrite' }, { type: 'RequestHeaderModifier' }, { type: 'ResponseHeaderModifier' }] }, ['rewrite', 'headers']],
    [{ filters: [{ type: 'RequestMirror' }], timeouts: { request: '1s' } }, ['mirror', 'timeout']],
    [{}, []],
  ])('chips of %j', (rule, chips) => {
    expect(ruleChips(rule)).toEqual(chips);
  });
});

describe('Istio route summaries', () => {
  it.each<[KubeObject, string]>([
    [{}, 'all requests'],
    [{ match: [{ uri: { prefix: '/cart' }, headers: { 'x-canary': { exact: '1' } } }] }, 'prefix /cart · x-canary=1'],
    [{ match: [{ uri: { exact: '/x' }, method: { exact: 'GET' } }] }, 'exact /x · GET'],
    [{ match: [{ uri: { regex: '^/a' } }, { queryParams: { q: { prefix: 'v' } } }] }, 'regex ^/a or ?q=v*'],
    [{ match: [{ sourceLabels: { app: 'web' }, port: 8080 }] }, ':8080 · from app=web'],
  ])('%j → %s', (route, expected) => {
    expect(summarizeIstioHttpRoute(route)).toBe(expected);
  });

  it.each<[KubeObject, 'tls' | 'tcp', string]>([
    [{ match: [{ sniHosts: ['a.example.com'] }] }, 'tls', 'SNI a.example.com'],
    [{}, 'tcp', 'all TCP'],
    [{ match: [{ port: 3306 }] }, 'tcp', ':3306'],
  ])('%j (%s) → %s', (route, protocol, expected) => {
    expect(summarizeIstioL4Route(route, protocol)).toBe(expected);
  });

  it('chips', () => {
    expect(istioRouteChips({ redirect: {}, rewrite: {}, headers: {}, mirror: {}, fault: {}, timeout: '1s' })).toEqual(['redirect', 'rewrite', 'headers', 'mirror', 'fault', 'timeout']);
  });
});
