import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePeerDesign } from '../bench/generate-peer';
import type { RouteGraph } from '../core/index';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { createHistory } from './history';
import type { Layouter } from './layout';
import { selectViewGraph } from './selectors';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const peer = generatePeerDesign(100).text;
const TEAMS = ['ns:team-a', 'ns:team-b', 'ns:team-c', 'ns:team-d'];

/** A layouter that records the graphs it is asked to lay out. */
function recordingLayouter(): Layouter & { graphs: RouteGraph[] } {
  const graphs: RouteGraph[] = [];
  return {
    graphs,
    layout(graph) {
      graphs.push(graph);
      return Promise.resolve(Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }])));
    },
  };
}

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    if (!s.analyzing && !s.layingOut) return;
  }
  throw new Error('the store did not settle');
}

function setup() {
  const layouter = recordingLayouter();
  const store = createDesignStore({ analyzer: createSyncAnalyzer(), layouter, fileName: 'd.yaml', simulatorDelayMs: 0 });
  const history = createHistory(store, () => 0);
  const collapsed = (): string[] => Object.keys(store.getState().collapsed).sort();
  return { store, layouter, history, collapsed };
}

describe('a big design arriving whole opens as structure', () => {
  it('a load of 100 routes collapses the teams before its first layout, and says so', async () => {
    const { store, layouter, collapsed } = setup();
    store.getState().loadText(peer);
    await settle(store);
    expect(collapsed()).toEqual(TEAMS);
    // One layout, of the collapsed view: the three Gateways and one node per team.
    expect(layouter.graphs.map((g) => g.nodes.length)).toEqual([7]);
    expect(store.getState().autoCollapsed).toEqual({ namespaces: ['team-a', 'team-b', 'team-c', 'team-d'], nodesBefore: 107, nodesAfter: 7 });
  });

  it('an ordinary design opens as before: nothing collapsed, nothing said', async () => {
    const { store, collapsed } = setup();
    store.getState().loadText(example);
    const loaded = store.getState().collapsed;
    await settle(store);
    expect(collapsed()).toEqual([]);
    expect(store.getState().collapsed).toBe(loaded);
    expect(store.getState().autoCollapsed).toBeNull();
  });

  it('view state set after the load (an autosave restore) is kept, even when nothing is collapsed', async () => {
    const { store, collapsed } = setup();
    store.getState().loadText(peer);
    store.setState({ collapsed: {} });
    await settle(store);
    expect(collapsed()).toEqual([]);
    store.getState().loadText(peer);
    store.setState({ collapsed: { 'ns:team-b': true } });
    await settle(store);
    expect(collapsed()).toEqual(['ns:team-b']);
    expect(store.getState().autoCollapsed).toBeNull();
  });

  it("the user's toggles stay through edits; opening one ends the note", async () => {
    const { store, collapsed } = setup();
    store.getState().loadText(peer);
    await settle(store);
    store.getState().toggleNamespace('ns:team-a');
    expect(store.getState().autoCollapsed).toBeNull();
    store.getState().editText(`${store.getState().text}\n# reviewed\n`);
    await settle(store);
    expect(collapsed()).toEqual(['ns:team-b', 'ns:team-c', 'ns:team-d']);
  });

  it('undo of a paste opens the design before as it was; redo collapses again, but not what the user opened', async () => {
    const { store, history, collapsed } = setup();
    store.getState().loadText(example);
    await settle(store);
    store.getState().loadText(peer);
    await settle(store);
    expect(collapsed()).toEqual(TEAMS);
    // Find opens the namespace of a route (expandedFor): the user has opened it.
    store.getState().select('gateway.networking.k8s.io/HTTPRoute/team-c/route-2', { focus: true });
    expect(collapsed()).toEqual(['ns:team-a', 'ns:team-b', 'ns:team-d']);
    history.undo();
    await settle(store);
    expect(collapsed()).toEqual([]);
    expect(selectViewGraph(store.getState()).nodes.some((n) => n.name === 'cart')).toBe(true);
    history.redo();
    await settle(store);
    expect(collapsed()).toEqual(['ns:team-a', 'ns:team-b', 'ns:team-d']);
  });

  it('undo of typing in a big design keeps the collapsed namespaces as the user left them', async () => {
    const { store, history, collapsed } = setup();
    store.getState().loadText(peer);
    await settle(store);
    store.getState().toggleNamespace('ns:team-a');
    store.getState().toggleNamespace('ns:infra');
    store.getState().editText(`${store.getState().text}\n# reviewed\n`);
    await settle(store);
    history.undo();
    await settle(store);
    expect(collapsed()).toEqual(['ns:infra', 'ns:team-b', 'ns:team-c', 'ns:team-d']);
  });

  it('Expand all opens every namespace, and the design is laid out whole', async () => {
    const { store, layouter, collapsed } = setup();
    store.getState().loadText(peer);
    await settle(store);
    store.getState().select('collapsed:ns:team-a');
    store.getState().expandAll();
    await settle(store);
    expect(collapsed()).toEqual([]);
    expect(store.getState()).toMatchObject({ selection: null, autoCollapsed: null });
    expect(layouter.graphs.at(-1)?.nodes).toHaveLength(107);
  });

  it('dismissing the note keeps the namespaces collapsed', async () => {
    const { store, collapsed } = setup();
    store.getState().loadText(peer);
    await settle(store);
    store.getState().dismissAutoCollapsed();
    expect(store.getState().autoCollapsed).toBeNull();
    expect(collapsed()).toEqual(TEAMS);
  });
});
