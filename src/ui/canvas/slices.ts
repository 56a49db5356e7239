import { useEffect, useMemo, useState } from 'react';

/**
 * Work cut into slices: a generator that yields now and then (every few hundred items) and
 * returns its result. Run at once (`finish`) or a few milliseconds a task (`runSliced`), so a
 * big design's hundred thousand nodes are built without one long main-thread task.
 */
export type Job<T> = Generator<void, T, void>;

/** Runs a job to its end now. */
export function finish<T>(job: Job<T>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

/** How long one slice may run (ms): a task well under the 50 ms a long task starts at. */
export const SLICE_MS = 8;

/** Runs `job` for about `budget` ms (at least one step): its result if it ended. `now` is the clock. */
export function slice<T>(job: Job<T>, budget: number, now: () => number = () => performance.now()): { done: true; value: T } | { done: false } {
  const until = now() + budget;
  for (;;) {
    const r = job.next();
    if (r.done) return { done: true, value: r.value };
    if (now() >= until) return { done: false };
  }
}

/**
 * Runs `job` a slice a task (MessageChannel: no 4 ms timer clamp, input and frames get in
 * between) and hands its result to `done`. Returns the cancel.
 */
export function runSliced<T>(job: Job<T>, done: (value: T) => void, budget = SLICE_MS): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    if (cancelled) return;
    const r = slice(job, budget);
    if (!r.done) {
      channel.port2.postMessage(null);
      return;
    }
    channel.port1.close();
    done(r.value);
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/**
 * The result of the job `make` builds: at once (in render) when `sync`, otherwise run in slices
 * — meanwhile the last finished result stands, and `pending` says a newer one is on its way.
 * `make` is memoised by the caller: a new `make` is a new job.
 */
export function useSliced<T>(make: () => Job<T>, sync: boolean, initial: T): { value: T; pending: boolean } {
  const [done, setDone] = useState<{ readonly of: unknown; readonly value: T }>({ of: null, value: initial });
  const now = useMemo(() => (sync ? { value: finish(make()) } : null), [make, sync]);
  useEffect(() => {
    if (sync) return;
    return runSliced(make(), (value) => setDone({ of: make, value }));
  }, [make, sync]);
  if (now) {
    // Remembered as the last result: if the next job is sliced, this stands meanwhile.
    if (done.of !== make) setDone({ of: make, value: now.value });
    return { value: now.value, pending: false };
  }
  return { value: done.value, pending: done.of !== make };
}
