import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer, type Analyzer } from './analysis';
import type { CompareAnswer, CompareRequest } from './comparison';
import type { CompareBefore } from './compare-types';
import { createDesignStore, type DesignStore } from './design-store';
import type { SimulationAnswer } from './simulation';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
/** The cart's canary moves from 10 % to 50 %. */
const reweighted = example.replace('weight: 90', 'weight: 50').replace('weight: 10', 'weight: 50');
const before = (text: string, origin: CompareBefore['origin'] = 'paste'): CompareBefore => ({ text, name: 'pasted text', origin });

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    if (!s.analyzing && !s.compare.running && (s.compare.picked === null || s.compare.answers !== null || s.compare.diff === null)) return;
  }
  throw new Error('the store did not settle');
}

async function setup(text = reweighted, analyzer: Analyzer = createSyncAnalyzer()): Promise<DesignStore> {
  const store = createDesignStore({ analyzer, fileName: 'shop.yaml', simulatorDelayMs: 0, compareDelayMs: 0 });
  store.getState().loadText(text);
  await settle(store);
  return store;
}

const sides = (a: SimulationAnswer | undefined): string[] =>
  a?.kind === 'decision' ? a.decision.backends.map((b) => `${b.name} ${Math.round(b.probability * 100)}%`) : [String(a?.kind)];

describe('compare view: start, recompute, stop', () => {
  it('startCompare diffs the before version with the design shown', async () => {
    const store = await setup();
    store.getState().startCompare(before(example));
    expect(store.getState().compare.before?.text).toBe(example);
    await settle(store);
    const c = store.getState().compare;
    expect(c.failure).toBeNull();
    expect(c.diff?.compared).toBe(true);
    expect(c.diff?.changes.map((x) => x.class)).toEqual(['200 → shop/cart-v1 90%, shop/cart-v2 10% ⇒ 200 → shop/cart-v1 50%, shop/cart-v2 50%']);
    expect(c.diffSeq).toBe(store.getState().shown?.seq);
    expect(c.beforeGraph?.nodes.length).toBeGreaterThan(0);
    expect(c.beforeTableId).toBeLessThan(0);
    expect(c.running).toBe(false);
  });

  it('an edit of the design is diffed again; the unchanged before version is not reviewed again', async () => {
    const analyzer = createSyncAnalyzer();
    const store = await setup(reweighted, analyzer);
    store.getState().startCompare(before(example));
    await settle(store);
    const first = store.getState().compare;
    store.getState().editText(example);
    await settle(store);
    const c = store.getState().compare;
    expect(c.diffSeq).toBe(store.getState().shown?.seq);
    expect(c.diffSeq).not.toBe(first.diffSeq);
    expect(c.diff?.changes).toEqual([]);
    // The before version kept by its text: the same table and the same graph object.
    expect(c.beforeTableId).toBe(first.beforeTableId);
    expect(c.beforeGraph).toBe(first.beforeGraph);
  });

  it('stopCompare leaves the view, and a late answer is dropped', async () => {
    const store = await setup();
    store.getState().startCompare(before(example));
    store.getState().stopCompare();
    await settle(store);
    expect(store.getState().compare).toMatchObject({ before: null, diff: null, running: false, picked: null, answers: null });
  });

  it('loading another design keeps the before version and diffs it with the new one', async () => {
    const store = await setup(example);
    store.getState().startCompare(before(example));
    await settle(store);
    expect(store.getState().compare.diff?.changes).toEqual([]);
    store.getState().loadText(reweighted, 'pasted.yaml');
    await settle(store);
    const c = store.getState().compare;
    expect(c.before?.text).toBe(example);
    expect(c.diff?.changes).toHaveLength(1);
  });

  it('a before version that does not read is said, not a crash: no changes, its problems', async () => {
    const store = await setup();
    store.getState().startCompare(before('kind: HTTPRoute\nmetadata: [\n'));
    await settle(store);
    const c = store.getState().compare;
    expect(c.diff?.compared).toBe(false);
    expect(c.diff?.changes).toEqual([]);
    expect(c.failure).toMatch(/^The before version does not read — line 3: YAML/);
    expect(c.beforeTableId).toBeNull();
    expect(c.running).toBe(false);
  });
});

describe('compare view: stale answers', () => {
  it('an answer of an older revision is dropped: only the newest diff is applied', async () => {
    const sync = createSyncAnalyzer();
    const held: { request: CompareRequest; release: () => void }[] = [];
    const analyzer: Analyzer = {
      ...sync,
      compare: (request) =>
        new Promise<CompareAnswer>((resolve) => {
          held.push({ request, release: () => void sync.compare?.(request).then(resolve) });
        }),
    };
    const store = await setup(reweighted, analyzer);
    store.getState().startCompare(before(example));
    expect(held).toHaveLength(1);
    // A new before version while the first compare is under way: one in flight, the next waits.
    store.getState().startCompare(before(reweighted));
    expect(held).toHaveLength(1);
    held[0]?.release();
    await new Promise((r) => setTimeout(r, 0));
    // The stale answer was dropped; the newest request went out.
    expect(store.getState().compare.diff).toBeNull();
    expect(held).toHaveLength(2);
    expect(held[1]?.request.before.files[0]?.text).toBe(reweighted);
    held[1]?.release();
    await settle(store);
    expect(store.getState().compare.diff?.changes).toEqual([]);
    expect(store.getState().compare.before?.text).toBe(reweighted);
  });
});

