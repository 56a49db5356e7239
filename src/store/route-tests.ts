import type { StoreApi } from 'zustand/vanilla';
import type { Analyzer } from './analysis';
import type { DesignActions, DesignState } from './design-types';
import { acceptAnswer } from './route-tests-accept';
import { acceptedName, caseFromSimulation, freeName } from './route-tests-case';
import type { RouteTestsAnswer } from './route-tests-run';
import { appendCase, caseNames, deleteCase, renameCase, testsFileName, type TestsEdit } from './route-tests-yaml';

/**
 * The design's route tests: a RouteTests YAML text kept beside the design (never inside its
 * manifests, which stay kubectl-appliable), saved with it, and run by the analyzer (the Worker,
 * where the RouteTable lives) against the table the canvas shows — after every analysis shown and
 * every edit of the tests. One run at a time; answers of an older revision are dropped.
 */
export type RouteTestsRun = Extract<RouteTestsAnswer, { kind: 'ran' }>;

export interface RouteTestsView {
  /** The RouteTests YAML ('' = the design has no tests). */
  readonly text: string;
  /** Bumped by every change of the text and every new analysis shown; answers carry the one they are of. */
  readonly revision: number;
  /** The newest applied run (it may be of an older revision while a newer one is on its way). */
  readonly run: RouteTestsRun | null;
  /** The text that run was of: rows can be renamed or deleted by index only while it is the text. */
  readonly runText: string | null;
  readonly running: boolean;
  /** The analyzer failed (not the tests: their problems are the run's diagnostics). */
  readonly failure: string | null;
  /** The case last saved from the simulator, for its "Saved as test N" status. */
  readonly saved: { readonly name: string; readonly number: number; readonly revision: number } | null;
}

export interface RouteTestsState {
  readonly routeTests: RouteTestsView;
}

export interface RouteTestsActions {
  /** The tests' YAML as typed: run again after a short pause. */
  setRouteTestsText(text: string): void;
  /**
   * Tests read from a file (Open, drop) or a save: they replace the design's tests. With
   * `withDesign`, the design load of the same gesture keeps them (another design's load clears them).
   */
  openRouteTests(text: string, options?: { readonly withDesign?: boolean }): void;
  /** The next design load keeps the tests (the import dialog imports files that held tests). */
  keepRouteTestsThroughLoad(): void;
  /** "Save as test": the simulator's request and answer become a case at the end of the tests. */
  saveSimulatorAsTest(): TestsEdit;
  renameRouteTest(index: number, name: string): TestsEdit;
  deleteRouteTest(index: number): TestsEdit;
  /** A failing case takes the design's answer now for each expectation that did not hold (the rows of the current run). */
  acceptRouteTest(index: number): TestsEdit;
  /** Runs again (a new analysis is shown). */
  refreshRouteTests(): void;
  /** Another design was loaded (New, an example, Open): its tests are not the old design's. */
  routeTestsDesignLoaded(): void;
}

/** Typing pause before the tests run again. */
export const TESTS_DELAY_MS = 250;
const SLOW_MS = 150;

type Store = DesignState & DesignActions;

