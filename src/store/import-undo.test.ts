import { readFileSync } from 'node:fs';
import { generatePeerDesign } from '../bench/generate-peer';
import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { editingOf } from './edit-actions';
import { settle } from './edit-actions-kit';
import { appendInstead, countDocuments, importedObjects, isCurrent, replaceDesign, undoReplace } from './import-undo';
import { appendManifest } from './io-files';
import type { Layouter, XY } from './layout';
import { selectGraph } from './selectors';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const SVC = (name: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: extra\n`;
const PASTED = `${SVC('a')}---\n${SVC('b')}---\n# only a comment\n---\n${SVC('c')}`;
const KEY = 'c2VjcmV0LWtleS1ieXRlcw==';
const SECRET = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${KEY}\n`;

/** A layouter that answers when told (as the ELK worker does, some time after it is asked). */
function heldLayouter(): Layouter & { calls: number; release(): void } {
  let waiting: (() => void)[] = [];
  const l = {
    calls: 0,
    layout(graph: Parameters<Layouter['layout']>[0]) {
      l.calls++;
      const positions: Record<string, XY> = Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: l.calls * 1000 }]));
      return new Promise<Record<string, XY>>((resolve) => waiting.push(() => resolve(positions)));
    },
    release() {
      const now = waiting;
      waiting = [];
      for (const f of now) f();
    },
  };
  return l;
}

/** The example, laid out, with a node placed by hand, a namespace collapsed and a node selected. */
async function designed(): Promise<{ store: DesignStore; layouter: ReturnType<typeof heldLayouter> }> {
  const layouter = heldLayouter();
  const store = createDesignStore({ analyzer: createSyncAnalyzer(), layouter, fileName: 'shop.yaml', simulatorDelayMs: 0 });
  editingOf(store);
  store.getState().loadText(example);
  await settle(store);
  layouter.release();
  await settle(store);
  editingOf(store).history.clear();
  const s = store.getState();
  const node = selectGraph(s).nodes.find((n) => n.kind === 'HTTPRoute');
  if (!node) throw new Error('no route in the example');
  s.moveNode(node.id, { x: 4321, y: 1234 });
  s.select(node.id);
  const group = selectGraph(s).nodes.find((n) => n.group !== undefined && n.group !== node.group)?.group;
  if (group) s.toggleNamespace(group);
  layouter.release();
  await settle(store);
  return { store, layouter };
}

const view = (store: DesignStore) => {
  const { text, fileName, positions, pinned, collapsed, viewFilter, laidOutKey, selection, shown } = store.getState();
  return { text, fileName, positions, pinned, collapsed, viewFilter, laidOutKey, selection, shown };
};

describe('countDocuments: documents with content, without parsing', () => {
  const table: [string, string, number][] = [
    ['nothing', '', 0],
    ['blank lines and comments', '\n# a comment\n\n', 0],
    ['one document', SVC('a'), 1],
    ['one document after a marker', `---\n${SVC('a')}`, 1],
    ['three, one of them only a comment', PASTED, 3],
    ['markers with comments, an end marker', `${SVC('a')}... \n--- # next\n${SVC('b')}---\n`, 2],
    ['a JSON document', '{"apiVersion": "v1", "kind": "Service"}', 1],
  ];
  it.each(table)('%s', (_name, text, count) => expect(countDocuments(text)).toBe(count));
});

