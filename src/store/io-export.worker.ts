import { convertForExport, type ConvertedExport, type ConvertRequest } from './io-export';

/**
 * Conversion for the export dialog, off the main thread: a 1,000-route design never blocks the
 * page. It says `ready` once loaded; the page's watchdog (io-export-client.ts) restarts it when an
 * answer is too late.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ConvertRequest>) => void) | null;
  postMessage(message: ConvertedExport | { seq: number; error: string } | { type: 'ready' }): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  try {
    scope.postMessage(convertForExport(event.data));
  } catch (e) {
    scope.postMessage({ seq: event.data.seq, error: e instanceof Error ? e.message : String(e) });
  }
};
scope.postMessage({ type: 'ready' });
