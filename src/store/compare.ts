import type { StoreApi } from 'zustand/vanilla';
import type { BehaviourChange, DesignDiff, SourceFile } from '../core/index';
import type { Analyzer } from './analysis';
import type { CompareActions, CompareBefore, CompareState, CompareView } from './compare-types';
import type { DesignActions, DesignState } from './design-types';
import { witnessInput } from './simulator';

/**
 * The compare view's slice of the design store (contract: compare-types.ts). One compare at a
 * time: each new analysis shown bumps the revision and asks again (after a pause, so a new edit's
 * analysis goes first in the analyzer's queue); answers of an older revision, or of a before
 * version since replaced, are dropped — the simulator's scheme (simulator.ts).
 *
 * Loading another design (a file, an example, an import, a paste that replaces) does NOT stop
 * comparing: the before version is kept and the newly loaded design becomes the "after" — pasting
 * the new version of a design to see what it changes against the one compared is the main use.
 * Only stopCompare leaves the view. The loaded text becomes `openedText` ("as opened").
 */
export const NOT_COMPARING: CompareView = {
  before: null,
  diff: null,
  beforeGraph: null,
  diffSeq: null,
  running: false,
  failure: null,
  picked: null,
  answers: null,
  beforeTableId: null,
};

/** Typing pause after a new analysis before diffing again (tests use 0). */
export const COMPARE_DELAY_MS = 250;

type Store = DesignState & DesignActions;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The before version as files: its own name when it is a file, else one that says what it is. */
const filesOf = (before: CompareBefore): SourceFile[] => [{ name: before.origin === 'file' ? before.name : 'before.yaml', text: before.text }];

const sameChange = (a: BehaviourChange, b: BehaviourChange): boolean => a.class === b.class && JSON.stringify(a.witness) === JSON.stringify(b.witness);

/** Where the change picked in `old` is in `next` (the same class and witness), else null. */
function refind(old: DesignDiff | null, picked: number | null, next: DesignDiff): number | null {
  const change = picked === null ? undefined : old?.changes[picked];
  if (!change) return null;
  const i = next.changes.findIndex((c) => sameChange(c, change));
  return i < 0 ? null : i;
}

export function createCompareSlice(
  set: StoreApi<Store>['setState'],
  get: () => Store,
  deps: { readonly analyzer: Analyzer; readonly compareDelayMs?: number },
): CompareState & CompareActions {
  const delay = deps.compareDelayMs ?? COMPARE_DELAY_MS;
  let revision = 0;
  let pickRevision = 0;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The table of the analysis the diff is of: the picked change is simulated on it. */
  let afterTableId: number | null = null;
  /** A table was no longer held: diffed once more (and the pick simulated again), not endlessly. */
  let retried = false;
  const update = (patch: Partial<CompareView>): void => set({ compare: { ...get().compare, ...patch } });

  /** `keep`: the answers on show stay until the new ones come (the same change, diffed again). */
  const simulatePicked = (index: number, keep = false): void => {
    const seq = ++pickRevision;
    const c = get().compare;
    const change = c.diff?.changes[index];
    const simulate = deps.analyzer.simulate?.bind(deps.analyzer);
    const beforeId = c.beforeTableId;
    const afterId = afterTableId;
    if (!change || !simulate || beforeId === null || afterId === null) {
      update({ picked: change ? index : null, answers: null });
      return;
    }
    if (!keep) update({ picked: index, answers: null });
    const input = witnessInput(change.witness);
    Promise.all([simulate({ seq, tableId: beforeId, input }), simulate({ seq, tableId: afterId, input })]).then(
      ([before, after]) => {
        if (seq !== pickRevision || get().compare.picked !== index) return;
        if (before.kind === 'unavailable' || after.kind === 'unavailable') {
          // The analyzer no longer holds a table (a fresh worker): diff again, which picks again.
          if (!retried) {
            retried = true;
            refresh(0);
          }
          return;
        }
        update({ answers: { before, after } });
      },
      (error: unknown) => {
        if (seq === pickRevision) update({ failure: `simulation failed: ${message(error)}` });
      },
    );
  };

  const run = (): void => {
    const s = get();
    const before = s.compare.before;
    const tableId = s.shown?.tableId ?? null;
    const compare = deps.analyzer.compare?.bind(deps.analyzer);
    if (!before || tableId === null || inFlight || !s.shown) return;
    if (!compare) {
      update({ failure: 'This analyzer cannot compare versions.', running: false });
      return;
    }
    const seq = revision;
    const shownSeq = s.shown.seq;
    inFlight = true;
    if (!s.compare.running) update({ running: true });
    let patch: Partial<CompareView> = {};
    let repick: number | null = null;
    compare({ seq, before: { files: filesOf(before) }, afterTableId: tableId })
      .then(
        (answer) => {
          const now = get().compare;
          if (answer.seq !== revision || now.before !== before) return;
          if (answer.kind === 'unavailable') {
            // Only when no newer analysis is coming (that one is diffed next).
            if ((get().shown?.tableId ?? null) === tableId) patch = { failure: 'The design’s analysis is no longer held: edit the design to compare again.' };
            return;
          }
          afterTableId = tableId;
          repick = refind(now.diff, now.picked, answer.diff);
          patch = { diff: answer.diff, beforeGraph: answer.beforeGraph, beforeTableId: answer.beforeTableId, diffSeq: shownSeq, failure: answer.failure, picked: repick, answers: repick === null ? null : now.answers };
        },
        (error: unknown) => {
          if (seq === revision && get().compare.before === before) patch = { failure: `comparison failed: ${message(error)}` };
        },
      )
      .finally(() => {
        inFlight = false;
        const again = get().compare.before !== null && revision !== seq && timer === null;
        if (!again && get().compare.running) patch = { ...patch, running: false };
        if (Object.keys(patch).length > 0) update(patch);
        if (repick !== null) simulatePicked(repick, true);
        if (again) run();
      });
  };

  const refresh = (ms: number): void => {
    revision++;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (ms <= 0) {
      run();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };

  return {
    compare: NOT_COMPARING,
    openedText: null,
    openedAt: null,

    startCompare(before) {
      pickRevision++;
      retried = false;
      afterTableId = null;
      // Running from now on when there is a design to compare with (one compare may still be on its way).
      set({ compare: { ...NOT_COMPARING, before, running: (get().shown?.tableId ?? null) !== null && deps.analyzer.compare !== undefined } });
      refresh(0);
    },

    stopCompare() {
      revision++;
      pickRevision++;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      afterTableId = null;
      set({ compare: NOT_COMPARING });
    },

    pickChange(index) {
      if (index === null) {
        pickRevision++;
        update({ picked: null, answers: null });
        return;
      }
      retried = false;
      simulatePicked(index);
    },

    refreshCompare() {
      if (get().compare.before) refresh(delay);
    },
  };
}

/**
 * Keeps the diff in step with the design (a new analysis on the canvas → diff again) and records
 * the design as opened (each load; a redaction that follows it updates it: the editor holds that).
 */
export function watchCompare(store: StoreApi<Store>, now: () => number = Date.now): void {
  store.subscribe((s, prev) => {
    if (s.textReplaced !== prev.textReplaced && s.textCause === 'load') store.setState({ openedText: s.text, openedAt: now() });
    else if (s.textCause === 'redact' && s.text !== prev.text && prev.text === s.openedText) store.setState({ openedText: s.text });
    if (s.shown !== prev.shown) s.refreshCompare();
  });
}
