import ELK from 'elkjs/lib/elk.bundled.js';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate';
import type { RouteGraph } from '../../core/index';
import { analyze, createSyncAnalyzer } from '../../store/analysis';
import { createDesignStore, selectViewGraph, type DesignStore, type Layouter, type XY } from '../../store/index';
import { EXAMPLES } from '../examples/catalog';
import { edgeRoutes } from './edge-geometry';
import { ROUTE_MAX_NODES } from './edge-routes';
import { aroundFixed, clearAround, layoutInLanes } from './canvas-layouter';
import { layoutCrossings } from './layered-order';
import { boundsOf, labelFaults, layoutFaults } from './layout-check';
import { packLanes, seedsFromElk, toElkGraph } from './layout-graph';
import { nodeSize } from './metrics';

/**
 * The layout as the canvas draws it — the layered order packed into lanes, then the edge routes —
 * over every curated example and a Bookinfo-sized design in both dialects: no edge through a node,
 * no node over another, no namespace box over a node it does not hold, no label over another;
 * small designs stay narrow enough to read at Fit; no more crossings than ELK's layered layout
 * (its bundled build, in-process, with the options the canvas used before) packed the same way
 * (the figures are printed).
 */

const elk = new ELK();
const layoutWithElk = async (graph: RouteGraph): Promise<Record<string, XY>> => packLanes(graph, seedsFromElk(await elk.layout(toElkGraph(graph))));
const graphOf = (name: string, text: string): RouteGraph => analyze({ files: [{ name, text }], seq: 1 }).graph;
const designs: [string, string][] = [
  ...EXAMPLES.map((e): [string, string] => [e.file, readFileSync(`public/examples/${e.file}`, 'utf8')]),
  ['bookinfo-istio.yaml', readFileSync('e2e/fixtures/layout/bookinfo-istio.yaml', 'utf8')],
  ['bookinfo-gateway-api.yaml', readFileSync('e2e/fixtures/layout/bookinfo-gateway-api.yaml', 'utf8')],
  // With Deployments and ServiceAccounts: workload pills hang under their Services.
  ['bookstore.yaml', readFileSync('e2e/fixtures/legible/bookstore.yaml', 'utf8')],
  ['bookinfo-like.yaml', readFileSync('e2e/fixtures/shown/bookinfo-like.yaml', 'utf8')],
];

/** Widest a small design may be laid out: at Fit, a ~950 px canvas shows its card titles at ≥ 11 px. */
const SMALL_WIDTH = 1150;

const texts = (graph: RouteGraph): Map<string, string> => new Map(graph.edges.flatMap((e) => (e.label !== undefined ? [[e.id, e.label] as const] : [])));

describe('layout quality', () => {
  it('covers every curated example', () => {
    expect(readdirSync('public/examples').sort()).toEqual(EXAMPLES.map((e) => e.file).sort());
  });

  it.each(designs)('%s: no edge through a node, nothing over anything, labels apart, no more crossings than ELK', async (name, text) => {
    const graph = graphOf(name, text);
    const positions = layoutInLanes(graph);
    const routes = edgeRoutes(graph, positions);
    expect(layoutFaults(graph, positions, routes)).toEqual([]);
    expect(labelFaults(routes, texts(graph))).toEqual([]);
    const box = boundsOf(graph, positions);
    const crossings = layoutCrossings(graph, positions);
    const elkCrossings = layoutCrossings(graph, await layoutWithElk(graph));
    console.info(`layout ${name}: ${Math.round(box.width)} × ${Math.round(box.height)} px, ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${crossings} crossings (ELK ${elkCrossings})`);
    expect(box.width).toBeLessThanOrEqual(SMALL_WIDTH);
    expect(crossings).toBeLessThanOrEqual(elkCrossings);
  });

  it('sees an edge through a node, nodes over each other and a namespace over a node it does not hold', async () => {
    const graph = graphOf('shop.yaml', designs.find(([n]) => n === 'shop.yaml')?.[1] ?? '');
    const positions = layoutInLanes(graph);
    const catalog = graph.nodes.find((n) => n.name === 'catalog');
    const cart = graph.nodes.find((n) => n.name === 'cart' && n.kind === 'HTTPRoute');
    const gatewayClass = graph.nodes.find((n) => n.kind === 'GatewayClass');
    const gateway = graph.nodes.find((n) => n.kind === 'Gateway');
    if (!catalog || !cart || !gatewayClass || !gateway) throw new Error('shop.yaml changed');
    const p = positions[cart.id] as XY;
    const g = positions[gateway.id] as XY;
    // A Service dropped across the cart route's edges; the GatewayClass over the Gateway's foot, in its namespace's box.
    const moved = { ...positions, [catalog.id]: { x: p.x + nodeSize(cart).width + 20, y: p.y }, [gatewayClass.id]: { x: g.x, y: g.y + nodeSize(gateway).height - 10 } };
    const routes = edgeRoutes(graph, positions);
    const kinds = new Set(layoutFaults(graph, moved, routes).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['edge-off-handle', 'edge-through-node', 'namespace-over-node', 'nodes-overlap']);
  });

  it('routes around a node placed by hand in an edge’s way', async () => {
    const graph = graphOf('shop.yaml', designs.find(([n]) => n === 'shop.yaml')?.[1] ?? '');
    const laid = layoutInLanes(graph);
    const storefront = graph.nodes.find((n) => n.name === 'storefront' && n.kind === 'HTTPRoute');
    const cartV1 = graph.nodes.find((n) => n.name === 'cart-v1');
    const secret = graph.nodes.find((n) => n.kind === 'Secret');
    if (!storefront || !cartV1 || !secret) throw new Error('shop.yaml changed');
    // The Secret dropped in the channel between the routes and the Services, across the split's edges.
    const s = laid[storefront.id] as XY;
    const v1 = laid[cartV1.id] as XY;
    const positions = aroundFixed(graph, laid, { [secret.id]: { x: s.x + nodeSize(storefront).width + 30, y: Math.round((s.y + v1.y) / 2) } });
    const routes = edgeRoutes(graph, positions);
    expect(layoutFaults(graph, positions, routes)).toEqual([]);
  });
});

