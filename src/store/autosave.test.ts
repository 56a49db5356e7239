import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, readAutosave, restoreAutosave, startAutosave, type SaveStorage } from './autosave';
import { editSetup, settle } from './edit-actions-kit';

function memoryStorage(): SaveStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('autosave', () => {
  it('saves the text and the layout after changes (debounced), and restores both', async () => {
    const storage = memoryStorage();
    const { design, editing } = editSetup();
    const autosave = startAutosave(design, storage, { delayMs: 5 });
    editing.getState().addResource('Gateway', { x: 40, y: 50 });
    await settle(design);
    await wait(20);
    const saved = readAutosave(storage);
    expect(saved?.text).toContain('kind: Gateway');
    expect(saved?.positions['gateway.networking.k8s.io/Gateway/default/gateway']).toEqual({ x: 40, y: 50 });
    autosave.stop();

    const next = editSetup();
    expect(restoreAutosave(next.design, storage)).toBe(true);
    await settle(next.design);
    await wait(5);
    expect(next.design.getState().text).toBe(saved?.text);
    expect(next.design.getState().positions['gateway.networking.k8s.io/Gateway/default/gateway']).toEqual({ x: 40, y: 50 });
  });

  it('saves which namespaces are collapsed, and reads older saves (without them) as all open', async () => {
    const storage = memoryStorage();
    const { design, editing } = editSetup();
    const autosave = startAutosave(design, storage, { delayMs: 5 });
    editing.getState().addResource('Gateway', { x: 40, y: 50 });
    await settle(design);
    design.getState().toggleNamespace('ns:default');
    await wait(20);
    expect(readAutosave(storage)?.collapsed).toEqual({ 'ns:default': true });
    autosave.stop();
    const next = editSetup();
    expect(restoreAutosave(next.design, storage)).toBe(true);
    expect(next.design.getState().collapsed).toEqual({ 'ns:default': true });

    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, fileName: 'a.yaml', text: 'x: 1\n', positions: {}, pinned: {}, savedAt: 1 }));
    expect(readAutosave(storage)?.collapsed).toEqual({});
  });

  it.each([
    ['nothing saved', null],
    ['not JSON', '{'],
    ['another version', JSON.stringify({ version: 2, text: 'x', fileName: 'a' })],
  ])('restores nothing when there is %s', (_name, raw) => {
    const storage = memoryStorage();
    if (raw !== null) storage.setItem(AUTOSAVE_KEY, raw);
    expect(restoreAutosave(editSetup().design, storage)).toBe(false);
  });

  it('waits longer for a big text, and writes nothing when nothing saved changed', async () => {
    const storage = memoryStorage();
    let writes = 0;
    const counting: SaveStorage = {
      ...storage,
      setItem: (k, v) => {
        writes++;
        storage.setItem(k, v);
      },
    };
    const { design } = editSetup();
    const autosave = startAutosave(design, counting, { delayMs: 1, bigDelayMs: 40 });
    design.getState().editText(`# ${'x'.repeat(300_000)}\n`);
    await wait(15);
    expect(writes).toBe(0);
    await wait(60);
    expect(writes).toBe(1);
    design.getState().moveNode('a', { x: 1, y: 2 });
    autosave.flush();
    expect(writes).toBe(2);
    autosave.flush();
    expect(writes).toBe(2);
    autosave.stop();
  });

  it('says once when saving fails (storage full)', async () => {
    const errors: string[] = [];
    const storage: SaveStorage = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new Error('QuotaExceededError'); } };
    const { design } = editSetup();
    startAutosave(design, storage, { delayMs: 1, onError: (m) => errors.push(m) });
    design.getState().editText('a: 1\n');
    await wait(10);
    design.getState().editText('a: 2\n');
    await wait(10);
    expect(errors).toEqual([expect.stringMatching(/Autosave failed .*QuotaExceededError/)]);
  });
});
