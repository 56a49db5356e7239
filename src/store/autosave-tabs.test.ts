import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, readSave } from './autosave-record';
import { autosaveSetup, saved, wait } from './autosave-kit';
import { memoryKeyValueStore, memoryStorage } from './autosave-storage';
import { browserTabChannel, memoryTabHub, PING_KEY, type SaveMessage } from './autosave-tabs';

const storedText = (map: Map<string, unknown>): string | undefined => {
  const r = readSave(map.get(AUTOSAVE_KEY));
  return r.kind === 'ok' ? r.design.text : undefined;
};

/** Two tabs of one browser: one IndexedDB, one localStorage, one broadcast hub (or none). */
async function twoTabs(broadcast = true) {
  const store = memoryKeyValueStore();
  const local = memoryStorage();
  const hub = memoryTabHub();
  const a = autosaveSetup({ store, local, tab: 'A', channel: broadcast ? hub.channel() : null });
  await a.autosave.restore();
  a.design.getState().loadText('a: 1\n');
  await saved(a.autosave, a.design);
  const b = autosaveSetup({ store, local, tab: 'B', channel: broadcast ? hub.channel() : null });
  expect(await b.autosave.restore()).toBe(true);
  return { store, a, b };
}

describe('autosave: two tabs never overwrite each other silently', () => {
  it('a tab hears of another tab’s save of a different design: it says so and stops saving until the user chooses', async () => {
    const { store, a, b } = await twoTabs();
    a.design.getState().editText('a: 2\n');
    await saved(a.autosave, a.design);
    await wait(5);
    expect(b.autosave.view.getState().conflict?.text).toBe('a: 2\n');
    b.design.getState().editText('b: 1\n');
    await saved(b.autosave, b.design);
    b.autosave.flush();
    await b.autosave.settled();
    expect(storedText(store.map)).toBe('a: 2\n');

    // Keep mine: B overwrites, and now A is the one asked.
    b.autosave.keepMine();
    await b.autosave.settled();
    expect(storedText(store.map)).toBe('b: 1\n');
    expect(b.autosave.view.getState().conflict).toBeNull();
    await wait(5);
    expect(a.autosave.view.getState().conflict?.text).toBe('b: 1\n');

    // Load theirs: A takes B's design and saves again from it.
    a.autosave.loadTheirs();
    expect(a.design.getState().text).toBe('b: 1\n');
    expect(a.autosave.view.getState().conflict).toBeNull();
    a.design.getState().editText('b: 2\n');
    await saved(a.autosave, a.design);
    expect(storedText(store.map)).toBe('b: 2\n');
  });

  it('the conflict ends by itself when the other tab saves this tab’s design again', async () => {
    const { a, b } = await twoTabs();
    a.design.getState().editText('a: 2\n');
    await saved(a.autosave, a.design);
    await wait(5);
    expect(b.autosave.view.getState().conflict).not.toBeNull();
    a.design.getState().editText('a: 1\n');
    await saved(a.autosave, a.design);
    await wait(5);
    expect(b.autosave.view.getState().conflict).toBeNull();
  });

  it('without a broadcast, the compare-and-set finds the other tab’s save', async () => {
    const { store, a, b } = await twoTabs(false);
    a.design.getState().editText('a: 2\n');
    await saved(a.autosave, a.design);
    b.design.getState().editText('b: 1\n');
    await saved(b.autosave, b.design);
    expect(storedText(store.map)).toBe('a: 2\n');
    expect(b.autosave.view.getState().conflict?.text).toBe('a: 2\n');
  });

  it('another tab’s save of the same design is taken quietly', async () => {
    const { store, a, b } = await twoTabs();
    a.design.getState().moveNode('x', { x: 5, y: 5 });
    await saved(a.autosave, a.design);
    await wait(5);
    expect(b.autosave.view.getState().conflict).toBeNull();
    b.design.getState().editText('a: 3\n');
    await saved(b.autosave, b.design);
    expect(storedText(store.map)).toBe('a: 3\n');
    await wait(5);
    expect(a.autosave.view.getState().conflict?.text).toBe('a: 3\n');
  });

  it('a tab hidden while in a conflict keeps its text aside (one copy, the latest), until the conflict is settled', async () => {
    const { store, a, b } = await twoTabs();
    a.design.getState().editText('a: 2\n');
    await saved(a.autosave, a.design);
    await wait(5);
    b.design.getState().editText('b: mine\n');
    b.autosave.flush();
    b.design.getState().editText('b: mine, later\n');
    b.autosave.flush();
    await wait(5);
    const next = autosaveSetup({ store, local: memoryStorage() });
    await next.autosave.restore();
    const kept = next.autosave.view.getState().kept;
    expect(kept.map((k) => k.kind)).toEqual(['unsaved']);
    expect(await next.autosave.readKept(kept[0]?.key ?? '')).toBe('b: mine, later\n');
    expect(storedText(store.map)).toBe('a: 2\n');

    b.autosave.keepMine();
    await b.autosave.settled();
    await wait(5);
    expect(storedText(store.map)).toBe('b: mine, later\n');
    expect([...store.map.keys()].filter((k) => k.includes(':unsaved:'))).toEqual([]);
  });
});

describe('the browser channel between tabs', () => {
  it('BroadcastChannel: a save announced in one tab reaches the others, not itself', async () => {
    const one = browserTabChannel();
    const two = browserTabChannel();
    const heard: { one: SaveMessage[]; two: SaveMessage[] } = { one: [], two: [] };
    one.subscribe((m) => heard.one.push(m));
    two.subscribe((m) => heard.two.push(m));
    one.post({ tab: 'A', rev: 3 });
    await wait(30);
    expect(heard).toEqual({ one: [], two: [{ tab: 'A', rev: 3 }] });
    one.close();
    two.close();
  });

  it('without BroadcastChannel: a ping in localStorage, heard through storage events', () => {
    const target = new EventTarget();
    const written: string[] = [];
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));
    vi.stubGlobal('localStorage', { setItem: (k: string, v: string) => written.push(`${k}=${v}`) });
    try {
      const channel = browserTabChannel();
      const heard: SaveMessage[] = [];
      channel.subscribe((m) => heard.push(m));
      channel.post({ tab: 'A', rev: 1 });
      expect(written[0]).toMatch(/^route-designer:autosave:ping=\{"tab":"A","rev":1,"at":\d+\}$/);
      // Another tab's ping (storage events fire only in the other tabs).
      const storage = (key: string, newValue: string) => Object.assign(new Event('storage'), { key, newValue });
      target.dispatchEvent(storage(PING_KEY, JSON.stringify({ tab: 'B', rev: 2, at: 1 })));
      target.dispatchEvent(storage('route-designer:autosave', JSON.stringify({ tab: 'C', rev: 9 })));
      target.dispatchEvent(storage(PING_KEY, 'not json'));
      expect(heard).toEqual([{ tab: 'B', rev: 2 }]);
      channel.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
