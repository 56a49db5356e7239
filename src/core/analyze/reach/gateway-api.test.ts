import { describe, expect, it } from 'vitest';
import { gatewayClass, gateway, http, service, yamlOf } from '../../simulate/testing.js';
import type { KubeObject } from '../../resources/types.js';
import { codes, httpRoute, reachOf, states, to } from './testing.js';

const base = (): KubeObject[] => [gatewayClass(), gateway('gw', [http('http')]), service('a'), service('b')];
const rule = (matches: unknown[] | undefined, backend = 'a', extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...(matches ? { matches } : {}), backendRefs: [to(backend)], ...extra });
const text = (...routes: KubeObject[]): string => yamlOf([...base(), ...routes]);
const prefix = (value: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({ path: { type: 'PathPrefix', value }, ...more });
const exact = (value: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({ path: { type: 'Exact', value }, ...more });
const regex = (value: string): Record<string, unknown> => ({ path: { type: 'RegularExpression', value } });

describe('unreachable Gateway API rules (precedence across routes)', () => {
  const cases: [string, KubeObject[], string[]][] = [
    ['identical match in a newer route: tie by age', [
      httpRoute('old', { rules: [rule([prefix('/a')])] }, 'default', '2024-01-01T00:00:00Z'),
      httpRoute('new', { rules: [rule([prefix('/a')], 'b')] }, 'default', '2024-02-01T00:00:00Z'),
    ], ['RuleTieByAge@new spec.rules[0]']],
    ['identical match, no timestamps: tie by name', [
      httpRoute('r1', { rules: [rule([prefix('/a')])] }),
      httpRoute('r2', { rules: [rule([prefix('/a')], 'b')] }),
    ], ['RuleTieByName@r2 spec.rules[0]']],
    ['a header condition is more specific: both reachable', [
      httpRoute('r1', { rules: [rule([prefix('/a')])] }),
      httpRoute('r2', { rules: [rule([prefix('/a', { headers: [{ name: 'x', value: '1' }] })], 'b')] }),
    ], []],
    ['the same path with a header is taken before; without it, the plain rule is reachable', [
      httpRoute('r1', { rules: [rule([prefix('/a', { headers: [{ name: 'x', value: '1' }] })]), rule([prefix('/a')], 'b')] }),
    ], []],
    ['element-wise prefix /foo does not cover /foobar', [
      httpRoute('r1', { rules: [rule([prefix('/foo', { method: 'GET' })]), rule([prefix('/foobar', { method: 'GET' })], 'b')] }),
    ], []],
    ['one match of a rule is a duplicate of another rule match in the same route', [
      httpRoute('r1', { rules: [rule([exact('/x')]), rule([exact('/x'), exact('/y')], 'b')] }),
    ], ['MatchUnreachable@r1 spec.rules[1].matches[0]']],
    ['a regex entry covers an exact path it matches (same precedence rank impossible: exact first) — no problem', [
      httpRoute('r1', { rules: [rule([regex('/x/[0-9]+')]), rule([exact('/x/1')], 'b')] }),
    ], []],
    ['two identical regexes: the second is unreachable', [
      httpRoute('r1', { rules: [rule([regex('/x/[0-9]+')]), rule([regex('/x/[0-9]+')], 'b')] }),
    ], ['RuleUnreachable@r1 spec.rules[1]']],
    ['header regex covers a later exact value on the same path and header count', [
      httpRoute('r1', { rules: [rule([prefix('/p', { headers: [{ name: 'v', type: 'RegularExpression', value: '[0-9]+' }] })]), rule([prefix('/p', { headers: [{ name: 'v', value: '42' }] })], 'b')] }),
    ], ['RuleUnreachable@r1 spec.rules[1]']],
    ['query and method: a method-only rule is shadowed by the same method with nothing else only if paths cover', [
      httpRoute('r1', { rules: [rule([prefix('/q', { queryParams: [{ name: 'k', value: 'v' }] })]), rule([prefix('/q', { queryParams: [{ name: 'k', value: 'v' }] })], 'b')] }),
    ], ['RuleUnreachable@r1 spec.rules[1]']],
  ];
  it.each(cases)('%s', (_name, routes, expected) => {
    expect(codes(reachOf(text(...routes)))).toEqual(expected);
  });

  it('reports the shadowing rule, a witness the shadowing rule takes, and the rule states', () => {
    const r = reachOf(text(httpRoute('r1', { rules: [rule([exact('/x')]), rule([exact('/x'), exact('/y')], 'b')] })));
    const d = r.diagnostics[0];
    expect(d?.related?.map((x) => `${x.resource.name} ${x.path} ${x.role}`)).toEqual(['r1 spec.rules[0] shadowed by']);
    expect(d?.witness?.request).toBe('GET http://reach.example/x');
    expect(states(r)).toEqual(['r1 spec.rules[0] reachable', 'r1 spec.rules[1] reachable', 'r1 spec.rules[1]#0 shadowed', 'r1 spec.rules[1]#1 reachable']);
  });

  it('a rule reachable through another hostname stays reachable', () => {
    const r = reachOf(text(
      httpRoute('a-wide', { hostnames: ['a.example.com'], rules: [rule([prefix('/')])] }),
      httpRoute('narrow', { hostnames: ['a.example.com', 'b.example.com'], rules: [rule([prefix('/')], 'b')] }, 'default'),
    ));
    expect(codes(r)).toEqual([]);
    expect(r.rules.find((x) => x.rule.resource.name === 'narrow')).toMatchObject({ state: 'reachable', witness: { request: 'GET http://b.example.com/' } });
  });

  it('all-zero weights, and a redirect to the same place (nothing changed)', () => {
    const objects = [gatewayClass(), gateway('gw', [http('http')]), service('a'), service('b'),
      httpRoute('z', { rules: [{ matches: [prefix('/z')], backendRefs: [to('a', 80, { weight: 0 }), to('b', 80, { weight: 0 })] }, { matches: [prefix('/w')], backendRefs: [to('a', 80, { weight: 0 }), to('b', 80, { weight: 1 })] }] }),
      httpRoute('loop', { rules: [{ matches: [prefix('/l')], filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 302 } }] }, { matches: [prefix('/m')], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }] }] }),
    ];
    expect(codes(reachOf(yamlOf(objects)))).toEqual(['RedirectLoop@loop spec.rules[0].filters', 'WeightsAllZero@z spec.rules[0].backendRefs']);
  });
});

describe('a route with more rule matches than are scanned one by one (units looked up by key)', () => {
  // 41 rules on two listeners (each unit met at two sites); the last repeats rule 38's path.
  const rules = [...Array.from({ length: 40 }, (_, i) => rule([exact(`/p${i}`)])), rule([exact('/p38'), exact('/q')], 'b')];
  const r = reachOf(yamlOf([gatewayClass(), gateway('gw', [http('http'), http('alt', undefined, { port: 8080 })]), service('a'), service('b'), httpRoute('big', { rules })]));

  it('reports the repeated match, with the rule it repeats', () => {
    expect(codes(r)).toEqual(['MatchUnreachable@big spec.rules[40].matches[0]']);
  });

  it('gives every rule and match one state', () => {
    const s = states(r);
    expect(s).toHaveLength(43);
    expect(s.filter((x) => x.endsWith('shadowed'))).toEqual(['big spec.rules[40]#0 shadowed']);
    expect(s.filter((x) => x.endsWith('reachable'))).toHaveLength(42); // 40 rules, rule 40 (by /q) and its match 1
  });
});
