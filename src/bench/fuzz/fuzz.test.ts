import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzCase } from './arbitraries.js';
import { runEngineCase } from './run-case.js';
import { loadSeeds } from './seeds.js';
import { runStoreCase } from './store-case.js';

/**
 * The small seeded fuzz run of `npm test` (`npm run bench` runs 100,000 cases). A failure prints
 * fast-check's seed and path; replay exactly that case with
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run src/bench/fuzz/fuzz.test.ts
 * (FUZZ_RUNS=<n> runs more cases; a case the bench names by its seed replays with FUZZ_SEED=<seed> FUZZ_RUNS=1).
 */
const env = process.env;
const seed = env.FUZZ_SEED === undefined ? 20_261_207 : Number(env.FUZZ_SEED);
const path = env.FUZZ_PATH;
const runs = env.FUZZ_RUNS === undefined ? 300 : Number(env.FUZZ_RUNS);
const params = { seed, numRuns: runs, ...(path === undefined ? {} : { path, endOnFailure: true }) };
const cases = fuzzCase(loadSeeds());

describe('fuzz: random and mutated designs', () => {
  it(`pass parse → validate → compile → simulate → convert → serialize without an exception (${runs} cases, seed ${seed})`, () => {
    fc.assert(fc.property(cases, (c) => {
      runEngineCase(c);
    }), params);
  }, 120_000);

  it('drive the UI store without a failure (a few cases)', async () => {
    // The bench drives the store with its case's seed: FUZZ_SEED=<seed> FUZZ_RUNS=1 replays that too.
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      await runStoreCase(c.text, seed);
    }), { ...params, numRuns: Math.max(1, Math.round(runs / 20)) });
  }, 120_000);
});
