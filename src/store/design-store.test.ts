import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, createSyncAnalyzer, type Analysis, type AnalysisRequest, type Analyzer } from './analysis';
import { createDesignStore, diagnosticsOfSelection, type DesignStore } from './design-store';
import type { Layouter } from './layout';
import { selectGraph, selectIsStale, selectNode, selectViewGraph } from './selectors';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const CART = 'gateway.networking.k8s.io/HTTPRoute/shop/cart';

/** A layouter that puts nodes in a row and counts its calls. */
function fakeLayouter(): Layouter & { calls: number } {
  const l = {
    calls: 0,
    layout(graph: Parameters<Layouter['layout']>[0]) {
      l.calls++;
      return Promise.resolve(Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }])));
    },
  };
  return l;
}

/** Waits until the store has no analysis running (the sync analyzer still answers asynchronously). */
async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!store.getState().analyzing) return;
  }
  throw new Error('the store did not settle');
}

function setup(analyzer: Analyzer = createSyncAnalyzer()) {
  const layouter = fakeLayouter();
  const store = createDesignStore({ analyzer, layouter, fileName: 'shop.yaml' });
  return { store, layouter };
}

const edgeLabels = (store: DesignStore): string[] =>
  selectGraph(store.getState())
    .edges.filter((e) => e.kind === 'backend' && e.source === CART)
    .map((e) => e.label ?? '');

describe('design store: text → analysis → graph', () => {
  it('loads a document, analyses it and lays out its graph', async () => {
    const { store, layouter } = setup();
    store.getState().loadText(example);
    await settle(store);
    const s = store.getState();
    expect(s.analysis?.counts.error).toBe(0);
    expect(s.shown).toBe(s.analysis);
    expect(selectNode(s, CART)?.rows).toHaveLength(2);
    expect(edgeLabels(store)).toEqual(['100 %', '90 · 90 %', '10 · 10 %']);
    expect(layouter.calls).toBe(1);
    expect(s.layingOut).toBe(false);
    expect(Object.keys(s.positions)).toHaveLength(selectGraph(s).nodes.length);
  });

  it('keeps the last good graph while the YAML is broken, and updates once it is fixed', async () => {
    const { store, layouter } = setup();
    store.getState().loadText(example);
    await settle(store);
    const good = store.getState().shown;

    const broken = example.replace('          weight: 90', '          weight 90');
    store.getState().editText(broken);
    await settle(store);
    let s = store.getState();
    expect(s.analysis?.broken).toBe(true);
    expect(s.analysis?.diagnostics.map((d) => d.code)).toContain('YAMLSyntax');
    expect(s.shown).toBe(good);
    expect(selectIsStale(s)).toBe(true);
    expect(selectNode(s, CART)).toBeDefined();

    store.getState().editText(example.replace('weight: 90', 'weight: 80'));
    await settle(store);
    s = store.getState();
    expect(selectIsStale(s)).toBe(false);
    expect(edgeLabels(store)).toEqual(['100 %', '80 · 88.9 %', '10 · 11.1 %']);
    expect(layouter.calls).toBe(1); // same structure: nothing moves
  });

  it('runs one analysis at a time, coalesces edits made meanwhile and drops stale answers', async () => {
    const requests: AnalysisRequest[] = [];
    const resolvers: (() => void)[] = [];
    const analyzer: Analyzer = {
      analyze(request) {
        requests.push(request);
        return new Promise<Analysis>((resolve) => resolvers.push(() => resolve(analyze(request))));
      },
      dispose: () => undefined,
    };
    const { store } = setup(analyzer);
    store.getState().loadText('apiVersion: v1\nkind: Service\nmetadata: {name: a}\n');
    store.getState().editText('apiVersion: v1\nkind: Service\nmetadata: {name: b}\n');
    store.getState().editText('apiVersion: v1\nkind: Service\nmetadata: {name: c}\n');
    expect(requests).toHaveLength(1);
    resolvers[0]?.(); // the answer for "a" is stale: dropped, and "c" is asked for
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().analysis).toBeNull();
    expect(requests.map((r) => r.seq)).toEqual([1, 3]);
    resolvers[1]?.();
    await settle(store);
    expect(store.getState().analysis?.resources.map((r) => r.name)).toEqual(['c']);
  });

  it('replaces the text when parsing redacted Secret values', async () => {
    const { store } = setup();
    store.getState().loadText('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {tls.key: c2VjcmV0}\n');
    await settle(store);
    const s = store.getState();
    expect(s.text).not.toContain('c2VjcmV0');
    expect(s.textReplaced).toBe(2);
    expect(s.analysis?.seq).toBe(s.textSeq);
    expect(s.analysis?.diagnostics.map((d) => d.code)).toEqual(['SecretRedacted']);
  });
});

