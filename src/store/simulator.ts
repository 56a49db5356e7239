import type { StoreApi } from 'zustand/vanilla';
import type { WitnessRequest } from '../core/index';
import type { Analyzer } from './analysis';
import type { DesignActions, DesignState } from './design-store';
import type { KeyValue, SimulationAnswer, SimulatorInput } from './simulation';
import { proposedInput } from './simulator-propose';

/**
 * The simulator's slice of the design store: the request the user is writing, and the answer of
 * the analyzer (the Worker, where the RouteTable lives). View state only: never part of the
 * document or its undo history.
 *
 * Data flow: an input change → (debounced) one simulate request at a time, naming the table of the
 * analysis the canvas shows → the answer is applied only if it is of the current revision (typing
 * and new analyses bump it: stale answers are dropped) → selectors map it onto the canvas.
 */
export interface SimulatorView {
  readonly input: SimulatorInput;
  /** The answer is asked for and shown (panel and canvas); off until asked, and after Clear. */
  readonly active: boolean;
  /** Bumped by every input change and every new analysis shown; answers carry the one they are of. */
  readonly revision: number;
  /** The newest applied answer (it may be of an older revision while a newer one is on its way). */
  readonly answer: SimulationAnswer | null;
  readonly running: boolean;
  /** The analyzer failed (not the request: an invalid request is an answer). */
  readonly failure: string | null;
}

export interface SimulatorState {
  readonly simulator: SimulatorView;
}

export interface SimulatorActions {
  /** Edits the request (typing): asks again after a short pause. */
  setSimulatorInput(patch: Partial<SimulatorInput>): void;
  /** Asks now, for the current request (opening the simulator, Enter, Send). */
  startSimulator(): void;
  /** Hides the answer and the highlighted path. */
  clearSimulator(): void;
  /** Asks again after the design changed (called when a new analysis is shown). */
  refreshSimulator(): void;
  /** "Simulate this": fills the simulator with a rule's witness request, shows the panel and asks now. */
  simulateWitness(witness: WitnessRequest): void;
  /**
   * Another design was opened (New, an example, an import): the answer of the previous one is
   * cleared (it would dim every new node), and the request is proposed afresh from the new design
   * (see simulator-propose.ts) until the user writes one.
   */
  simulatorDesignOpened(): void;
  /** A new analysis is shown: proposes a request for it while the user has not written one. */
  proposeSimulatorRequest(): void;
}

/** A useful first request for the embedded example. */
export const DEFAULT_SIMULATOR_INPUT: SimulatorInput = {
  method: 'GET',
  url: 'https://www.shop.example.com/cart',
  headers: [],
  sni: '',
  mode: 'gateway',
  gateway: '',
  from: 'shop/frontend',
  labels: [],
  backendStatus: '',
  backendDelay: '',
};

/** After this long without an answer, the panel says it is working. */
const SLOW_MS = 150;

/** Typing pause before asking (the worker answers in well under a millisecond; this spares it keystrokes). */
export const SIMULATOR_DELAY_MS = 90;

type Store = DesignState & DesignActions;

