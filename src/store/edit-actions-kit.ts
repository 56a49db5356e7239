import { checkObject } from '../core/index';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { editingOf, type EditingStore } from './edit-actions';
import type { Layouter } from './layout';
import { installObjectChecker } from './object-check';

// Tests check objects synchronously from the start (the page loads the validators lazily).
installObjectChecker(checkObject);

/** Test kit: a design store with the in-process analyzer, a row layouter and its editing layer. */
export function editSetup(text = ''): { design: DesignStore; editing: EditingStore } {
  const layouter: Layouter = { layout: (graph) => Promise.resolve(Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }]))) };
  const design = createDesignStore({ analyzer: createSyncAnalyzer(), layouter, fileName: 'd.yaml', simulatorDelayMs: 0 });
  const editing = editingOf(design);
  if (text) design.getState().loadText(text);
  editing.history.clear();
  return { design, editing };
}

/** Waits until no analysis is running (the in-process analyzer still answers asynchronously). */
export async function settle(design: DesignStore): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = design.getState();
    if (!s.analyzing && s.analysis?.seq === s.textSeq) return;
  }
  throw new Error('the store did not settle');
}
