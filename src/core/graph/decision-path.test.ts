import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import { ask as askRequest } from '../simulate/testing.js';
import type { MeshClient } from '../simulate/types.js';
import { decisionPath, traceTarget } from './decision-path.js';
import { compiledGraphOf, short } from './test-helpers.js';
import type { RouteGraph } from './types.js';

function setup(yaml: string) {
  const { compiled, graph } = compiledGraphOf(yaml);
  const ask = (line: string, headers: string[] = [], mesh?: MeshClient) => askRequest(compiled, line, headers, mesh ? { mesh } : {});
  return { graph, ask };
}

/** The lit path, readable: nodes, rows and `edge share` lines with ids shortened. */
function lit(graph: RouteGraph, path: ReturnType<typeof decisionPath>) {
  const edge = (id: string) => graph.edges.find((e) => e.id === id);
  const end = (node: string, row?: string) => `${short(node)}${row ? `#${row.slice(row.indexOf('#') + 1)}` : ''}`;
  return {
    nodes: [...path.nodes].map(short),
    rows: [...path.rows].map((r) => r.slice(r.indexOf('#') + 1)),
    edges: [...path.edges].map(([id, share]) => {
      const e = edge(id);
      return e ? `${e.kind} ${end(e.source, e.sourceRow)} -> ${end(e.target, e.targetRow)} ${share}` : id;
    }),
  };
}

describe('decisionPath: the simulator answer on the canvas', () => {
  const { graph, ask } = setup(example);

  it('GET /cart: gateway → https listener → cart → rule 1 → cart-v1 90 % / cart-v2 10 %', () => {
    expect(lit(graph, decisionPath(graph, ask('GET https://www.shop.example.com/cart')))).toEqual({
      nodes: ['Gateway/infra/edge', 'HTTPRoute/shop/cart', 'Service/shop/cart-v1', 'Service/shop/cart-v2'],
      rows: ['listener:https', 'rule:1', 'port:http', 'port:http'],
      edges: [
        'attach Gateway/infra/edge#listener:https -> HTTPRoute/shop/cart 1',
        'backend HTTPRoute/shop/cart#rule:1 -> Service/shop/cart-v1#port:http 0.9',
        'backend HTTPRoute/shop/cart#rule:1 -> Service/shop/cart-v2#port:http 0.1',
      ],
    });
  });

  it('x-canary: 1 → rule 0 → cart-v2 only', () => {
    const path = lit(graph, decisionPath(graph, ask('GET https://www.shop.example.com/cart', ['x-canary: 1'])));
    expect(path.rows).toEqual(['listener:https', 'rule:0', 'port:http']);
    expect(path.edges.slice(1)).toEqual(['backend HTTPRoute/shop/cart#rule:0 -> Service/shop/cart-v2#port:http 1']);
  });

  it('a redirect lights the route and its rule, and no backend', () => {
    const path = lit(graph, decisionPath(graph, ask('GET http://www.shop.example.com/x')));
    expect(path.nodes).toEqual(['Gateway/infra/edge', 'HTTPRoute/infra/https-redirect']);
    expect(path.rows).toEqual(['listener:http', 'rule:0']);
  });

  it('an unknown host lights nothing', () => {
    const path = decisionPath(graph, ask('GET https://nowhere.example.org/'));
    expect([path.nodes.size, path.rows.size, path.edges.size]).toEqual([0, 0, 0]);
  });

  it('a backend the design lacks lights its placeholder', () => {
    const s = setup(example.replace('        - name: cart-v2\n          port: 8080\n          weight: 10', '        - name: cart-v3\n          port: 8080\n          weight: 10'));
    const path = lit(s.graph, decisionPath(s.graph, s.ask('GET https://www.shop.example.com/cart')));
    expect(path.nodes).toContain('missing:Service/shop/cart-v3');
    expect(path.edges).toContain('backend HTTPRoute/shop/cart#rule:1 -> missing:Service/shop/cart-v3 0.1');
  });
});

describe('traceTarget: a trace step → the node (and row) it is about', () => {
  const { graph, ask } = setup(example);

  it('maps every step of the /cart trace', () => {
    const d = ask('GET https://www.shop.example.com/cart');
    expect(d.trace.map((t) => {
      const target = traceTarget(graph, t);
      return target ? `${short(target.node)}${target.row ? `#${target.row.slice(target.row.indexOf('#') + 1)}` : ''}` : null;
    })).toEqual([
      'Gateway/infra/edge',
      'Gateway/infra/edge#listener:https',
      null, // a virtual host: a domain, no object
      'HTTPRoute/shop/storefront#rule:0',
      'HTTPRoute/shop/cart#rule:0',
      'HTTPRoute/shop/cart#rule:1',
      'HTTPRoute/shop/storefront#rule:1',
    ]);
  });

  it.each([
    ['HTTPRoute shop/cart', 'HTTPRoute/shop/cart'],
    ['Service shop/cart-v1', 'Service/shop/cart-v1'],
    ['GatewayClass /istio', 'GatewayClass//istio'],
    ['Gateway infra/nowhere', null],
    ['www.shop.example.com', null],
  ])('%s → %s', (ref, expected) => {
    const t = traceTarget(graph, { step: 'route', ref, result: 'skipped', reason: '' });
    expect(t ? short(t.node) : null).toBe(expected);
  });
});
