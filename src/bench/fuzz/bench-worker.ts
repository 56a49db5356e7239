import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzCase } from './arbitraries.js';
import { seedOf, type BenchMessage, type BenchWorkerData } from './bench-protocol.js';
import { runEngineCase } from './run-case.js';
import { loadSeeds } from './seeds.js';
import { runStoreCase } from './store-case.js';

/** A fuzz bench worker: runs its share of the cases, reporting progress, failures and its slowest case. */
const data = workerData as BenchWorkerData;
const post = (m: BenchMessage): void => parentPort?.postMessage(m);
const current = new Int32Array(data.progress);
const cases = fuzzCase(loadSeeds());

let worstMs = 0;
let worstSeed = 0;
let worstOrigin = '';
let storeCases = 0;
for (let i = data.from; i < data.to; i++) {
  Atomics.store(current, data.slot, i);
  const seed = seedOf(data.base, i);
  const [c] = fc.sample(cases, { seed, numRuns: 1 });
  if (!c) continue;
  try {
    const ms = runEngineCase(c);
    if (ms > worstMs) [worstMs, worstSeed, worstOrigin] = [ms, seed, c.origin];
    if (c.store) {
      storeCases++;
      await runStoreCase(c.text, seed);
    }
  } catch (e) {
    post({ type: 'failure', index: i, seed, origin: c.origin, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  const done = i + 1 - data.from;
  if (done % 200 === 0 || i + 1 === data.to) post({ type: 'progress', done, storeCases, worstMs, worstSeed, worstOrigin });
}
post({ type: 'done' });
