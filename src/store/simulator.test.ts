import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession, createSyncAnalyzer, type Analyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { selectGraph } from './selectors';
import type { SimulationAnswer, SimulationRequest } from './simulation';
import { DEFAULT_SIMULATOR_INPUT, newKeyValue } from './simulator';
import { selectDecision, selectDecisionPath, selectEdgeLit, selectNodeLit, selectRowLit, selectTraceTarget } from './simulator-selectors';
import { selectObjectStatus } from './status-selectors';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const CART = 'gateway.networking.k8s.io/HTTPRoute/shop/cart';
const EDGE = 'gateway.networking.k8s.io/Gateway/infra/edge';

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    if (!s.analyzing && !s.simulator.running) return;
  }
  throw new Error('the store did not settle');
}

async function setup(analyzer: Analyzer = createSyncAnalyzer(), text = example) {
  const store = createDesignStore({ analyzer, fileName: 'shop.yaml', simulatorDelayMs: 0 });
  store.getState().loadText(text);
  await settle(store);
  return store;
}

const shares = (store: DesignStore) => selectDecision(store.getState())?.backends.map((b) => `${b.name} ${b.probability}`);

describe('analysis compiles: status and compile diagnostics', () => {
  it('the example compiles clean, with the status of every Gateway API object', async () => {
    const store = await setup();
    const a = store.getState().analysis;
    expect(a?.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(a?.status?.items.map((i) => `${i.kind} ${i.metadata.name}`)).toEqual(['GatewayClass istio', 'Gateway edge', 'HTTPRoute https-redirect', 'HTTPRoute cart', 'HTTPRoute storefront']);
    expect(a?.tableId).toBe(a?.seq);
    expect(selectObjectStatus(store.getState(), CART)?.status.parents?.[0]?.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(['Accepted=True', 'ResolvedRefs=True']);
  });

  it('a route the Gateway refuses is a located warning, and a dashed edge on the canvas', async () => {
    const store = await setup(createSyncAnalyzer(), example.replace('sectionName: https\n  hostnames:\n    - www.shop.example.com\n  rules:\n    - matches', 'sectionName: httpz\n  hostnames:\n    - www.shop.example.com\n  rules:\n    - matches'));
    const s = store.getState();
    const d = s.analysis?.diagnostics.find((x) => x.code === 'RouteNotAccepted');
    expect(d).toMatchObject({ severity: 'warning', resource: { name: 'cart' }, path: 'spec.parentRefs[0]' });
    expect(example.split('\n')[(d?.line ?? 0) - 1]).toContain('- name: edge');
    const dashed = selectGraph(s).edges.filter((e) => e.detached);
    expect(dashed.map((e) => [e.target, e.detached?.reason])).toEqual([[CART, 'NoMatchingParent']]);
  });

  it('a broken YAML is not compiled: no table, no status, and the canvas keeps the last good one', async () => {
    const store = await setup();
    store.getState().editText(example.replace('weight: 90', 'weight 90'));
    await settle(store);
    const s = store.getState();
    expect(s.analysis?.broken).toBe(true);
    expect([s.analysis?.tableId, s.analysis?.status]).toEqual([null, null]);
    expect(s.shown?.tableId).not.toBeNull();
  });
});

describe('simulator: through the analyzer, against the table of the shown analysis', () => {
  it('is off until asked; GET /cart answers 200, 90 % cart-v1 and 10 % cart-v2, and lights the path', async () => {
    const store = await setup();
    expect(selectDecision(store.getState())).toBeNull();
    expect(selectNodeLit(store.getState(), CART)).toBeNull();

    store.getState().startSimulator();
    await settle(store);
    const s = store.getState();
    expect(selectDecision(s)?.status).toBe(200);
    expect(shares(store)).toEqual(['cart-v1 0.9', 'cart-v2 0.1']);
    expect(selectNodeLit(s, CART)).toBe('on');
    expect(selectNodeLit(s, 'gateway.networking.k8s.io/HTTPRoute/shop/storefront')).toBe('dim');
    expect(selectRowLit(s, `${EDGE}#listener:https`)).toBe(true);
    expect(selectRowLit(s, `${EDGE}#listener:http`)).toBe(false);
    const splits = selectGraph(s).edges.filter((e) => e.source === CART).map((e) => selectEdgeLit(s, e.id));
    expect(splits).toEqual(['dim', 0.9, 0.1]);
  });

  it('follows the request as it is typed: a canary header sends everything to cart-v2', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    store.getState().setSimulatorInput({ headers: [newKeyValue('x-canary', '1')] });
    await settle(store);
    expect(shares(store)).toEqual(['cart-v2 1']);
    store.getState().setSimulatorInput({ url: 'http://www.shop.example.com/x', headers: [] });
    await settle(store);
    expect(selectDecision(store.getState())?.redirect).toEqual({ status: 301, location: 'https://www.shop.example.com/x' });
  });

  it('follows the design: a new weight changes the answer', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    store.getState().editText(example.replace('weight: 90', 'weight: 30'));
    await settle(store);
    expect(shares(store)).toEqual(['cart-v1 0.75', 'cart-v2 0.25']);
  });

  it('an unreadable request is an answer that says why, and lights nothing', async () => {
    const store = await setup();
    store.getState().setSimulatorInput({ url: 'ftp://www.shop.example.com/' });
    await settle(store);
    const s = store.getState();
    expect(s.simulator.answer).toMatchObject({ kind: 'invalid', error: expect.stringContaining('unknown scheme ftp') });
    expect(selectDecisionPath(s)).toBeNull();
  });

  it('a mesh request goes from a workload to a Service; a bad workload name is explained', async () => {
    const store = await setup();
    store.getState().setSimulatorInput({ mode: 'mesh', from: 'shop/frontend', url: 'http://cart-v1.shop:8080/cart' });
    await settle(store);
    expect(selectDecision(store.getState())?.gateway).toEqual({ kind: 'Service', namespace: 'shop', name: 'cart-v1' });
    store.getState().setSimulatorInput({ from: 'frontend' });
    await settle(store);
    expect(store.getState().simulator.answer).toMatchObject({ kind: 'invalid', error: expect.stringContaining('namespace/workload') });
  });

  it('clear hides the answer and the path', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    store.getState().clearSimulator();
    const s = store.getState();
    expect([selectDecision(s), selectDecisionPath(s), selectNodeLit(s, CART)]).toEqual([null, null, null]);
    expect(s.simulator.input).toEqual(DEFAULT_SIMULATOR_INPUT);
  });

  it('maps a trace step to the node and row it names', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    const s = store.getState();
    const step = selectDecision(s)?.trace.find((t) => t.ref === 'HTTPRoute shop/cart rule 1 match 1');
    expect(step?.reason).toBe('header x-canary absent');
    expect(step && selectTraceTarget(s, step)).toEqual({ node: CART, row: `${CART}#rule:0` });
  });
});

