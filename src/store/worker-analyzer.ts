import type { Analysis, AnalysisRequest, Analyzer } from './analysis';

/**
 * Analyzer backed by a module Worker. The worker answers in order; each answer resolves the
 * request with its sequence number. The store sends one request at a time and drops stale ones.
 */
export function createWorkerAnalyzer(): Analyzer {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  const pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<Analysis>) => {
    const p = pending.get(event.data.seq);
    pending.delete(event.data.seq);
    p?.resolve(event.data);
  };
  worker.onerror = (event) => {
    for (const p of pending.values()) p.reject(new Error(event.message || 'the analysis worker failed'));
    pending.clear();
  };
  return {
    analyze(request: AnalysisRequest) {
      return new Promise<Analysis>((resolve, reject) => {
        pending.set(request.seq, { resolve, reject });
        worker.postMessage(request);
      });
    },
    dispose() {
      worker.terminate();
    },
  };
}