describe('a paste replaces the design; Undo brings back what the user had', () => {
  it('replaces at once, in one history step, and counts the objects (documents, then the analysis)', async () => {
    const { store, layouter } = await designed();
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    expect(store.getState().text).toBe(PASTED);
    expect(store.getState().fileName).toBe('pasted.yaml');
    expect(store.getState().pinned).toEqual({});
    expect(r.documents).toBe(3);
    expect(importedObjects(store.getState(), r)).toBe(3);
    await settle(store);
    layouter.release();
    expect(importedObjects(store.getState(), r)).toBe(store.getState().analysis?.resources.length);
    expect(editingOf(store).history.doc.temporal.getState().pastStates.map((p) => p.text)).toEqual([example]);
  });

  it('Undo restores text, file name, positions, pinned nodes, collapsed namespaces and selection; nothing is laid out again', async () => {
    const { store, layouter } = await designed();
    const before = view(store);
    expect(Object.keys(before.pinned)).toHaveLength(1);
    expect(Object.keys(before.collapsed)).toHaveLength(1);
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    await settle(store);
    layouter.release();
    await settle(store);
    expect(store.getState().positions).not.toEqual(before.positions);
    const calls = layouter.calls;

    expect(undoReplace(store, r)).toBe(true);
    // Drawn at once as it was, while its text is analysed again.
    expect(view(store)).toEqual(before);
    await settle(store);
    layouter.release();
    await settle(store);
    const { shown: _a, ...after } = view(store);
    const { shown: _b, ...expected } = before;
    expect(after).toEqual(expected);
    expect(layouter.calls).toBe(calls);
    expect(isCurrent(store.getState(), r)).toBe(false);
    // The import is the step to redo.
    editingOf(store).getState().redo();
    expect(store.getState().text).toBe(PASTED);
  });

  it('a big paste opens collapsed, with its note; Undo brings back the namespaces as the user had them, without the note', async () => {
    const { store, layouter } = await designed();
    const before = view(store);
    const r = replaceDesign(store, generatePeerDesign(100).text, 'pasted.yaml');
    await settle(store);
    expect(store.getState().autoCollapsed).not.toBeNull();
    undoReplace(store, r);
    layouter.release();
    await settle(store);
    layouter.release();
    await settle(store);
    expect(store.getState().autoCollapsed).toBeNull();
    expect(store.getState().collapsed).toEqual(before.collapsed);
    expect(store.getState().positions).toEqual(before.positions);
  });

  it('a layout of the replaced design that lands after Undo moves nothing', async () => {
    const { store, layouter } = await designed();
    const before = view(store);
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    await settle(store);
    expect(store.getState().layingOut).toBe(true); // the import's layout is on its way
    undoReplace(store, r);
    layouter.release();
    await settle(store);
    layouter.release();
    await settle(store);
    expect(store.getState().positions).toEqual(before.positions);
    expect(store.getState().laidOutKey).toBe(before.laidOutKey);
  });

  it('Undo while the import is still being analysed', async () => {
    const { store, layouter } = await designed();
    const before = view(store);
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    expect(store.getState().analyzing).toBe(true);
    undoReplace(store, r);
    await settle(store);
    layouter.release();
    await settle(store);
    expect(store.getState().text).toBe(example);
    expect(store.getState().positions).toEqual(before.positions);
    expect(store.getState().analysis?.seq).toBe(store.getState().textSeq);
  });

  it('does nothing once the design has changed since', async () => {
    const { store } = await designed();
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    await settle(store);
    store.getState().editText(`${PASTED}# typed\n`);
    expect(undoReplace(store, r)).toBe(false);
    expect(appendInstead(store, r)).toBe(false);
    expect(store.getState().text).toBe(`${PASTED}# typed\n`);
  });
});

describe('Append instead', () => {
  it('makes the design before with the imported text after it: one step from the design before', async () => {
    const { store, layouter } = await designed();
    const r = replaceDesign(store, PASTED, 'pasted.yaml');
    await settle(store);
    expect(appendInstead(store, r)).toBe(true);
    await settle(store);
    layouter.release();
    await settle(store);
    const s = store.getState();
    expect(s.text).toBe(appendManifest(example, PASTED));
    expect(s.fileName).toBe('shop.yaml');
    expect(s.analysis?.resources.map((x) => x.name)).toEqual(expect.arrayContaining(['a', 'b', 'c', 'cart']));
    editingOf(store).getState().undo();
    expect(store.getState().text).toBe(example);
  });

  it('a pasted Secret: its redaction keeps the import current, and its key is not appended back', async () => {
    const { store } = await designed();
    const r = replaceDesign(store, SECRET, 'pasted.yaml');
    await settle(store);
    expect(store.getState().textCause).toBe('redact');
    expect(isCurrent(store.getState(), r)).toBe(true);
    expect(importedObjects(store.getState(), r)).toBe(1);
    appendInstead(store, r);
    expect(store.getState().text).not.toContain(KEY);
    expect(store.getState().text).toContain('name: tls');
  });
});
