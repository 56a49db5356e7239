import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { collapsedId, type GraphNode } from '../core/index';
import { NO_MARKS, selectChangeRows, selectCompareMarks, withCollapsed } from './compare-selectors';
import { createDesignStore, type DesignStore } from './design-store';
import { selectGraph } from './selectors';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const CART = 'gateway.networking.k8s.io/HTTPRoute/shop/cart';
const STOREFRONT = 'gateway.networking.k8s.io/HTTPRoute/shop/storefront';
const EDGE = 'gateway.networking.k8s.io/Gateway/infra/edge';
const V1 = 'core/Service/shop/cart-v1';
const V2 = 'core/Service/shop/cart-v2';

/** The storefront route, written with its rules in the order given. */
const STOREFRONT_DOC = example.slice(example.indexOf('# Everything else on www'), example.indexOf('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart-v1'));
const API_RULE = `    - matches:
        - path:
            type: PathPrefix
            value: /api/v1
      filters:
        - type: URLRewrite
          urlRewrite:
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /v1
      backendRefs:
        - name: catalog
          port: 8080
`;
const CATCH_ALL = `    - backendRefs:
        - name: storefront
          port: 80
`;
const HELP_RULE = `    - matches:
        - path:
            type: PathPrefix
            value: /help
      backendRefs:
        - name: catalog
          port: 8080
`;
const withStorefrontRules = (...rules: string[]): string => {
  const head = STOREFRONT_DOC.slice(0, STOREFRONT_DOC.indexOf('  rules:\n') + '  rules:\n'.length);
  return example.replace(STOREFRONT_DOC, `${head}${rules.join('')}`);
};
const CART_DOC = example.slice(example.indexOf('# The cart: 90/10 canary'), example.indexOf('# Everything else on www'));

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    if (!s.analyzing && !s.compare.running && s.compare.diff !== null) return;
  }
  throw new Error('the store did not settle');
}

/** The design `after`, compared with `before`. */
async function compared(before: string, after: string): Promise<DesignStore> {
  const store = createDesignStore({ analyzer: createSyncAnalyzer(), fileName: 'shop.yaml', simulatorDelayMs: 0, compareDelayMs: 0 });
  store.getState().loadText(after);
  store.getState().startCompare({ text: before, name: 'before.yaml', origin: 'file' });
  await settle(store);
  return store;
}

const node = (id: string, group: string): GraphNode => ({ id, role: 'route', kind: 'HTTPRoute', family: 'gateway-api', namespace: group, name: id, related: [], badges: [], rows: [], group, diagnostics: { error: 0, warning: 0, info: 0 } });

const markedEdges = (store: DesignStore): string[] => {
  const marks = selectCompareMarks(store.getState());
  const edges = selectGraph(store.getState()).edges;
  return Object.entries(marks.edges)
    .map(([id, mark]) => {
      const e = edges.find((x) => x.id === id);
      return `${mark} ${e?.kind} ${e?.sourceRow ?? e?.source} → ${e?.target}`;
    })
    .sort();
};

