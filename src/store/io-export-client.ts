import type { ConvertedExport, ConvertRequest } from './io-export';

export type ConvertForExport = (request: Omit<ConvertRequest, 'seq'>) => Promise<ConvertedExport>;

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, { resolve: (r: ConvertedExport) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./io-export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  w.onmessage = (event: MessageEvent<ConvertedExport | { seq: number; error: string }>) => {
    const p = pending.get(event.data.seq);
    pending.delete(event.data.seq);
    if ('error' in event.data) p?.reject(new Error(event.data.error));
    else p?.resolve(event.data);
  };
  w.onerror = (event) => {
    for (const p of pending.values()) p.reject(new Error(event.message || 'the export worker failed'));
    pending.clear();
  };
  return w;
}

/** Converts in a Worker started on the first export (its code is fetched only then). */
export const convertInWorker: ConvertForExport = (request) => {
  worker ??= start();
  const id = ++seq;
  const w = worker;
  return new Promise<ConvertedExport>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...request, seq: id });
  });
};
