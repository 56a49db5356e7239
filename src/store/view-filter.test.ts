import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import type { Layouter } from './layout';
import { selectAside, selectFilterOptions, selectGraph, selectNode, selectViewGraph } from './selectors';
import { NO_VIEW_FILTER, resetHidden, toggleHidden } from './view-filter';

const bookinfo = readFileSync(new URL('../../e2e/fixtures/shown/bookinfo-like.yaml', import.meta.url), 'utf8');
const REVIEWS_V1 = 'apps/Deployment/books/reviews-v1';
const SA = 'core/ServiceAccount/books/books-reviews';

const layouter: Layouter = { layout: (graph) => Promise.resolve(Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }]))) };

async function loaded(): Promise<DesignStore> {
  const store = createDesignStore({ analyzer: createSyncAnalyzer(), layouter });
  store.getState().loadText(bookinfo);
  for (let i = 0; i < 50 && (store.getState().analyzing || store.getState().layingOut); i++) await new Promise((r) => setTimeout(r, 0));
  return store;
}

const drawnKinds = (store: DesignStore) => [...new Set(selectViewGraph(store.getState()).nodes.map((n) => n.kind))].sort();

describe('view filter: pure steps', () => {
  it.each([
    ['hides a namespace', toggleHidden(NO_VIEW_FILTER, 'namespaces', 'books'), { namespaces: { books: true }, kinds: {}, showAside: false }],
    ['shows it again', toggleHidden(toggleHidden(NO_VIEW_FILTER, 'namespaces', 'books'), 'namespaces', 'books'), { namespaces: {}, kinds: {}, showAside: false }],
    ['hides a kind', toggleHidden(NO_VIEW_FILTER, 'kinds', 'istio:Gateway'), { namespaces: {}, kinds: { 'istio:Gateway': true }, showAside: false }],
    ['reset shows every namespace and kind, keeps showAside', resetHidden({ namespaces: { a: true }, kinds: { 'core:Service': true }, showAside: true }), { namespaces: {}, kinds: {}, showAside: true }],
  ])('%s', (_case, got, expected) => {
    expect(got).toEqual(expected);
  });

  it('reset of nothing is the same filter (no relayout)', () => {
    expect(resetHidden(NO_VIEW_FILTER)).toBe(NO_VIEW_FILTER);
  });
});

describe('view filter in the store: a Bookinfo-like design', () => {
  it('draws no ServiceAccount or ConfigMap by default, and lists them aside', async () => {
    const store = await loaded();
    expect(drawnKinds(store)).toEqual(['Deployment', 'Gateway', 'Service', 'VirtualService']);
    expect(selectAside(store.getState()).map((e) => `${e.kind} ${e.name} ${e.reason}`)).toEqual([
      'ServiceAccount books-productpage unmodelled',
      'ServiceAccount books-details unmodelled',
      'ServiceAccount books-reviews unmodelled',
      'ServiceAccount books-ratings unmodelled',
      'ConfigMap reviews-settings unreferenced',
    ]);
    // Kept aside, still a node: selecting it shows it in the inspector.
    store.getState().select(SA, { reveal: true });
    expect(selectNode(store.getState(), SA)?.kind).toBe('ServiceAccount');
    expect(store.getState().reveal?.line).toBeGreaterThan(1);
  });

  it('hides namespaces and kinds from the drawing only, survives edits, resets on another design', async () => {
    const store = await loaded();
    const diagnostics = store.getState().analysis?.diagnostics.length;
    store.getState().setViewFilter(toggleHidden(toggleHidden(store.getState().viewFilter, 'kinds', 'other:Deployment'), 'namespaces', 'ingress'));
    expect(drawnKinds(store)).toEqual(['Service', 'VirtualService']);
    expect(selectViewGraph(store.getState()).groups.map((g) => g.id)).toEqual(['ns:books']);
    expect(selectFilterOptions(store.getState())).toMatchObject({ hidden: 7 });
    expect(selectFilterOptions(store.getState()).namespaces).toEqual([
      { key: 'ingress', label: 'ingress', count: 1, hidden: true },
      { key: 'books', label: 'books', count: 12, hidden: false },
    ]);
    // The document is whole: every node is still there, validation unchanged, layout follows the drawing.
    expect(selectGraph(store.getState()).nodes.some((n) => n.id === REVIEWS_V1)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().positions[REVIEWS_V1]).toBeUndefined();

    store.getState().editText(`${store.getState().text}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: books}\nspec: {selector: {app: extra}, ports: [{port: 80}]}\n`);
    for (let i = 0; i < 50 && store.getState().analyzing; i++) await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().analysis?.diagnostics.length).toBeGreaterThanOrEqual(diagnostics ?? 0);
    expect(drawnKinds(store)).toEqual(['Service', 'VirtualService']);

    store.getState().setViewFilter(resetHidden(store.getState().viewFilter));
    expect(drawnKinds(store)).toEqual(['Deployment', 'Gateway', 'Service', 'VirtualService']);

    store.getState().setViewFilter({ ...toggleHidden(NO_VIEW_FILTER, 'kinds', 'core:Service'), showAside: true });
    expect(drawnKinds(store)).toEqual(['ConfigMap', 'Deployment', 'Gateway', 'ServiceAccount', 'VirtualService']);
    store.getState().loadText(bookinfo);
    expect(store.getState().viewFilter).toBe(NO_VIEW_FILTER);
  });
});
