import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { createAutosave } from './autosave';
import { AUTOSAVE_KEY, readSave } from './autosave-record';
import { createDesignStore } from './design-store';
import { autosaveSetup, saved, wait } from './autosave-kit';
import { memoryKeyValueStore, memoryStorage } from './autosave-storage';
import { registerPendingEdits } from './pending-edits';

const GATEWAY = 'gateway.networking.k8s.io/Gateway/default/gateway';
const storedText = (map: Map<string, unknown>): string | undefined => {
  const r = readSave(map.get(AUTOSAVE_KEY));
  return r.kind === 'ok' ? r.design.text : undefined;
};

describe('autosave: saving and restoring', () => {
  it('saves the text and the layout to IndexedDB (and a small copy to localStorage), and restores both', async () => {
    const { design, editing, autosave, store, local } = autosaveSetup();
    expect(await autosave.restore()).toBe(false);
    editing.getState().addResource('Gateway', { x: 40, y: 50 });
    await saved(autosave, design);
    const stored = readSave(store.map.get(AUTOSAVE_KEY));
    if (stored.kind !== 'ok') throw new Error('nothing saved');
    expect(stored.design.text).toContain('kind: Gateway');
    expect(stored.design.positions[GATEWAY]).toEqual({ x: 40, y: 50 });
    expect(readSave(local.getItem(AUTOSAVE_KEY))).toMatchObject({ kind: 'ok', design: { text: stored.design.text } });
    expect(autosave.view.getState().savedAt).toBe(stored.design.savedAt);
    autosave.stop();

    const next = autosaveSetup({ store, local: memoryStorage() });
    expect(await next.autosave.restore()).toBe(true);
    expect(next.design.getState().text).toBe(stored.design.text);
    expect(next.design.getState().positions[GATEWAY]).toEqual({ x: 40, y: 50 });
  });

  it('reads a save from before IndexedDB (localStorage, no collapsed namespaces) and moves it into IndexedDB', async () => {
    const local = memoryStorage();
    local.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, fileName: 'a.yaml', text: 'x: 1\n', positions: {}, pinned: {}, savedAt: 1 }));
    const { design, autosave, store } = autosaveSetup({ local });
    expect(await autosave.restore()).toBe(true);
    expect(design.getState()).toMatchObject({ text: 'x: 1\n', fileName: 'a.yaml', collapsed: {} });
    await saved(autosave, design);
    expect(storedText(store.map)).toBe('x: 1\n');
  });

  it('a newer localStorage copy (a page hide whose IndexedDB write did not finish) wins; an older one does not', async () => {
    const record = (text: string, rev: number) => ({ version: 1, fileName: 'a.yaml', text, positions: {}, pinned: {}, collapsed: {}, savedAt: rev, rev, tab: 't' });
    for (const [localRev, expected] of [[4, 'local'], [3, 'idb'], [2, 'idb']] as const) {
      const store = memoryKeyValueStore();
      const local = memoryStorage();
      store.map.set(AUTOSAVE_KEY, record('idb', 3));
      local.setItem(AUTOSAVE_KEY, JSON.stringify(record('local', localRev)));
      const { design, autosave } = autosaveSetup({ store, local });
      await autosave.restore();
      expect(design.getState().text).toBe(expected);
    }
  });

  it('waits longer for a big text, and writes nothing when nothing saved changed', async () => {
    const { design, autosave, store } = autosaveSetup({ bigDelayMs: 60, mayHoldSecret: () => false });
    let writes = 0;
    const update = store.update;
    store.update = (k, f) => (writes++, update(k, f));
    await autosave.restore();
    design.getState().editText(`# ${'x'.repeat(300_000)}\n`);
    await wait(20);
    expect(writes).toBe(0);
    await wait(80);
    expect(writes).toBe(1);
    design.getState().moveNode('a', { x: 1, y: 2 });
    autosave.flush();
    expect(writes).toBe(2);
    autosave.flush();
    expect(writes).toBe(2);
  });
});

