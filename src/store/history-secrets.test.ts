import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer, type Analyzer } from './analysis';
import { createDesignStore } from './design-store';
import type { EditingStore } from './edit-actions';
import { createHistory } from './history';
import { editSetup, settle } from './edit-actions-kit';

const KEY = 'c2VjcmV0LWtleS1ieXRlcw==';
const secret = (extra: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls${extra}\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${KEY}\n`;

/** Every text the undo history holds: past, present and future. */
function historyTexts(editing: EditingStore): string[] {
  const t = editing.history.doc.temporal.getState();
  return [...t.pastStates, editing.history.doc.getState(), ...t.futureStates].map((s) => s.text ?? '');
}

describe('undo history holds no key material', () => {
  it('a pasted Secret: the redaction replaces the step, undo and redo never bring the key back', async () => {
    const { design, editing } = editSetup('a: 1\n');
    design.getState().loadText(secret(''));
    await settle(design);
    expect(design.getState().text).not.toContain(KEY);
    expect(historyTexts(editing).some((t) => t.includes(KEY))).toBe(false);
    editing.getState().undo();
    editing.getState().redo();
    expect(design.getState().text).not.toContain(KEY);
  });

  it('typing on before the analysis of a Secret came back (a big design): no step keeps the unredacted text', async () => {
    // An analyzer that answers only when released, as a Worker busy with a 2 MB design.
    const sync = createSyncAnalyzer();
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    const analyzer: Analyzer = { ...sync, analyze: (request) => held.then(() => sync.analyze(request)) };
    const design = createDesignStore({ analyzer, fileName: 'd.yaml', simulatorDelayMs: 0 });
    let now = 0;
    const history = createHistory(design, () => now);
    design.getState().editText(secret(''));
    // A pause longer than one typing step, before any analysis answered: a new step would push the key into the past.
    now += 1100;
    design.getState().editText(secret('-2'));
    release();
    await settle(design);
    expect(design.getState().text).not.toContain(KEY);
    const t = history.doc.temporal.getState();
    expect([...t.pastStates, history.doc.getState()].map((x) => x.text ?? '').filter((x) => x.includes(KEY))).toEqual([]);
  });

  it('undo right after typing a Secret (before its analysis) drops that text rather than keep it to redo', async () => {
    const sync = createSyncAnalyzer();
    const analyzer: Analyzer = { ...sync, analyze: (request) => new Promise((r) => setTimeout(r, 30)).then(() => sync.analyze(request)) };
    const design = createDesignStore({ analyzer, fileName: 'd.yaml', simulatorDelayMs: 0 });
    let now = 0;
    const history = createHistory(design, () => now);
    design.getState().loadText('a: 1\n');
    await settle(design);
    now += 5000;
    design.getState().editText(secret(''));
    expect(history.undo()).toBe(true);
    expect(design.getState().text).toBe('a: 1\n');
    const t = history.doc.temporal.getState();
    expect([...t.pastStates, ...t.futureStates].map((x) => x.text ?? '').filter((x) => x.includes(KEY))).toEqual([]);
  });
});
