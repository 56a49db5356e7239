import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { FuzzRun, FuzzRunResult } from './fuzz-worker.js';

/**
 * The small seeded fuzz run of `npm test` (`npm run bench` runs 100,000 cases): random and mutated
 * designs through parse → validate → compile → status → graph → simulate → convert both ways →
 * serialize, and some through the UI store. A failure prints fast-check's seed and path; replay
 * exactly that case with
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run src/bench/fuzz/fuzz.test.ts
 * A case the bench names by its seed replays with FUZZ_SEED=<seed> FUZZ_RUNS=1; FUZZ_RUNS=<n> runs more.
 * The run is in a worker thread: a case that never ends fails the test, naming its seed and index.
 */
const env = process.env;
const seed = env.FUZZ_SEED === undefined ? 20_261_207 : Number(env.FUZZ_SEED);
const path = env.FUZZ_PATH;
const runs = env.FUZZ_RUNS === undefined ? 300 : Number(env.FUZZ_RUNS);
const LIMIT_MS = 150_000;

function runFuzz(): Promise<FuzzRunResult> {
  const progress = new SharedArrayBuffer(4);
  const data: FuzzRun = { module: new URL('./fuzz-worker.ts', import.meta.url).href, seed, runs, progress, ...(path === undefined ? {} : { path }) };
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: data });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const i = Atomics.load(new Int32Array(progress), 0);
      void w.terminate();
      reject(new Error(`a case did not end within ${LIMIT_MS / 1000} s: seed ${seed}, case ${i} (replay: FUZZ_SEED=${seed} FUZZ_PATH=${i})`));
    }, LIMIT_MS);
    w.once('message', (r: FuzzRunResult) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(r);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('fuzz: random and mutated designs', () => {
  it(`pass the engine and the UI store without an exception (${runs} cases, seed ${seed})`, async () => {
    const r = await runFuzz();
    // fast-check's report as it wrote it: the counterexample, its seed and path.
    if (r.engine !== null) throw new Error(`through the engine: ${r.engine}`);
    if (r.store !== null) throw new Error(`through the UI store: ${r.store}`);
    expect(r).toEqual({ engine: null, store: null });
  }, LIMIT_MS + 10_000);
});
