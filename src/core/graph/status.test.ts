import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import { parse } from '../resources/parse.js';
import { buildGraph } from './build-graph.js';
import { conditionProblem } from './status.js';
import { compiledGraphOf, edgeLines } from './test-helpers.js';
import type { RouteGraph } from './types.js';

const statusGraph = (yaml: string): RouteGraph => compiledGraphOf(yaml).graph;

const detachedLines = (g: RouteGraph): string[] =>
  g.edges.filter((e) => e.detached).map((e) => `${e.id.split('->')[1]?.split('/').slice(-1)[0]} ${e.detached?.reason}: ${e.detached?.message}`);

const listenerRows = (g: RouteGraph, name = 'edge') =>
  g.nodes.find((n) => n.kind === 'Gateway' && n.name === name)?.rows.map((r) => [r.key, r.attachedRoutes, r.problem?.severity ?? null]);

describe('buildGraph with controller status', () => {
  it('the example: every route attached, listeners count their routes, nothing dashed', () => {
    const g = statusGraph(example);
    expect(detachedLines(g)).toEqual([]);
    expect(listenerRows(g)).toEqual([
      ['http', 1, null],
      ['https', 2, null],
    ]);
  });

  it('without status the graph is as before: no counts', () => {
    const parsed = parse([{ name: 'design.yaml', text: example }]);
    const g = buildGraph(parsed.resources);
    expect(listenerRows(g)).toEqual([
      ['http', undefined, null],
      ['https', undefined, null],
    ]);
  });

  it.each([
    ['a sectionName no listener has', 'sectionName: https', 'sectionName: httpz', 'NoMatchingParent'],
    ['a namespace the listener does not allow', 'gateway-access: "true"', 'gateway-access: "false"', 'NotAllowedByListeners'],
    ['a hostname the listener does not accept', '    - www.shop.example.com\n  rules:\n    - matches:\n        - path:\n            type: PathPrefix\n            value: /cart', '    - www.shop.example.org\n  rules:\n    - matches:\n        - path:\n            type: PathPrefix\n            value: /cart', 'NoMatchingListenerHostname'],
  ])('a route not accepted for %s has a dashed edge with the reason', (_what, from, to, reason) => {
    const yaml = example.replace(from, to);
    expect(yaml).not.toBe(example);
    const g = statusGraph(yaml);
    const lines = detachedLines(g);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes(`${reason}:`))).toBe(true);
    // The dashed edge replaces the "broken" one: the status says why.
    expect(g.edges.filter((e) => e.detached && e.broken)).toEqual([]);
  });

  it('NoMatchingParent: the edge goes to the Gateway itself, since no listener row is named', () => {
    const g = statusGraph(example.replace('sectionName: https', 'sectionName: httpz'));
    expect(edgeLines(g, ['attach']).filter((l) => l.includes('HTTPRoute/shop/cart'))).toEqual(['attach Gateway/infra/edge -> HTTPRoute/shop/cart']);
    expect(g.edges.find((e) => e.detached)?.detached).toEqual({ reason: 'NoMatchingParent', message: 'no listener of Gateway infra/edge matches sectionName httpz' });
    expect(listenerRows(g)).toEqual([
      ['http', 1, null],
      ['https', 1, null],
    ]);
  });

  it('a listener that is not programmed is a red row that says why; the Gateway gets a badge if it is not accepted', () => {
    // HTTP and HTTPS on one port: a protocol conflict.
    const g = statusGraph(example.replace('      protocol: HTTPS\n      port: 443', '      protocol: HTTPS\n      port: 80'));
    const rows = g.nodes.find((n) => n.name === 'edge')?.rows ?? [];
    expect(rows.map((r) => r.problem?.severity ?? null)).toContain('error');
    expect(rows.find((r) => r.problem)?.problem?.message).toMatch(/^(Conflicted=True|Accepted=False|Programmed=False) /);
    // No listener can be programmed: the Gateway itself is not.
    const invalid = statusGraph(example.replace('protocol: HTTPS', 'protocol: FOO').replace('protocol: HTTP\n', 'protocol: BAR\n'));
    const gw = invalid.nodes.find((n) => n.name === 'edge');
    expect(gw?.badges.filter((b) => b.tone === 'error').map((b) => b.text)).toEqual(['Accepted: False']);
  });

  it('a backend the design lacks makes its rule row red, with the message on the row', () => {
    const g = statusGraph(example.replace('        - name: cart-v2\n          port: 8080\n          weight: 10', '        - name: cart-v3\n          port: 8080\n          weight: 10'));
    const cart = g.nodes.find((n) => n.name === 'cart' && n.kind === 'HTTPRoute');
    expect(cart?.rows.map((r) => r.problem ?? null)).toEqual([null, { severity: 'error', message: 'Service shop/cart-v3 is not in this design' }]);
  });
});

describe('conditionProblem', () => {
  const c = (type: string, status: 'True' | 'False', reason = 'R') => ({ type, status, reason, message: 'm', observedGeneration: 1 });
  it.each([
    [[c('Accepted', 'True'), c('Programmed', 'True')], null],
    [[c('Accepted', 'True'), c('Programmed', 'False', 'Invalid')], ['error', 'Programmed=False Invalid: m']],
    [[c('Conflicted', 'False')], null],
    [[c('Conflicted', 'True', 'HostnameConflict')], ['error', 'Conflicted=True HostnameConflict: m']],
    [[c('ResolvedRefs', 'False', 'InvalidCertificateRef')], ['warning', 'ResolvedRefs=False InvalidCertificateRef: m']],
    [[c('ResolvedRefs', 'False'), c('Accepted', 'False', 'NotAllowed')], ['error', 'Accepted=False NotAllowed: m']],
  ] as const)('%j → %j', (conditions, expected) => {
    const p = conditionProblem(conditions);
    expect(p ? [p.severity, p.message] : null).toEqual(expected);
  });
});
