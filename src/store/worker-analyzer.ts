import type { Analysis, AnalysisProgress, AnalysisRequest, Analyzer } from './analysis';
import { AnalysisAssembler, type AnalyzerMessage, type AnalyzerReply } from './analyzer-protocol';
import type { RouteTestsAnswer, RouteTestsRequest } from './route-tests-run';
import type { SimulationAnswer, SimulationRequest } from './simulation';
import { CompareAssembler, type ComparePiece } from './compare-protocol';
import type { CompareAnswer, CompareRequest } from './comparison';
import { DEFAULT_LIMITS, limitMs, type WatchdogLimits } from './watchdog-limits';
import { seconds, watchWorker, type Job, type WatchOptions, type WorkerLike } from './watched-worker';

export interface WorkerAnalyzerOptions extends Partial<Omit<WatchOptions, 'spawn'>> {
  readonly limits?: Pick<WatchdogLimits, 'analysis' | 'simulate'> & Partial<Pick<WatchdogLimits, 'compare'>>;
  /** The worker to start (tests pass a fake); default the module worker analysis.worker.ts. */
  readonly spawn?: () => WorkerLike;
}

/** Where each reported step leaves the progress (parsing has no percentage of its own). */
const AFTER_STEP = {
  parsed: { phase: 'checking', percent: 40 },
  validated: { phase: 'compiling', percent: 55 },
  compiled: { phase: 'graphing', percent: 75 },
  graphed: { phase: 'receiving', percent: 90 },
  sending: { phase: 'receiving', percent: 90 },
} as const;

/** Texts smaller than this analyse in well under a second: their progress is not reported. */
export const PROGRESS_MIN_CHARS = 512 * 1024;

const charsOf = (request: AnalysisRequest): number => request.files.reduce((n, f) => n + f.text.length, 0);

/** Both versions' text; the after's is that of the table's analysis (taken as the before's when not known here). */
const compareChars = (request: CompareRequest, after: AnalysisRequest | null): number => {
  const before = request.before.files.reduce((n, f) => n + f.text.length, 0);
  return before + (after?.seq === request.afterTableId ? charsOf(after) : before);
};

const spawnAnalysisWorker = (): WorkerLike => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });

/**
 * Analyzer backed by a module Worker (see analyzer-protocol.ts), watched (see watched-worker.ts):
 * an analysis gets `limits.analysis` (a base plus so much per MB of text), a simulation
 * `limits.simulate`; past its bound the worker is restarted and the request rejects with a
 * `WorkerStopped` saying what took too long. The store sends one analysis at a time; a fresh
 * worker has no compiled table, so a simulation of the last one analysed has it analysed again
 * first.
 */
