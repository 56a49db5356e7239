/** Messages between the fuzz bench (main thread) and its workers. */
export interface BenchWorkerData {
  readonly module: string;
  /** Cases [from, to) of the run; case i is generated from seedOf(base, i). */
  readonly from: number;
  readonly to: number;
  readonly base: number;
  /** Int32 slot per worker: the case it is running (for the watchdog). */
  readonly progress: SharedArrayBuffer;
  readonly slot: number;
}

export type BenchMessage =
  | { readonly type: 'progress'; readonly done: number; readonly storeCases: number; readonly worstMs: number; readonly worstSeed: number; readonly worstOrigin: string }
  | { readonly type: 'failure'; readonly index: number; readonly seed: number; readonly origin: string; readonly message: string }
  | { readonly type: 'done' };

/** The seed of case `i` of a run: each case replays alone (FUZZ_SEED=<seed> FUZZ_RUNS=1). */
export function seedOf(base: number, i: number): number {
  let h = (base ^ Math.imul(i + 1, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