describe('design store: selection and view state', () => {
  it('opening a problem reveals its range and selects its resource\'s node', async () => {
    const { store } = setup();
    store.getState().loadText(example.replace('  name: cart\n', '  name: cart\n  bogus: [\n'));
    await settle(store);
    const s = store.getState();
    expect(s.analysis?.broken).toBe(true);
    const index = s.analysis?.diagnostics.findIndex((d) => d.code === 'YAMLSyntax') ?? -1;
    s.openProblem(index);
    const after = store.getState();
    expect(after.reveal?.line).toBe(s.analysis?.diagnostics[index]?.line);
    expect(after.selection).toBeNull(); // nothing good was ever shown: no node to select

    store.getState().editText(example);
    await settle(store);
    store.getState().select(CART, { reveal: true });
    const cart = store.getState().analysis?.resources.find((r) => r.id === CART);
    expect(store.getState().reveal).toMatchObject({ line: cart?.source.line, endLine: (cart?.source.endLine ?? 0) + 1 });
  });

  it('a problem in a document that no longer parses selects the node the canvas still shows there', async () => {
    const { store } = setup();
    store.getState().loadText(example);
    await settle(store);
    store.getState().editText(example.replace('          weight: 90', '          weight 90'));
    await settle(store);
    const s = store.getState();
    const index = s.analysis?.diagnostics.findIndex((d) => d.code === 'YAMLSyntax') ?? -1;
    expect(s.analysis?.owners[index]).toBeNull();
    s.openProblem(index);
    expect(store.getState().selection).toBe(CART);
  });

  it('maps diagnostics to the node that draws their resource', async () => {
    const { store } = setup();
    const wrongVersion = example.replace('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: cart', 'apiVersion: gateway.networking.k8s.io/v1alpha9\nkind: HTTPRoute\nmetadata:\n  name: cart');
    expect(wrongVersion).not.toBe(example);
    store.getState().loadText(wrongVersion);
    await settle(store);
    const s = store.getState();
    const index = s.analysis?.diagnostics.findIndex((d) => d.code === 'UnservedVersion') ?? -1;
    expect(s.analysis?.broken).toBe(false);
    expect(diagnosticsOfSelection(s, CART)).toEqual([index]);
    expect(selectNode(s, CART)).toMatchObject({ severity: 'error', diagnostics: { error: 1 } });
    s.openProblem(index);
    expect(store.getState()).toMatchObject({ selection: CART, viewCommand: { kind: 'focus', nodeId: CART } });
  });

  it('hand-placed nodes keep their place until "layout" is asked for', async () => {
    const { store, layouter } = setup();
    store.getState().loadText(example);
    await settle(store);
    store.getState().moveNode(CART, { x: 5, y: 7 });
    store.getState().editText(`${example}---\napiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: shop}\n`);
    await settle(store);
    await new Promise((r) => setTimeout(r, 0));
    expect(layouter.calls).toBe(2);
    expect(store.getState().positions[CART]).toEqual({ x: 5, y: 7 });
    store.getState().relayout();
    await new Promise((r) => setTimeout(r, 0));
    expect(layouter.calls).toBe(3);
    expect(store.getState().positions[CART]).not.toEqual({ x: 5, y: 7 });
  });

  it('collapses a namespace into one node, lays it out so, and opens it again to show a node inside', async () => {
    const { store, layouter } = setup();
    store.getState().loadText(example);
    await settle(store);
    store.getState().select(CART);
    store.getState().toggleNamespace('ns:shop');
    await new Promise((r) => setTimeout(r, 0));
    let s = store.getState();
    const view = selectViewGraph(s);
    expect(view.nodes.some((n) => n.group === 'ns:shop')).toBe(false);
    expect(selectNode(s, 'collapsed:ns:shop')?.collapsed?.group).toBe('ns:shop');
    // The selection inside moved to the node standing for the namespace; the layout drew the collapsed graph.
    expect(s.selection).toBe('collapsed:ns:shop');
    expect(layouter.calls).toBe(2);
    expect(Object.keys(s.positions)).toContain('collapsed:ns:shop');
    // Selecting a node inside (find, a problem) opens its namespace again.
    s.select(CART, { reveal: true });
    await new Promise((r) => setTimeout(r, 0));
    s = store.getState();
    expect(s.collapsed).toEqual({});
    expect(s.selection).toBe(CART);
    expect(selectViewGraph(s)).toBe(selectGraph(s));
    expect(layouter.calls).toBe(3);
    // A new design starts with every namespace open.
    s.toggleNamespace('ns:shop');
    store.getState().loadText(example);
    expect(store.getState().collapsed).toEqual({});
  });

  it('toggles the editor, the theme and the panel tab', () => {
    const { store } = setup();
    const s = store.getState();
    s.toggleEditor();
    s.setTheme('dark');
    s.setPanelTab('problems');
    s.fitView();
    expect(store.getState()).toMatchObject({ editorOpen: false, theme: 'dark', panelTab: 'problems', viewCommand: { kind: 'fit' } });
  });
});