export function createWorkerAnalyzer(options: WorkerAnalyzerOptions = {}): Analyzer {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const watched = watchWorker({ ...options, spawn: options.spawn ?? spawnAnalysisWorker });
  let assembler = new AnalysisAssembler();
  const compareAssembler = new CompareAssembler();
  /** Tables the running worker holds, and the request of the newest one (to analyse it again). */
  let known = new Set<number>();
  let lastTable: AnalysisRequest | null = null;
  /** Has a fresh worker compile the table a simulation names again, before that simulation. */
  const recompile = (tableId: number): void => {
    const again = lastTable;
    if (known.has(tableId) || again?.seq !== tableId) return;
    known.add(tableId);
    // When that analysis is itself stopped, no further attempt is made.
    const forget = (): void => {
      if (lastTable === again) lastTable = null;
    };
    watched.send(analysisJob(again, () => undefined, forget));
  };
  watched.onRestart((requeued) => {
    assembler = new AnalysisAssembler();
    known = new Set();
    compareAssembler.reset();
    for (const job of requeued) {
      const message = job.message as AnalyzerMessage;
      if (message.type === 'compare') recompile(message.request.afterTableId);
      if (message.type === 'simulate' || message.type === 'run-tests') recompile(message.request.tableId);
    }
  });

  const analysisJob = (request: AnalysisRequest, resolve: (a: Analysis) => void, reject: (e: Error) => void, onProgress?: (p: AnalysisProgress) => void): Job => {
    const chars = charsOf(request);
    const report = (p: Omit<AnalysisProgress, 'seq' | 'chars'>): void => {
      if (chars >= PROGRESS_MIN_CHARS) onProgress?.({ seq: request.seq, chars, ...p });
    };
    let messages = 0;
    let received = 0;
    let objects = 0;
    report({ phase: 'parsing', percent: null, objects: null });
    return {
      message: { type: 'analyze', request },
      limitMs: limitMs(limits.analysis, chars),
      timeoutMessage: (ms) => `Analysis of the design took longer than ${seconds(ms)} and was stopped — the last good design is shown; edit to try again.`,
      receive(data) {
        const reply = data as AnalyzerReply;
        if (reply.type === 'progress') {
          objects = reply.objects;
          messages = reply.messages ?? messages;
          report({ ...AFTER_STEP[reply.step], objects });
          return false;
        }
        if (reply.type === 'analysis-chunk') {
          assembler.add(reply);
          received++;
          if (messages > 0 && received % 20 === 0) report({ phase: 'receiving', percent: 90 + Math.floor((10 * received) / messages), objects });
          return false;
        }
        if (reply.type !== 'analysis') return false;
        const analysis = assembler.add(reply);
        if (analysis?.tableId != null) {
          known.add(analysis.tableId);
          lastTable = request;
        }
        if (analysis) resolve(analysis);
        return true;
      },
      fail: reject,
    };
  };

  const simulationJob = (request: SimulationRequest, resolve: (a: SimulationAnswer) => void, reject: (e: Error) => void): Job => ({
    message: { type: 'simulate', request },
    limitMs: limitMs(limits.simulate, 0),
    timeoutMessage: (ms) => `Simulating the request took longer than ${seconds(ms)} and was stopped; change the request or the design to try again.`,
    receive(data) {
      const reply = data as AnalyzerReply;
      if (reply.type !== 'simulation') return false;
      resolve(reply.answer);
      return true;
    },
    fail: reject,
  });

  const testsJob = (request: RouteTestsRequest, resolve: (a: RouteTestsAnswer) => void, reject: (e: Error) => void): Job => ({
    message: { type: 'run-tests', request },
    limitMs: limitMs(limits.simulate, request.text.length),
    timeoutMessage: (ms) => `Running the route tests took longer than ${seconds(ms)} and was stopped; edit the tests or the design to try again.`,
    receive(data) {
      const reply = data as AnalyzerReply;
      if (reply.type !== 'tests') return false;
      resolve(reply.answer);
      return true;
    },
    fail: reject,
  });

  const compareJob = (request: CompareRequest, resolve: (a: CompareAnswer) => void, reject: (e: Error) => void): Job => ({
    message: { type: 'compare', request },
    limitMs: limitMs(limits.compare ?? DEFAULT_LIMITS.compare, compareChars(request, lastTable)),
    timeoutMessage: (ms) => `Comparing with the before version took longer than ${seconds(ms)} and was stopped; edit the design or choose another before version to try again.`,
    receive(data) {
      const reply = data as AnalyzerReply;
      if (reply.type !== 'compare-chunk' && reply.type !== 'comparison') return false;
      const answer = compareAssembler.add(reply as ComparePiece);
      if (answer) resolve(answer);
      return answer !== null;
    },
    fail: reject,
  });

  return {
    analyze(request, onProgress) {
      return new Promise<Analysis>((resolve, reject) => watched.send(analysisJob(request, resolve, reject, onProgress)));
    },
    simulate(request) {
      recompile(request.tableId);
      return new Promise<SimulationAnswer>((resolve, reject) => watched.send(simulationJob(request, resolve, reject)));
    },
    runTests(request) {
      recompile(request.tableId);
      return new Promise<RouteTestsAnswer>((resolve, reject) => watched.send(testsJob(request, resolve, reject)));
    },
    compare(request) {
      recompile(request.afterTableId);
      return new Promise<CompareAnswer>((resolve, reject) => watched.send(compareJob(request, resolve, reject)));
    },
    cancel() {
      watched.cancel((job) => (job.message as { type?: string }).type === 'analyze', 'The analysis was cancelled.');
    },
    dispose() {
      watched.dispose();
    },
  };
}