describe('selectCompareMarks on collapsed namespaces', () => {
  const SHOP = (store: DesignStore): string => selectGraph(store.getState()).nodes.find((n) => n.id === CART)?.group ?? '';

  it('a collapsed namespace holding a changed route is marked changed, and unmarked once nothing in it changes', async () => {
    const store = await compared(example, example.replace('weight: 90', 'weight: 50').replace('weight: 10', 'weight: 50'));
    const group = SHOP(store);
    expect(group).not.toBe('');
    store.getState().toggleNamespace(group);
    expect(selectCompareMarks(store.getState()).nodes[collapsedId(group)]).toBe('changed');
    // The infra namespace (the Gateway, whose status is the same) is not marked when collapsed.
    const infra = selectGraph(store.getState()).nodes.find((n) => n.id === EDGE)?.group ?? '';
    store.getState().toggleNamespace(infra);
    expect(selectCompareMarks(store.getState()).nodes[collapsedId(infra)]).toBeUndefined();
  });

  it('a namespace whose only change is a removed object is marked changed, never added', () => {
    const removed = { ...node('removed:x', 'team') };
    const marks = withCollapsed(
      { nodes: {}, rows: {}, edges: {}, removed: [removed], removedEdges: [] },
      { nodes: [node('a', 'team')], edges: [], groups: [], nodeByResource: {} },
      { team: true },
    );
    expect(marks.nodes).toEqual({ [collapsedId('team')]: 'changed' });
  });

  it('a namespace whose every object is new is marked added', () => {
    const marks = withCollapsed(
      { nodes: { a: 'added', b: 'added' }, rows: {}, edges: {}, removed: [], removedEdges: [] },
      { nodes: [node('a', 'team'), node('b', 'team'), node('c', 'other')], edges: [], groups: [], nodeByResource: {} },
      { team: true, other: true },
    );
    expect(marks.nodes).toEqual({ a: 'added', b: 'added', [collapsedId('team')]: 'added' });
  });
});

describe('selectCompareMarks', () => {
  it('a weight change marks the rule that decided and its backend edges, nothing else', async () => {
    const store = await compared(example, example.replace('weight: 90', 'weight: 50').replace('weight: 10', 'weight: 50'));
    const marks = selectCompareMarks(store.getState());
    expect(marks.rows).toEqual({ [`${CART}#rule:1`]: 'changed' });
    expect(marks.nodes).toEqual({ [CART]: 'changed' });
    expect(markedEdges(store)).toEqual([`changed backend ${CART}#rule:1 → ${V1}`, `changed backend ${CART}#rule:1 → ${V2}`]);
    expect(marks.removed).toEqual([]);
    // Memoised: the same reference until the diff or the graph changes.
    expect(selectCompareMarks(store.getState())).toBe(marks);
  });

  it('an added route is an added node, with its edges and rows added', async () => {
    const store = await compared(example.replace(CART_DOC, ''), example);
    const marks = selectCompareMarks(store.getState());
    // The Gateway's status changes (its listener attaches one route more); /cart went to the
    // storefront's catch-all rule before: both marked changed.
    expect(marks.nodes).toEqual({ [CART]: 'added', [EDGE]: 'changed', [STOREFRONT]: 'changed' });
    expect(marks.rows).toEqual({ [`${CART}#rule:0`]: 'added', [`${CART}#rule:1`]: 'added', [`${STOREFRONT}#rule:1`]: 'changed' });
    expect(store.getState().compare.diff?.status.map((x) => `${x.object.name} ${x.field}`)).toContain('edge listeners.https.attachedRoutes');
    expect(markedEdges(store)).toEqual([`added attach ${EDGE}#listener:https → ${CART}`, `added backend ${CART}#rule:0 → ${V2}`, `added backend ${CART}#rule:1 → ${V1}`, `added backend ${CART}#rule:1 → ${V2}`]);
    // The Services it sends to are in both versions: not marked.
    expect(marks.nodes[V1]).toBeUndefined();
    expect(marks.removed).toEqual([]);
  });

  it('a removed route is drawn from the before version, under ids that cannot meet the design’s', async () => {
    const store = await compared(example, example.replace(CART_DOC, ''));
    const marks = selectCompareMarks(store.getState());
    expect(marks.removed.map((n) => n.id)).toEqual([`removed:${CART}`]);
    expect(marks.removed[0]?.rows.map((r) => r.id)).toEqual([`removed:${CART}#rule:0`, `removed:${CART}#rule:1`]);
    // The rules that decided the changed classes are marked on the removed node.
    expect(marks.rows[`removed:${CART}#rule:1`]).toBe('changed');
    // Their other ends are the design's own (the Services' port rows are the same rows).
    expect(marks.removedEdges.map((e) => `${e.id.startsWith('removed:')} ${e.kind} ${e.sourceRow ?? e.source} → ${e.targetRow ?? e.target}`).sort()).toEqual([
      `true attach ${EDGE}#listener:https → removed:${CART}`,
      `true backend removed:${CART}#rule:0 → ${V2}#port:http`,
      `true backend removed:${CART}#rule:1 → ${V1}#port:http`,
      `true backend removed:${CART}#rule:1 → ${V2}#port:http`,
    ]);
    expect(marks.nodes[CART]).toBeUndefined();
  });

  it('rules reordered with the same routing mark nothing (Gateway API precedence does not follow order)', async () => {
    const store = await compared(withStorefrontRules(API_RULE, CATCH_ALL), withStorefrontRules(CATCH_ALL, API_RULE));
    expect(store.getState().compare.diff?.changes).toEqual([]);
    expect(selectCompareMarks(store.getState())).toMatchObject({ nodes: {}, rows: {}, edges: {}, removed: [], removedEdges: [] });
  });

  it('a rule inserted first is added; of the rules it pushed down only the one that decided before is marked', async () => {
    const store = await compared(withStorefrontRules(API_RULE, CATCH_ALL), withStorefrontRules(HELP_RULE, API_RULE, CATCH_ALL));
    const marks = selectCompareMarks(store.getState());
    // /help went to the catch-all (now rule 2) and goes to the new rule: both decided the changed class.
    expect(marks.rows).toEqual({ [`${STOREFRONT}#rule:0`]: 'added', [`${STOREFRONT}#rule:2`]: 'changed' });
    expect(marks.nodes).toEqual({ [STOREFRONT]: 'changed' });
    expect(markedEdges(store)).toEqual([`added backend ${STOREFRONT}#rule:0 → core/Service/shop/catalog`]);
  });

  it('a before version that does not read marks nothing', async () => {
    const store = await compared('kind: HTTPRoute\nmetadata: [\n', example);
    expect(store.getState().compare.failure).not.toBeNull();
    expect(selectCompareMarks(store.getState())).toBe(NO_MARKS);
  });
});

