import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { importManifest, isEmptyDesign } from './io-import';

const SVC = (name: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 50 && store.getState().analyzing; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('import', () => {
  it('replaces the design, then appends to it', async () => {
    const store = createDesignStore({ analyzer: createSyncAnalyzer(), fileName: 'old.yaml' });
    store.getState().loadText(SVC('old'));
    await settle(store);
    importManifest(store, SVC('a'), { mode: 'replace', fileName: 'a.yaml' });
    await settle(store);
    expect(store.getState().analysis?.resources.map((r) => r.name)).toEqual(['a']);
    expect(store.getState().fileName).toBe('a.yaml');
    importManifest(store, SVC('b'), { mode: 'append', fileName: 'b.yaml' });
    await settle(store);
    expect(store.getState().analysis?.resources.map((r) => r.name)).toEqual(['a', 'b']);
    expect(store.getState().fileName).toBe('a.yaml');
  });

  it('works in review mode, which is a view state', async () => {
    const store = createDesignStore({ analyzer: createSyncAnalyzer() });
    store.getState().setReadOnly(true);
    expect(isEmptyDesign(store.getState())).toBe(true);
    importManifest(store, SVC('a'), { mode: 'replace' });
    await settle(store);
    expect(store.getState().readOnly).toBe(true);
    expect(isEmptyDesign(store.getState())).toBe(false);
  });
});
