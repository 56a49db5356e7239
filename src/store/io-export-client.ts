import type { ConvertedExport, ConvertRequest } from './io-export';
import { DEFAULT_LIMITS, limitMs, type Limit } from './watchdog-limits';
import { seconds, watchWorker, type WatchedWorker, type WorkerLike } from './watched-worker';

export type ConvertForExport = (request: Omit<ConvertRequest, 'seq'>) => Promise<ConvertedExport>;

type Reply = ConvertedExport | { seq: number; error: string } | { type: 'ready' };

let watched: WatchedWorker | undefined;
let limit: Limit = DEFAULT_LIMITS.convert;
let spawn = (): WorkerLike => new Worker(new URL('./io-export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
let seq = 0;

/** Sets the conversion's bound (and, for tests, the worker); takes effect for the next worker. */
export function configureExportWorker(options: { readonly limit?: Limit; readonly spawn?: () => WorkerLike }): void {
  if (options.limit) limit = options.limit;
  if (options.spawn) spawn = options.spawn;
  watched?.dispose();
  watched = undefined;
}

/**
 * Converts in a Worker started on the first export (its code is fetched only then), watched: a
 * conversion gets `limit` (a base plus so much per MB of text); past it the worker is restarted
 * and the promise rejects with a `WorkerStopped` the dialog shows.
 */
export const convertInWorker: ConvertForExport = (request) => {
  watched ??= watchWorker({ spawn });
  const id = ++seq;
  const w = watched;
  return new Promise<ConvertedExport>((resolve, reject) =>
    w.send({
      message: { ...request, seq: id },
      limitMs: limitMs(limit, request.text.length),
      timeoutMessage: (ms) => `Converting the design took longer than ${seconds(ms)} and was stopped. Export it as is, or choose the dialect again to retry.`,
      receive(data) {
        const reply = data as Reply;
        if (!('seq' in reply) || reply.seq !== id) return false;
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
        return true;
      },
      fail: reject,
    }),
  );
};