export function createSimulatorSlice(
  set: StoreApi<Store>['setState'],
  get: () => Store,
  deps: { readonly analyzer: Analyzer; readonly simulatorDelayMs?: number },
): SimulatorState & SimulatorActions {
  const delay = deps.simulatorDelayMs ?? SIMULATOR_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  // The request is the design's proposal, not the user's: each analysis shown may propose another.
  let proposing = true;
  // Another design was opened and its first analysis is not shown yet.
  let opened = false;
  // The answer was on show when another design was opened: shown again for the new design's request.
  let resume = false;
  const update = (patch: Partial<SimulatorView>): void => set({ simulator: { ...get().simulator, ...patch } });

  const run = (): void => {
    const s = get();
    const simulate = deps.analyzer.simulate?.bind(deps.analyzer);
    const tableId = s.shown?.tableId ?? null;
    // Nothing compiled yet: refreshSimulator asks once an analysis is shown.
    if (!s.simulator.active || !simulate || tableId === null || inFlight) return;
    const seq = s.simulator.revision;
    inFlight = true;
    // Say "running" only when an answer is slow (the worker is busy analysing): a quick answer
    // then costs one store update, not three.
    const slow = setTimeout(() => update({ running: true }), SLOW_MS);
    let patch: Partial<SimulatorView> = {};
    simulate({ seq, tableId, input: s.simulator.input })
      .then(
        (answer) => {
          const now = get().simulator;
          // Stale (typed on, or a new analysis) or unavailable (a newer table replaced it): dropped.
          if (answer.seq !== now.revision || !now.active || answer.kind === 'unavailable') return;
          patch = { answer, failure: null };
        },
        (error: unknown) => {
          patch = { failure: `simulation failed: ${error instanceof Error ? error.message : String(error)}` };
        },
      )
      .finally(() => {
        clearTimeout(slow);
        inFlight = false;
        const now = get();
        const moved = now.simulator.revision !== seq || (now.shown?.tableId ?? null) !== tableId;
        const again = now.simulator.active && moved && timer === null;
        if (!again && now.simulator.running) patch = { ...patch, running: false };
        if (Object.keys(patch).length > 0) update(patch);
        if (again) run();
      });
  };

  const schedule = (ms: number): void => {
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
    simulator: { input: DEFAULT_SIMULATOR_INPUT, active: false, revision: 0, answer: null, running: false, failure: null },

    setSimulatorInput(patch) {
      proposing = false;
      const sim = get().simulator;
      update({ input: { ...sim.input, ...patch }, active: true, revision: sim.revision + 1 });
      schedule(delay);
    },

    startSimulator() {
      get().proposeSimulatorRequest();
      proposing = false;
      update({ active: true, revision: get().simulator.revision + 1 });
      schedule(0);
    },

    clearSimulator() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      update({ active: false, answer: null, revision: get().simulator.revision + 1, failure: null });
    },

    refreshSimulator() {
      if (!get().simulator.active) return;
      update({ revision: get().simulator.revision + 1 });
      schedule(0);
    },

    simulateWitness(witness) {
      proposing = false;
      update({ input: witnessInput(witness, get().simulator.input), active: true, revision: get().simulator.revision + 1 });
      get().setPanelTab('simulator');
      schedule(0);
    },

    simulatorDesignOpened() {
      resume = get().simulator.active;
      opened = true;
      proposing = true;
      get().clearSimulator();
    },

    proposeSimulatorRequest() {
      const shown = get().shown;
      if (!shown) return;
      const first = opened;
      const wasOn = resume;
      opened = false;
      resume = false;
      if (!proposing) return;
      const input = proposedInput(shown.resources, get().simulator.input, newKeyValue);
      if (input !== null && input !== 'fits') update({ input, revision: get().simulator.revision + 1 });
      // The design just opened is answered at once when the answer was on show or the user is looking
      // at the simulator; an empty design (New) has no answer to show: the simulator stays off as
      // objects are added (nothing is dimmed while the user builds).
      if (first && input !== null && (wasOn || get().panelTab === 'simulator')) get().startSimulator();
    },
  };
}

/**
 * Keeps the answer in step with the design: a new analysis on the canvas → ask again; another
 * design opened → the old answer goes and the request is proposed for the new one.
 */
export function watchSimulator(store: StoreApi<Store>): void {
  store.subscribe((s, prev) => {
    // A load replaces the whole document: it is another design, whatever its text.
    if (s.textReplaced !== prev.textReplaced && s.textCause === 'load') s.simulatorDesignOpened();
    if (s.shown === prev.shown) return;
    s.proposeSimulatorRequest();
    s.refreshSimulator();
  });
}

/**
 * A witness request (`'GET https://h/p'`, headers, gateway, mesh client, backend answers: `simulate`'s terms) as the
 * simulator's form holds it; what the witness leaves open keeps its default.
 */
export function witnessInput(w: WitnessRequest, before: SimulatorInput = DEFAULT_SIMULATOR_INPUT): SimulatorInput {
  const space = w.request.indexOf(' ');
  const method = space < 0 ? 'GET' : w.request.slice(0, space);
  const url = space < 0 ? w.request : w.request.slice(space + 1);
  const headers = Object.entries(w.headers).map(([name, value]) => newKeyValue(name, value));
  // The witness is the whole request in simulate's terms: no backend flags = 200 at once.
  const common = { method, url, headers, sni: w.sni ?? '', backendStatus: w.backendStatus ?? '', backendDelay: w.backendDelay ?? '' };
  if (w.mesh) {
    const labels = Object.entries(w.mesh.labels ?? {}).map(([name, value]) => newKeyValue(name, value));
    return { ...before, ...common, mode: 'mesh', from: w.mesh.from, labels };
  }
  return { ...before, ...common, mode: 'gateway', gateway: w.gateway ?? '' };
}

let nextRowId = 1;

/** A fresh, empty header or label row. */
export function newKeyValue(name = '', value = ''): KeyValue {
  return { id: nextRowId++, name, value };
}