const MESH = (v1: number): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
    - match: [{headers: {end-user: {exact: jason}}}]
      route: [{destination: {host: reviews, subset: v2}}]
    - route:
        - {destination: {host: reviews, subset: v1}, weight: ${v1}}
        - {destination: {host: reviews, subset: v2}, weight: ${100 - v1}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  subsets:
    - {name: v1, labels: {version: v1}}
    - {name: v2, labels: {version: v2}}
---
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
`;

describe('selectCompareMarks in the mesh', () => {
  it('a VirtualService weight change marks its http rule (rows keyed by section) and the subset edges', async () => {
    const store = await compared(MESH(75), MESH(50));
    const VS = 'networking.istio.io/VirtualService/bookinfo/reviews';
    const marks = selectCompareMarks(store.getState());
    expect(store.getState().compare.diff?.changes[0]?.witness.mesh).not.toBeNull();
    expect(marks.rows).toEqual({ [`${VS}#rule:http:1`]: 'changed' });
    expect(Object.values(marks.edges)).toEqual(['changed', 'changed']);
    expect(selectChangeRows(store.getState())[0]?.request).toMatch(/ · from \S+\/\S+/);
  });
});

describe('selectChangeRows', () => {
  it('one row per changed class: its witness as one line, each side in short words', async () => {
    const store = await compared(example, example.replace('weight: 90', 'weight: 50').replace('weight: 10', 'weight: 50'));
    expect(selectChangeRows(store.getState())).toEqual([
      {
        index: 0,
        class: '200 → shop/cart-v1 90%, shop/cart-v2 10% ⇒ 200 → shop/cart-v1 50%, shop/cart-v2 50%',
        request: expect.stringMatching(/^GET https:\/\/www\.shop\.example\.com(:443)?\/cart\S* · via infra\/edge$/) as unknown,
        before: '200 → shop/cart-v1 90%, shop/cart-v2 10%',
        after: '200 → shop/cart-v1 50%, shop/cart-v2 50%',
        requests: expect.any(Number) as unknown,
      },
    ]);
  });
});