const canary = readFileSync(new URL('../../public/examples/canary.yaml', import.meta.url), 'utf8');
const meshRoute = readFileSync(new URL('../../public/examples/mesh-route.yaml', import.meta.url), 'utf8');
const GATEWAY = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gateway, namespace: default}\nspec: {gatewayClassName: istio, listeners: [{name: http, protocol: HTTP, port: 80}]}\n';

describe('simulator: another design opened (New, an example, an import)', () => {
  it('loading another example proposes its own request: 200 on its route, not the 404 of the shop request', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    store.getState().loadText(canary, 'canary.yaml');
    await settle(store);
    const s = store.getState();
    expect([s.simulator.input.url, s.simulator.input.mode]).toEqual(['http://shop.example.com/checkout', 'gateway']);
    // The simulator was on: it answers again, for the new design's request.
    expect([selectDecision(s)?.status, shares(store)]).toEqual([200, ['checkout-v1 0.9', 'checkout-v2 0.1']]);
  });

  it('New then an example, with the simulator tab open: the example is answered at once', async () => {
    const store = await setup();
    store.getState().setPanelTab('simulator');
    store.getState().startSimulator();
    await settle(store);
    store.getState().loadText('', 'design.yaml');
    await settle(store);
    expect(store.getState().simulator.active).toBe(false);
    store.getState().loadText(canary, 'canary.yaml');
    await settle(store);
    expect([selectDecision(store.getState())?.status, shares(store)]).toEqual([200, ['checkout-v1 0.9', 'checkout-v2 0.1']]);
  });

  it('a mesh-only design proposes a mesh request from a workload of its namespace', async () => {
    const store = await setup();
    store.getState().loadText(meshRoute, 'mesh-route.yaml');
    await settle(store);
    const input = store.getState().simulator.input;
    expect([input.mode, input.url, input.from]).toEqual(['mesh', 'http://payments.payments:8080/', 'payments/client']);
  });

  it('the embedded example keeps its first request (its host is one the design names)', async () => {
    const store = await setup();
    expect(store.getState().simulator.input).toEqual(DEFAULT_SIMULATOR_INPUT);
  });

  it('after New, nothing is dimmed by the old answer: new objects are drawn plain until the user simulates', async () => {
    const store = await setup();
    store.getState().startSimulator();
    await settle(store);
    expect(selectNodeLit(store.getState(), 'gateway.networking.k8s.io/HTTPRoute/shop/storefront')).toBe('dim');
    store.getState().loadText('', 'design.yaml');
    await settle(store);
    expect(store.getState().simulator.active).toBe(false);
    store.getState().replaceText(GATEWAY, 'edit');
    await settle(store);
    const s = store.getState();
    expect([s.simulator.active, selectNodeLit(s, 'gateway.networking.k8s.io/Gateway/default/gateway')]).toEqual([false, null]);
    // The request follows the design being drawn while the user has not written one.
    expect(s.simulator.input.url).toBe('http://example.com/');
  });

  it('a request the user wrote is kept as the design is edited, and asked again', async () => {
    const store = await setup();
    store.getState().loadText('', 'design.yaml');
    await settle(store);
    store.getState().setSimulatorInput({ url: 'http://mine.example.com/x' });
    store.getState().replaceText(GATEWAY, 'edit');
    await settle(store);
    expect([store.getState().simulator.input.url, selectDecision(store.getState())?.status]).toEqual(['http://mine.example.com/x', 404]);
  });
});