/** The canvas's layouter: the layered order in lanes, then the hand-placed nodes and what they would cover. */
const layouter: Layouter = { layout: (graph, fixed = {}) => Promise.resolve(aroundFixed(graph, layoutInLanes(graph), fixed)), clear: clearAround };

async function laidOut(design: DesignStore): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 5));
    const s = design.getState();
    if (!s.analyzing && !s.layingOut && s.analysis?.seq === s.textSeq && s.laidOutKey !== null) return;
  }
  throw new Error('the design was not laid out');
}

const GATEWAY = (listeners: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
${listeners}`;
const HTTP = '    - {name: http, port: 80, protocol: HTTP}\n';
const HTTPS = '    - {name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate, certificateRefs: [{name: web-tls}]}}\n';

describe('layout after edits (issue 11, bug 4)', () => {
  it('an HTTPS listener grows a hand-placed Gateway: its namespace box does not cover the GatewayClass placed under it', async () => {
    const design = createDesignStore({ analyzer: createSyncAnalyzer(), layouter, fileName: 'd.yaml', simulatorDelayMs: 0 });
    design.getState().loadText(GATEWAY(HTTP));
    await laidOut(design);
    const graph = selectViewGraph(design.getState());
    const gateway = graph.nodes.find((n) => n.kind === 'Gateway');
    const gatewayClass = graph.nodes.find((n) => n.kind === 'GatewayClass');
    if (!gateway || !gatewayClass) throw new Error('no Gateway');
    // Both placed by hand: the class 30 px under the Gateway card, clear of its namespace box (18 px padding).
    design.getState().moveNode(gateway.id, { x: 0, y: 0 });
    design.getState().moveNode(gatewayClass.id, { x: 0, y: nodeSize(gateway).height + 30 });
    const before = design.getState();
    expect(layoutFaults(selectViewGraph(before), before.positions, new Map())).toEqual([]);

    design.getState().editText(GATEWAY(HTTP + HTTPS));
    await laidOut(design);
    const after = design.getState();
    const grown = selectViewGraph(after);
    expect(grown.nodes.find((n) => n.kind === 'Gateway')?.rows).toHaveLength(2);
    expect(layoutFaults(grown, after.positions, edgeRoutes(grown, after.positions))).toEqual([]);
    // The Gateway stays where it was put; the class moved down, clear of the box.
    expect(after.positions[gateway.id]).toEqual({ x: 0, y: 0 });
    expect(after.positions[gatewayClass.id]?.y).toBeGreaterThan(nodeSize(gateway).height + 30);
  });
});

describe('layout after a drop', () => {
  it('a node dropped over another stays where it is put; the covered one moves out of its way', async () => {
    const design = createDesignStore({ analyzer: createSyncAnalyzer(), layouter, fileName: 'd.yaml', simulatorDelayMs: 0 });
    design.getState().loadText(designs.find(([n]) => n === 'shop.yaml')?.[1] ?? '');
    await laidOut(design);
    const graph = selectViewGraph(design.getState());
    const catalog = graph.nodes.find((n) => n.name === 'catalog');
    const cart = graph.nodes.find((n) => n.name === 'cart' && n.kind === 'HTTPRoute');
    if (!catalog || !cart) throw new Error('shop.yaml changed');
    const onCart = { x: (design.getState().positions[cart.id]?.x ?? 0) + 40, y: (design.getState().positions[cart.id]?.y ?? 0) + 20 };
    design.getState().moveNode(catalog.id, onCart);
    const { positions } = design.getState();
    expect(positions[catalog.id]).toEqual(onCart);
    expect(layoutFaults(graph, positions, edgeRoutes(graph, positions))).toEqual([]);
  });
});

describe('routing time', () => {
  // Lanes from the layered order (the canvas's own path); the routes are what this measures.
  it.each([300, 600])('%i nodes', (size) => {
    // generateDesign(n) makes about 3 nodes a route; at most ROUTE_MAX_NODES, so routes are checked.
    const graph = graphOf('big.yaml', generateDesign(Math.floor(size / 3.05)).text);
    expect(graph.nodes.length).toBeLessThanOrEqual(ROUTE_MAX_NODES);
    const positions = layoutInLanes(graph);
    const t0 = performance.now();
    const routes = edgeRoutes(graph, positions);
    const ms = performance.now() - t0;
    console.info(`routes + labels for ${graph.nodes.length} nodes, ${graph.edges.length} edges: ${Math.round(ms)} ms`);
    expect(layoutFaults(graph, positions, routes)).toEqual([]);
  });
});
