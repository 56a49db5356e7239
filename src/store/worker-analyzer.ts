import type { Analysis, AnalysisRequest, Analyzer } from './analysis';
import { AnalysisAssembler, type AnalyzerMessage, type AnalyzerReply } from './analyzer-protocol';
import type { SimulationAnswer, SimulationRequest } from './simulation';

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * Analyzer backed by a module Worker (see analyzer-protocol.ts). The worker answers in order;
 * each answer resolves the request with its sequence number. The store sends one request of each
 * kind at a time and drops stale answers.
 */
export function createWorkerAnalyzer(): Analyzer {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  const analyses = new Map<number, Pending<Analysis>>();
  const simulations = new Map<number, Pending<SimulationAnswer>>();
  const send = (message: AnalyzerMessage): void => worker.postMessage(message);
  const assembler = new AnalysisAssembler();
  worker.onmessage = (event: MessageEvent<AnalyzerReply>) => {
    const reply = event.data;
    if (reply.type === 'analysis-chunk' || reply.type === 'analysis') {
      const analysis = assembler.add(reply);
      if (!analysis) return;
      analyses.get(analysis.seq)?.resolve(analysis);
      analyses.delete(analysis.seq);
    } else {
      simulations.get(reply.answer.seq)?.resolve(reply.answer);
      simulations.delete(reply.answer.seq);
    }
  };
  worker.onerror = (event) => {
    const error = new Error(event.message || 'the analysis worker failed');
    for (const p of [...analyses.values(), ...simulations.values()]) p.reject(error);
    analyses.clear();
    simulations.clear();
  };
  return {
    analyze(request: AnalysisRequest) {
      return new Promise<Analysis>((resolve, reject) => {
        analyses.set(request.seq, { resolve, reject });
        send({ type: 'analyze', request });
      });
    },
    simulate(request: SimulationRequest) {
      return new Promise<SimulationAnswer>((resolve, reject) => {
        simulations.set(request.seq, { resolve, reject });
        send({ type: 'simulate', request });
      });
    },
    dispose() {
      worker.terminate();
    },
  };
}
