/**
 * A Worker that evaluates user input, with a watchdog. The worker answers requests in the order
 * they were sent; the request at the head of the queue must be answered within its bound (counted
 * from when the worker starts on it: after its start-up and after the requests before it). When a
 * bound passes, or the caller cancels, the worker is terminated and a fresh one started: the
 * request is rejected (`WorkerStopped`), the requests queued behind it are sent again to the new
 * worker, and nothing the old worker still had (its state, a half-sent answer) is kept.
 *
 * The worker posts `{ type: 'ready' }` once its code has loaded (see `READY`), and
 * `{ type: 'failed', message }` (see `failed`) when its code threw on a request: that request is
 * rejected with the message at once, and the worker, whose state is intact, goes on with the next.
 */

/** What the watchdog needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** The message a worker posts when its code has loaded: bounds start only then. */
export const READY = { type: 'ready' } as const;

export function isReady(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ready';
}

/** The reply of a worker whose code threw on the request it was on. */
export interface FailedReply {
  readonly type: 'failed';
  readonly message: string;
}

export function failed(error: unknown): FailedReply {
  return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
}

const isFailed = (data: unknown): data is FailedReply => typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'failed';

/** A request stopped by the watchdog (`timeout`) or by the user (`cancelled`). */
export class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';
  constructor(
    readonly reason: 'timeout' | 'cancelled',
    message: string,
    /** The bound that passed (timeout only). */
    readonly limitMs = 0,
  ) {
    super(message);
  }
}

export function isWorkerStopped(error: unknown): error is WorkerStopped {
  return error instanceof Error && error.name === 'WorkerStopped';
}

export interface Job {
  readonly message: unknown;
  /** The bound for this request once the worker is on it; Infinity for none. */
  readonly limitMs: number;
  /** The rejection when the bound passes (the limit is rounded up to whole seconds). */
  timeoutMessage(limitMs: number): string;
  /** Takes one reply of this job; returns true when it was the last one. */
  receive(data: unknown): boolean;
  fail(error: Error): void;
}

export interface WatchedWorker {
  send(job: Job): void;
  /**
   * Cancels the jobs `which` picks: when one is waiting, the worker is restarted, they are
   * rejected as cancelled and the others are sent again.
   */
  cancel(which: (job: Job) => boolean, message: string): void;
  /**
   * Called after each restart with the jobs about to be sent again: the fresh worker knows
   * nothing (a job sent from here goes ahead of them).
   */
  onRestart(listener: (requeued: readonly Job[]) => void): void;
  dispose(): void;
}

export interface WatchOptions {
  readonly spawn: () => WorkerLike;
  /** Timers (injectable for tests). */
  readonly setTimer?: (f: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** Seconds for a message, rounded down so that "took longer than 12 s" stays true. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${(Math.floor(ms / 100) / 10).toFixed(1)} s` : `${Math.floor(ms / 1000)} s`;
}

export function watchWorker(options: WatchOptions): WatchedWorker {
  const setTimer = options.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const listeners: ((requeued: readonly Job[]) => void)[] = [];
  let queue: Job[] = [];
  let worker: WorkerLike;
  let ready = false;
  let timer: unknown = null;
  let armedFor: Job | null = null;

  const disarm = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    armedFor = null;
  };

  /** The head job's bound starts when the worker is ready and on it. */
  const arm = (): void => {
    const head = queue[0];
    if (!ready || !head || armedFor === head) return;
    disarm();
    armedFor = head;
    if (Number.isFinite(head.limitMs)) timer = setTimer(() => stop((j) => j === head, new WorkerStopped('timeout', head.timeoutMessage(head.limitMs), head.limitMs)), head.limitMs);
  };

  const start = (): void => {
    ready = false;
    worker = options.spawn();
    worker.onmessage = (event: MessageEvent) => {
      if (isReady(event.data)) {
        ready = true;
        arm();
        return;
      }
      const head = queue[0];
      if (!head) return;
      if (isFailed(event.data)) {
        queue.shift();
        disarm();
        arm();
        head.fail(new Error(event.data.message));
        return;
      }
      if (head.receive(event.data)) {
        queue.shift();
        disarm();
        arm();
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      // The worker failed (its code did not load, or threw outside a request): every job fails.
      const error = new Error(event.message || 'the worker failed');
      const failed = queue;
      queue = [];
      disarm();
      for (const job of failed) job.fail(error);
    };
  };

  /** Terminates the worker, rejects the jobs `failing` picks and sends the rest to a fresh one. */
  const stop = (failing: (job: Job) => boolean, error: WorkerStopped): void => {
    disarm();
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    const rest = queue.filter((j) => !failing(j));
    const failed = queue.filter(failing);
    queue = [];
    start();
    for (const listener of listeners) listener(rest);
    for (const j of rest) send(j);
    for (const j of failed) j.fail(error);
  };

  const send = (job: Job): void => {
    queue.push(job);
    worker.postMessage(job.message);
    arm();
  };

  start();
  return {
    send,
    cancel(which, message) {
      if (queue.some(which)) stop(which, new WorkerStopped('cancelled', message));
    },
    onRestart(listener) {
      listeners.push(listener);
    },
    dispose() {
      disarm();
      worker.terminate();
    },
  };
}