export function createRouteTestsSlice(set: StoreApi<Store>['setState'], get: () => Store, deps: { readonly analyzer: Analyzer; readonly testsDelayMs?: number }): RouteTestsState & RouteTestsActions {
  const delay = deps.testsDelayMs ?? TESTS_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  const update = (patch: Partial<RouteTestsView>): void => set({ routeTests: { ...get().routeTests, ...patch } });

  const run = (): void => {
    const s = get();
    const runTests = deps.analyzer.runTests?.bind(deps.analyzer);
    const tableId = s.shown?.tableId ?? null;
    const { text, revision } = s.routeTests;
    if (!runTests || inFlight) return;
    if (text.trim() === '') {
      if (s.routeTests.run !== null || s.routeTests.running) update({ run: null, runText: null, running: false, failure: null });
      return;
    }
    if (tableId === null) return; // refreshRouteTests runs them once the design compiled
    inFlight = true;
    const slow = setTimeout(() => update({ running: true }), SLOW_MS);
    let patch: Partial<RouteTestsView> = {};
    runTests({ seq: revision, tableId, text, fileName: testsFileName(s.fileName) })
      .then(
        (answer) => {
          // Stale (the tests or the design moved on) or unavailable (a newer table replaced it): dropped.
          if (answer.kind !== 'ran' || answer.seq !== get().routeTests.revision) return;
          patch = { run: answer, runText: text, failure: null };
        },
        (error: unknown) => {
          patch = { failure: `the tests could not run: ${error instanceof Error ? error.message : String(error)}` };
        },
      )
      .finally(() => {
        clearTimeout(slow);
        inFlight = false;
        const now = get();
        const again = now.routeTests.revision !== revision && timer === null;
        if (!again && now.routeTests.running) patch = { ...patch, running: false };
        if (Object.keys(patch).length > 0) update(patch);
        if (again) run();
      });
  };

  const schedule = (ms: number): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (ms <= 0) run();
    else
      timer = setTimeout(() => {
        timer = null;
        run();
      }, ms);
  };

  /** A new text: a new revision, run after `ms`. */
  const setText = (text: string, ms: number, extra: Partial<RouteTestsView> = {}): void => {
    update({ text, revision: get().routeTests.revision + 1, ...extra });
    schedule(ms);
  };
  const applied = (edit: TestsEdit): TestsEdit => {
    if (edit.ok) setText(edit.text, 0);
    return edit;
  };

  let carry = false;

  return {
    routeTests: { text: '', revision: 0, run: null, runText: null, running: false, failure: null, saved: null },

    setRouteTestsText(text) {
      if (text === get().routeTests.text) return;
      setText(text, delay);
    },

    openRouteTests(text, options = {}) {
      if (options.withDesign) {
        carry = true;
        // Only a load of the same gesture (the files' promise settles before any timer) keeps them.
        setTimeout(() => {
          carry = false;
        }, 0);
      }
      setText(text, 0, { saved: null, run: null, runText: null });
    },

    keepRouteTestsThroughLoad() {
      carry = true;
    },

    saveSimulatorAsTest() {
      const s = get();
      const answer = s.simulator.answer;
      if (!s.simulator.active || answer?.kind !== 'decision') return { ok: false, error: 'simulate a request first: its answer becomes the test' };
      if (answer.seq !== s.simulator.revision) return { ok: false, error: 'the answer is being updated: save it once it is shown' };
      const text = s.routeTests.text;
      const fields = caseFromSimulation(s.simulator.input, answer, caseNames(text));
      const edit = appendCase(text, fields, s.fileName);
      if (!edit.ok) return edit;
      const number = caseNames(edit.text).length;
      setText(edit.text, 0, { saved: { name: fields.name, number, revision: get().routeTests.revision + 1 } });
      return edit;
    },

    renameRouteTest(index, name) {
      return applied(renameCase(get().routeTests.text, index, name));
    },

    deleteRouteTest(index) {
      return applied(deleteCase(get().routeTests.text, index));
    },

    acceptRouteTest(index) {
      const { run, runText, text } = get().routeTests;
      const row = run?.rows[index];
      if (!row || runText !== text) return { ok: false, error: 'the tests are running again: accept once they are shown' };
      const accepted = acceptAnswer(text, index, row.failures, row.actual);
      // A name made from the request says the old answer: it says the new one.
      const name = acceptedName(row.name, row.witness.request, row.actual);
      const others = run.rows.filter((_, i) => i !== index).map((r) => r.name);
      const renamed = accepted.ok && name !== null && name !== row.name ? renameCase(accepted.text, index, freeName(name, others)) : accepted;
      return applied(renamed);
    },

    refreshRouteTests() {
      if (get().routeTests.text.trim() === '') return;
      update({ revision: get().routeTests.revision + 1 });
      schedule(0);
    },

    routeTestsDesignLoaded() {
      if (carry) {
        carry = false;
        return;
      }
      if (get().routeTests.text === '' && get().routeTests.run === null) return;
      setText('', 0, { saved: null, run: null, runText: null, failure: null });
    },
  };
}

/** Keeps the tests in step with the design: another design loaded → its own tests; a new analysis shown → run again. */
export function watchRouteTests(store: StoreApi<Store>): void {
  store.subscribe((s, prev) => {
    if (s.textReplaced !== prev.textReplaced && s.textCause === 'load') s.routeTestsDesignLoaded();
    if (s.shown !== prev.shown) s.refreshRouteTests();
  });
}