describe('autosave: an unreadable save is kept aside, never written over', () => {
  it.each([
    ['cut-short JSON', '{"version":1,"fileName":"a.yaml","text":"kind: Gateway\\nmetadata:\\n  na'],
    ['another version', JSON.stringify({ version: 2, fileName: 'a.yaml', text: 'x: 1\n' })],
    ['no text', JSON.stringify({ version: 1, fileName: 'a.yaml' })],
  ])('%s, in localStorage or in IndexedDB', async (_name, raw) => {
    for (const place of ['local', 'idb'] as const) {
      const store = memoryKeyValueStore();
      const local = memoryStorage();
      if (place === 'local') local.setItem(AUTOSAVE_KEY, raw);
      else store.map.set(AUTOSAVE_KEY, raw);
      const { design, autosave } = autosaveSetup({ store, local });
      expect(await autosave.restore()).toBe(false);
      const [kept] = autosave.view.getState().kept;
      expect(kept).toMatchObject({ kind: 'corrupt', size: raw.length });
      expect(kept?.key).toMatch(/^route-designer:autosave:corrupt:\d+/);
      expect(await autosave.readKept(kept?.key ?? '')).toBe(raw);
      // Edits are saved (under the design's own key), the kept one stays as it was.
      design.getState().loadText('a: 1\n');
      await saved(autosave, design);
      design.getState().editText('a: 2\n');
      await saved(autosave, design);
      expect(storedText(store.map)).toBe('a: 2\n');
      expect(await autosave.readKept(kept?.key ?? '')).toBe(raw);
      await autosave.discardKept(kept?.key ?? '');
      expect(autosave.view.getState().kept).toEqual([]);
    }
  });

  it('when it cannot be kept aside, nothing is written over it, and the banner says so', async () => {
    const store = memoryKeyValueStore();
    store.map.set(AUTOSAVE_KEY, '{"version":1,');
    store.set = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const { design, autosave } = autosaveSetup({ store });
    await autosave.restore();
    design.getState().loadText('a: 1\n');
    await saved(autosave, design);
    autosave.flush();
    expect(store.map.get(AUTOSAVE_KEY)).toBe('{"version":1,');
    expect(autosave.view.getState().failure?.message).toMatch(/could not be read, nor kept aside/);
  });
});

describe('autosave: a save that cannot be read at all is not written over', () => {
  it('IndexedDB refuses to read: saving stays off, and the banner says so', async () => {
    const store = memoryKeyValueStore();
    store.map.set(AUTOSAVE_KEY, { version: 1, fileName: 'a.yaml', text: 'kept: 1\n' });
    store.get = () => Promise.reject(new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError'));
    const { design, autosave } = autosaveSetup({ store });
    expect(await autosave.restore()).toBe(false);
    design.getState().loadText('a: 1\n');
    await saved(autosave, design);
    autosave.flush();
    await autosave.settled();
    expect(store.map.get(AUTOSAVE_KEY)).toEqual({ version: 1, fileName: 'a.yaml', text: 'kept: 1\n' });
    expect(autosave.view.getState().failure?.message).toMatch(/could not be read .*nothing is saved over it/);
  });
});

describe('autosave: a failed save is said until a save succeeds', () => {
  it('a full storage: the failure stays across failing saves, and goes when one succeeds', async () => {
    const { design, autosave, store } = autosaveSetup();
    await autosave.restore();
    const update = store.update;
    let full = true;
    store.update = (k, f) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : update(k, f));
    design.getState().editText('a: 1\n');
    await saved(autosave, design);
    expect(autosave.view.getState().failure).toEqual({ message: "the browser's storage for this site is full", since: null });
    design.getState().editText('a: 2\n');
    await saved(autosave, design);
    expect(autosave.view.getState().failure?.message).toMatch(/full/);
    full = false;
    design.getState().editText('a: 3\n');
    await saved(autosave, design);
    expect(autosave.view.getState().failure).toBeNull();
    expect(storedText(store.map)).toBe('a: 3\n');
  });
});