/** An analyzer whose simulate answers wait until the test releases them, in any order. */
function heldAnalyzer() {
  const inner = createSyncAnalyzer();
  const held: { request: SimulationRequest; release: () => void }[] = [];
  const analyzer: Analyzer = {
    analyze: (r) => inner.analyze(r),
    simulate: (request) =>
      new Promise<SimulationAnswer>((resolve) => {
        held.push({ request, release: () => void inner.simulate?.(request).then(resolve) });
      }),
    dispose: () => undefined,
  };
  return { analyzer, held };
}

describe('simulator: stale answers are dropped', () => {
  it('one request at a time; edits made meanwhile are asked next, and the old answer is not applied', async () => {
    const { analyzer, held } = heldAnalyzer();
    const store = await setup(analyzer);
    store.getState().startSimulator();
    await Promise.resolve();
    expect(held).toHaveLength(1);
    store.getState().setSimulatorInput({ headers: [newKeyValue('x-canary', '1')] });
    store.getState().setSimulatorInput({ url: 'https://www.shop.example.com/cart/items' });
    expect(held).toHaveLength(1); // still in flight: the edits wait

    held[0]?.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().simulator.answer).toBeNull(); // of revision 1: stale
    expect(held).toHaveLength(2);
    expect(held[1]?.request.input.url).toBe('https://www.shop.example.com/cart/items');

    held[1]?.release();
    await settle(store);
    expect(shares(store)).toEqual(['cart-v2 1']);
    expect(store.getState().simulator.answer?.seq).toBe(store.getState().simulator.revision);
  });

  it('an answer that arrives after Clear is dropped', async () => {
    const { analyzer, held } = heldAnalyzer();
    const store = await setup(analyzer);
    store.getState().startSimulator();
    await Promise.resolve();
    store.getState().clearSimulator();
    held[0]?.release();
    await settle(store);
    expect(store.getState().simulator.answer).toBeNull();
  });
});

describe('analysis session: the tables it keeps', () => {
  it('answers against the table a request names, and says when it no longer has it', () => {
    const session = createAnalysisSession();
    const files = (text: string) => [{ name: 'shop.yaml', text }];
    const first = session.analyze({ seq: 1, files: files(example) });
    session.analyze({ seq: 2, files: files(example.replace('weight: 90', 'weight: 30')) });
    const input = DEFAULT_SIMULATOR_INPUT;
    const ask = (tableId: number) => session.simulate({ seq: 9, tableId, input });
    const one = ask(first.tableId ?? -1);
    expect(one.kind === 'decision' && one.decision.backends.map((b) => b.probability)).toEqual([0.9, 0.1]);
    const two = ask(2);
    expect(two.kind === 'decision' && two.decision.backends.map((b) => b.probability)).toEqual([0.75, 0.25]);
    session.analyze({ seq: 3, files: files(example) });
    expect(ask(1)).toEqual({ seq: 9, tableId: 1, kind: 'unavailable' });
    // A broken text compiles nothing and keeps the tables it had.
    session.analyze({ seq: 4, files: files('kind: [') });
    expect(ask(3).kind).toBe('decision');
  });
});
