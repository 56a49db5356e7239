import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzCase } from './arbitraries.js';
import { runEngineCase } from './run-case.js';
import { loadSeeds } from './seeds.js';
import { runStoreCase } from './store-case.js';

/**
 * fuzz.test.ts's run, in a worker thread so that a case that never ends can be stopped and named
 * (a synchronous loop cannot be interrupted in the test's own thread). Writes the index of the case
 * it is running to `progress`; answers fast-check's report of each property (null when it held).
 */
export interface FuzzRun {
  readonly module: string;
  readonly seed: number;
  readonly path?: string;
  readonly runs: number;
  readonly progress: SharedArrayBuffer;
}

export interface FuzzRunResult {
  readonly engine: string | null;
  readonly store: string | null;
}

const data = workerData as FuzzRun;
const current = new Int32Array(data.progress);
const cases = fuzzCase(loadSeeds());
const params = { seed: data.seed, numRuns: data.runs, ...(data.path === undefined ? {} : { path: data.path, endOnFailure: true }) };
let index = 0;

const engine = fc.check(fc.property(cases, (c) => {
  Atomics.store(current, 0, index++);
  runEngineCase(c);
}), params);
// The bench drives the store with its case's seed: FUZZ_SEED=<seed> FUZZ_RUNS=1 replays that too.
const store = await fc.check(fc.asyncProperty(cases, async (c) => {
  await runStoreCase(c.text, data.seed);
}), { ...params, numRuns: Math.max(1, Math.round(data.runs / 20)) });

/** fast-check's report (counterexample, seed, path) and the error the case raised. */
function report<Ts>(details: fc.RunDetails<Ts>): string | null {
  const message = fc.defaultReportMessage(details);
  if (message === undefined) return null;
  const e = details.errorInstance;
  return `${message}\nThe case raised: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

const result: FuzzRunResult = { engine: report(engine), store: report(store) };
parentPort?.postMessage(result);
