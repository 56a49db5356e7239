import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mayHoldSecret } from '../core/index';
import type { DesignStore, TextCause } from './design-store';

/**
 * Undo/redo of the document text — and only of it: selection, positions, theme and every other
 * view state are never recorded. A zundo `temporal` store holds the text (and the name of the
 * step that produced it); it follows the design store, recording each change by its cause:
 * - a load (open, import, new) is one step;
 * - typing is coalesced: changes less than TYPING_MS apart are one step;
 * - an edit (canvas, inspector) is one step, except that repeated edits of one field (same
 *   `mergeKey`, e.g. typing a weight) less than MERGE_MS apart are one;
 * - Secret redaction joins the step it follows (undo never brings secret values back); a text
 *   that may hold key material no analysis has redacted yet never becomes a past or future step:
 *   the next change replaces it (on a big design the analysis can take seconds).
 */
export interface DocStep {
  readonly text: string;
  /** What produced this text (`Add Gateway`, `Edit YAML`): the undo button says it. */
  readonly label: string;
}

export type DocHistoryStore = StoreApi<DocStep> & { temporal: StoreApi<TemporalState<DocStep>> };

export interface History {
  readonly doc: DocHistoryStore;
  /** Names the next change of the text (before an edit action replaces it). */
  expect(label: string, mergeKey?: string): void;
  undo(): boolean;
  redo(): boolean;
  clear(): void;
  dispose(): void;
}

export const TYPING_MS = 1000;
export const MERGE_MS = 1500;
/** Past and future texts kept at most (a big design is megabytes per step). */
const MAX_BYTES = 48 * 1024 * 1024;
const MAX_STEPS = 200;

const LABELS: Readonly<Record<TextCause, string>> = { load: 'Load', type: 'Edit YAML', edit: 'Edit', history: '', redact: '' };

export function createHistory(design: DesignStore, clock: () => number = Date.now): History {
  const doc = createStore<DocStep>()(
    temporal(() => ({ text: design.getState().text, label: '' }), { equality: (a, b) => a.text === b.text, limit: MAX_STEPS }),
  ) as DocHistoryStore;
  let pending: { label: string; mergeKey?: string } | null = null;
  let last: { cause: TextCause; at: number; mergeKey?: string } = { cause: 'load', at: 0 };
  let applying = false;
  /** The present step may hold key material the analysis has not redacted yet. */
  let unchecked = false;

  const record = (text: string, label: string, merge: boolean): void => {
    const t = doc.temporal.getState();
    if (merge) t.pause();
    doc.setState({ text, label });
    if (merge) t.resume();
    trim();
  };

  const trim = (): void => {
    const { pastStates, futureStates } = doc.temporal.getState();
    let bytes = [...pastStates, ...futureStates].reduce((n, s) => n + (s.text?.length ?? 0), 0);
    let drop = 0;
    while (bytes > MAX_BYTES && drop < pastStates.length - 1) bytes -= pastStates[drop++]?.text?.length ?? 0;
    if (drop > 0) doc.temporal.setState({ pastStates: pastStates.slice(drop) });
  };

  const unsubscribe = design.subscribe((s, prev) => {
    if (unchecked && s.analysis?.seq === s.textSeq) unchecked = false;
    if (s.text === prev.text || applying) return;
    const now = clock();
    const cause = s.textCause;
    const named = pending;
    pending = null;
    let merge = false;
    if (cause === 'redact') merge = true;
    else if (cause === 'type') merge = last.cause === 'type' && now - last.at < TYPING_MS;
    else if (cause === 'edit') merge = named?.mergeKey !== undefined && last.cause === 'edit' && last.mergeKey === named.mergeKey && now - last.at < MERGE_MS;
    const label = named?.label ?? (cause === 'load' ? (s.text.trim() === '' ? 'New design' : `Load ${s.fileName}`) : LABELS[cause]);
    if (unchecked) merge = true;
    record(s.text, merge ? doc.getState().label : label, merge);
    unchecked = s.analysis?.seq !== s.textSeq && mayHoldSecret(s.text);
    if (cause !== 'redact') last = { cause, at: now, ...(named?.mergeKey !== undefined ? { mergeKey: named.mergeKey } : {}) };
  });

  const travel = (direction: 'undo' | 'redo'): boolean => {
    const t = doc.temporal.getState();
    if ((direction === 'undo' ? t.pastStates : t.futureStates).length === 0) return false;
    applying = true;
    try {
      t[direction]();
      // An unchecked present is dropped, not kept as the step to redo.
      if (unchecked && direction === 'undo') doc.temporal.setState({ futureStates: doc.temporal.getState().futureStates.slice(0, -1) });
      unchecked = false;
      design.getState().replaceText(doc.getState().text, 'history');
    } finally {
      applying = false;
    }
    last = { cause: 'history', at: clock() };
    return true;
  };

  return {
    doc,
    expect(label, mergeKey) {
      pending = { label, ...(mergeKey !== undefined ? { mergeKey } : {}) };
    },
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    clear() {
      doc.temporal.getState().clear();
      last = { cause: 'load', at: 0 };
    },
    dispose: unsubscribe,
  };
}