describe('compare view: a change picked', () => {
  it('simulates its witness on both versions: two answers that differ', async () => {
    const store = await setup();
    store.getState().startCompare(before(example));
    await settle(store);
    store.getState().pickChange(0);
    await settle(store);
    const c = store.getState().compare;
    expect(c.picked).toBe(0);
    expect(c.answers?.before.tableId).toBe(c.beforeTableId);
    expect(c.answers?.after.tableId).toBe(store.getState().shown?.tableId);
    expect(sides(c.answers?.before)).toEqual(['cart-v1 90%', 'cart-v2 10%']);
    expect(sides(c.answers?.after)).toEqual(['cart-v1 50%', 'cart-v2 50%']);
    store.getState().pickChange(null);
    expect(store.getState().compare).toMatchObject({ picked: null, answers: null });
  });

  it('the pick follows its change through a new diff, and goes when the change does', async () => {
    const store = await setup();
    store.getState().startCompare(before(example));
    await settle(store);
    store.getState().pickChange(0);
    await settle(store);
    store.getState().editText(`${reweighted}\n# a comment\n`);
    await settle(store);
    expect(store.getState().compare.picked).toBe(0);
    expect(store.getState().compare.answers?.after.tableId).toBe(store.getState().shown?.tableId);
    store.getState().editText(example);
    await settle(store);
    expect(store.getState().compare).toMatchObject({ picked: null, answers: null });
  });
});

describe('compare view: a table the analyzer no longer holds', () => {
  it('a pick answered "unavailable" (a fresh worker) diffs again once, then simulates the pick again', async () => {
    const sync = createSyncAnalyzer();
    let compares = 0;
    let unavailable = 1;
    const analyzer: Analyzer = {
      ...sync,
      compare: (request) => {
        compares++;
        return sync.compare?.(request) ?? Promise.reject(new Error('no compare'));
      },
      simulate: (request) => {
        if (request.tableId < 0 && unavailable-- > 0) return Promise.resolve({ seq: request.seq, tableId: request.tableId, kind: 'unavailable' });
        return sync.simulate?.(request) ?? Promise.reject(new Error('no simulate'));
      },
    };
    const store = await setup(reweighted, analyzer);
    store.getState().startCompare(before(example));
    await settle(store);
    expect(compares).toBe(1);
    store.getState().pickChange(0);
    await settle(store);
    expect(compares).toBe(2);
    expect(sides(store.getState().compare.answers?.before)).toEqual(['cart-v1 90%', 'cart-v2 10%']);
  });
});

describe('the design as opened', () => {
  it('is the text of the last load, not changed by typing', async () => {
    const store = await setup(example);
    const { openedText, openedAt } = store.getState();
    expect(openedText).toBe(example);
    expect(typeof openedAt).toBe('number');
    store.getState().editText(reweighted);
    await settle(store);
    expect(store.getState().openedText).toBe(example);
    store.getState().loadText(reweighted, 'other.yaml');
    expect(store.getState().openedText).toBe(reweighted);
  });

  it('is the redacted text when the load is redacted (the editor holds that one)', async () => {
    const store = await setup('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {tls.key: c2VjcmV0}\n');
    const s = store.getState();
    expect(s.textCause).toBe('redact');
    expect(s.openedText).toBe(s.text);
    expect(s.openedText).not.toContain('c2VjcmV0');
  });
});

describe('compare view for a target', () => {
  /**
   * NGINX Gateway Fabric reads a path regex from the start of the path (core simulate's
   * implementation table): `RegularExpression /api` → `Exact /api` changes /api/v1 only for it;
   * with no target (RE2, whole path) both take the same requests.
   */
  const design = (pathType: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: edge
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: ${pathType}, value: /api}}]
    backendRefs: [{name: a, port: 80}]
  - matches: [{path: {type: Exact, value: /api/v1}, headers: [{name: x-canary, value: "1"}]}]
    backendRefs: [{name: a, port: 80}]
`;

  it.each([
    ['', []],
    ['implementation=nginx-gateway-fabric', ['/api/v1 200→404']],
  ])('target "%s": the changes are simulated for it', async (target, expected) => {
    const store = await setup(design('Exact'));
    store.getState().setTarget(target);
    await settle(store);
    store.getState().startCompare(before(design('RegularExpression')));
    await settle(store);
    const c = store.getState().compare;
    expect(c.failure).toBeNull();
    expect(c.diff?.changes.map((x) => `${new URL(x.witness.request.split(' ')[1] ?? '').pathname} ${x.before.status}→${x.after.status}`)).toEqual(expected);
  });
});
