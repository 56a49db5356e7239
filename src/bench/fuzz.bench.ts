import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { seedOf as seedOfCase, type BenchMessage, type BenchWorkerData } from './fuzz/bench-protocol.js';
import { report } from './harness.js';

/**
 * Issue 9's fuzz figure: `cases` random and mutated designs (fuzz/arbitraries.ts) through the whole
 * engine and, one in a hundred, the UI store — in worker threads, one per core. Prints progress, then
 * cases run, exceptions (must be 0), the slowest case and its seed. Ctrl-C stops it and reports what
 * ran. A case that has not ended after HANG_MS is reported as a hang and its worker replaced.
 * Replay a case by its seed: FUZZ_SEED=<seed> FUZZ_RUNS=1 npx vitest run src/bench/fuzz/fuzz.test.ts
 */
const HANG_MS = 30_000;
const BOOT = new URL('./fuzz/worker-boot.mjs', import.meta.url);
const MODULE = new URL('./fuzz/bench-worker.ts', import.meta.url).href;

interface Failure {
  readonly seed: number;
  readonly origin: string;
  readonly message: string;
}

export async function benchFuzz(cases: number, base = 9): Promise<number> {
  const threads = Math.max(1, Math.min(availableParallelism(), 4));
  console.log(`\nFuzz: ${cases.toLocaleString('en-US')} cases (base seed ${base}) in ${threads} worker thread(s)`);
  const progress = new SharedArrayBuffer(4 * threads);
  const current = new Int32Array(progress);
  const failures: Failure[] = [];
  const done = new Array<number>(threads).fill(0);
  let storeCases = 0;
  let worst = { ms: 0, seed: 0, origin: '' };
  const t0 = performance.now();
  const workers = new Set<Worker>();
  let stopped = false;
  const fail = (f: Failure): void => {
    failures.push(f);
    console.log(`  FAILURE at seed ${f.seed} (${f.origin}): ${f.message.split('\n')[0]}`);
  };

  const start = (slot: number, from: number, to: number, counted: number): Promise<void> =>
    new Promise((resolve) => {
      if (from >= to || stopped) return resolve();
      const data: BenchWorkerData = { module: MODULE, from, to, base, progress, slot };
      const w = new Worker(BOOT, { workerData: data });
      workers.add(w);
      let lastIndex = -1;
      let since = performance.now();
      let stores = 0;
      const watchdog = setInterval(() => {
        const i = Atomics.load(current, slot);
        if (i !== lastIndex) [lastIndex, since] = [i, performance.now()];
        else if (performance.now() - since > HANG_MS) {
          fail({ seed: seedOfIndex(i), origin: `case ${i}`, message: `no answer after ${HANG_MS / 1000} s (a hang)` });
          clearInterval(watchdog);
          workers.delete(w);
          void w.terminate().then(() => start(slot, i + 1, to, i + 1 - (from - counted)).then(resolve));
        }
      }, 1000);
      const seedOfIndex = (i: number): number => seedOfCase(base, i);
      w.on('message', (m: BenchMessage) => {
        if (m.type === 'progress') {
          done[slot] = counted + m.done;
          storeCases += m.storeCases - stores;
          stores = m.storeCases;
          if (m.worstMs > worst.ms) worst = { ms: m.worstMs, seed: m.worstSeed, origin: m.worstOrigin };
        } else if (m.type === 'failure') fail({ seed: m.seed, origin: m.origin, message: m.message });
      });
      w.on('error', (e) => fail({ seed: seedOfIndex(Atomics.load(current, slot)), origin: 'worker', message: `worker died: ${e.message}` }));
      w.on('exit', () => {
        clearInterval(watchdog);
        if (workers.delete(w)) resolve();
      });
    });

  const ticker = setInterval(() => {
    const n = done.reduce((a, b) => a + b, 0);
    const s = (performance.now() - t0) / 1000;
    console.log(`  … ${n.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')} cases, ${s.toFixed(0)} s, ${failures.length} failure(s), slowest ${worst.ms.toFixed(0)} ms`);
  }, 10_000);
  const interrupt = (): void => {
    stopped = true;
    console.log('\n  interrupted: reporting the cases run so far');
    for (const w of workers) void w.terminate();
  };
  process.once('SIGINT', interrupt);

  const share = Math.ceil(cases / threads);
  await Promise.all(Array.from({ length: threads }, (_, k) => start(k, k * share, Math.min(cases, (k + 1) * share), 0)));
  clearInterval(ticker);
  process.removeListener('SIGINT', interrupt);

  const ran = done.reduce((a, b) => a + b, 0);
  report('cases run', `${ran.toLocaleString('en-US')} (${storeCases.toLocaleString('en-US')} also through the UI store) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  report('exceptions and broken invariants (must be 0)', String(failures.length));
  for (const f of failures.slice(0, 20)) report(`  seed ${f.seed}`, `${f.origin}: ${f.message.split('\n')[0]}`);
  report('slowest case', `${worst.ms.toFixed(1)} ms — seed ${worst.seed} (${worst.origin})`);
  report('replay a case', 'FUZZ_SEED=<seed> FUZZ_RUNS=1 npx vitest run src/bench/fuzz/fuzz.test.ts');
  return failures.length;
}