describe('autosave: the last keystroke on page hide', () => {
  it('flush writes the localStorage copy at once and the IndexedDB save right after', async () => {
    const { design, autosave, store, local } = autosaveSetup({ delayMs: 10_000 });
    await autosave.restore();
    design.getState().editText('a: 1\n');
    autosave.flush();
    expect(readSave(local.getItem(AUTOSAVE_KEY))).toMatchObject({ kind: 'ok', design: { text: 'a: 1\n' } });
    await autosave.settled();
    expect(storedText(store.map)).toBe('a: 1\n');
  });

  it('flush first takes the edits the editor has not handed over yet', () => {
    const { design, autosave, local } = autosaveSetup({ delayMs: 10_000 });
    let typed = 'b: 2\n';
    registerPendingEdits(design, () => design.getState().editText(typed));
    return autosave.restore().then(() => {
      typed = 'b: 3\n';
      autosave.flush();
      expect(readSave(local.getItem(AUTOSAVE_KEY))).toMatchObject({ kind: 'ok', design: { text: 'b: 3\n' } });
    });
  });
});

describe('autosave: no key material is ever written', () => {
  const KEY = 'c2VjcmV0LWtleS1ieXRlcw==';
  const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${KEY}\n`;

  it('a text that may hold a Secret waits for its analysis (which redacts it); page hide writes it redacted', async () => {
    const { design, autosave, store, local } = autosaveSetup({ delayMs: 0 });
    const texts: string[] = [];
    const update = store.update;
    store.update = (k, f) => update(k, (old) => {
      const v = f(old);
      texts.push(readSave(v).kind === 'ok' ? String((v as { text: string }).text) : '');
      return v;
    });
    await autosave.restore();
    design.getState().editText(secret);
    expect(design.getState().analysis?.seq).not.toBe(design.getState().textSeq);
    autosave.flush();
    expect(local.getItem(AUTOSAVE_KEY)).toContain('tls.key: UkVEQUNURUQ=');
    expect(local.getItem(AUTOSAVE_KEY)).not.toContain(KEY);
    design.getState().editText(`${secret}# more\n`);
    await saved(autosave, design);
    await wait(10);
    await autosave.settled();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.includes(KEY))).toBe(false);
    expect(storedText(store.map)).toContain('tls.key: UkVEQUNURUQ=');
    expect(local.getItem(AUTOSAVE_KEY)).not.toContain(KEY);
  });

  it('a 2 MB design whose analysis takes seconds: nothing is written until the analysis has redacted it', async () => {
    const sync = createSyncAnalyzer();
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    const design = createDesignStore({ analyzer: { ...sync, analyze: (request) => held.then(() => sync.analyze(request)) }, fileName: 'd.yaml', simulatorDelayMs: 0 });
    const store = memoryKeyValueStore();
    const autosave = createAutosave(design, { store, local: memoryStorage(), delayMs: 1, bigDelayMs: 1 });
    await autosave.restore();
    design.getState().editText(`${secret}# ${'x'.repeat(2_000_000)}\n`);
    await wait(30);
    await autosave.settled();
    expect(store.map.has(AUTOSAVE_KEY)).toBe(false);
    release();
    await saved(autosave, design);
    expect(storedText(store.map)).toContain('tls.key: UkVEQUNURUQ=');
    expect(storedText(store.map)).not.toContain(KEY);
  });

  it('a text with nothing to redact is saved on page hide before its analysis', async () => {
    const { design, autosave, local } = autosaveSetup({ delayMs: 10_000 });
    await autosave.restore();
    design.getState().editText('kind: Gateway\nspec:\n  listeners: []\n');
    expect(design.getState().analysis?.seq).not.toBe(design.getState().textSeq);
    autosave.flush();
    expect(local.getItem(AUTOSAVE_KEY)).toContain('kind: Gateway');
  });
});
