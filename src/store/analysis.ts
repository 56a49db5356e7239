import { buildGraph, locateDiagnostics, review } from '../core/index';
import type { Diagnostic, Resource, ResourceId, RouteGraph, RouteTable, SecretFacts, SourceFile, StatusList, Target, Verdict } from '../core/index';
import { readTarget, type AnalysedTarget } from './analysis-target';
import { runRouteTestsText, type RouteTestsAnswer, type RouteTestsRequest } from './route-tests-run';
import { runSimulation, type SimulationAnswer, type SimulationRequest } from './simulation';
import { createComparer, keptForDiff, type CompareAnswer, type CompareRequest } from './comparison';

/**
 * What one parse + validate of the document yields. Computed off the main thread (see
 * analysis.worker.ts); everything here is plain data that survives structured cloning.
 */
export interface Analysis {
  /** The document revision (`DesignState.textSeq`) this analysis is of. */
  readonly seq: number;
  readonly resources: readonly Resource[];
  /** Sorted by file, line, column. */
  readonly diagnostics: readonly Diagnostic[];
  /** The resource each diagnostic is about, aligned with `diagnostics`. */
  readonly owners: readonly (ResourceId | null)[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  /**
   * The text has YAML-level errors: some documents could not be read at all, so `resources` is
   * incomplete. The canvas keeps the last analysis without them.
   */
  readonly broken: boolean;
  /** Set when parsing replaced Secret values: the document's text must become this. */
  readonly redactedText?: string;
  /**
   * The status a conformant controller would write on every Gateway API object (compile's), for
   * the canvas and the inspector; null when the YAML is broken (nothing was compiled).
   */
  readonly status: StatusList | null;
  /**
   * The canvas's graph of `resources` (with their diagnostics and status): built here, off the
   * main thread — on a 1,000-route design it takes 100–200 ms. Plain data.
   */
  readonly graph: RouteGraph;
  /**
   * The compiled RouteTable stays with the analyzer (in the Worker: on a 10,000-route design it is
   * large); simulate requests name it by this id. Null when nothing was compiled.
   */
  readonly tableId: number | null;
  /**
   * The target the design was judged for (issue 14): the request's text and how it resolved. An
   * analysis of the current text made for another target is not current (the store re-analyses).
   */
  readonly target: AnalysedTarget;
  readonly millis: number;
}

export interface AnalysisRequest {
  readonly seq: number;
  readonly files: readonly SourceFile[];
  /** The target, as the CLI's `--target` text (`DesignState.target`); absent or '' = the default target. */
  readonly target?: string;
}

/** Where an analysis is, for a big input's progress display. */
export interface AnalysisProgress {
  /** The revision being analysed (`AnalysisRequest.seq`). */
  readonly seq: number;
  readonly phase: 'parsing' | 'checking' | 'compiling' | 'graphing' | 'receiving';
  /** 0–100; null while parsing (the parser does not report its progress). */
  readonly percent: number | null;
  /** Objects found (known once parsed). */
  readonly objects: number | null;
  /** Size of the text analysed, in characters. */
  readonly chars: number;
}

/** Runs an analysis somewhere (a Worker in the browser, in-process in tests). */
export interface Analyzer {
  analyze(request: AnalysisRequest, onProgress?: (progress: AnalysisProgress) => void): Promise<Analysis>;
  /** Simulates a request against the table of an analysis this analyzer made (see `Analysis.tableId`). */
  simulate?(request: SimulationRequest): Promise<SimulationAnswer>;
  /** Diffs a before version with the analysis whose table the request names (comparison.ts). */
  compare?(request: CompareRequest): Promise<CompareAnswer>;
  /** Runs the design's route tests against the table of an analysis this analyzer made. */
  runTests?(request: RouteTestsRequest): Promise<RouteTestsAnswer>;
  /** Stops the analysis under way: its promise rejects with a `WorkerStopped` ('cancelled'). */
  cancel?(): void;
  dispose(): void;
}


/** The steps of an analysis, in order; each is reported when done (with the objects found so far). */
export type AnalysisStep = 'parsed' | 'validated' | 'compiled' | 'graphed';

/**
 * The pure step: text → the reviewer's verdict (core `review`: parse, validate, compile, the
 * istioctl analyzers and reachability — the same set `route-designer validate` prints) + the
 * graph that draws it, and the RouteTable. A design with unreadable documents is not compiled:
 * its missing objects would only add noise (the canvas keeps the last good analysis meanwhile).
 */
export function analyzeWithTable(
  request: AnalysisRequest,
  onStep?: (step: AnalysisStep, objects: number) => void,
  knownSecretFacts?: ReadonlyMap<string, SecretFacts>,
): { analysis: Analysis; table: RouteTable | null; verdict: Verdict; target: Target } {
  const start = Date.now();
  const { target, shown } = readTarget(request.target);
  // The analyzers run after compile: the progress display counts them with it.
  const verdict = review(request.files, {
    ...(knownSecretFacts ? { knownSecretFacts } : {}),
    target,
    onStep: (step, p) => {
      if (step !== 'compiled') onStep?.(step === 'analyzed' ? 'compiled' : step, p.resources.length);
    },
  });
  const { parsed, diagnostics, compiled, broken } = verdict;
  const objects = parsed.resources.length;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const redacted = parsed.files.find((f) => f.redacted);
  const graph = buildGraph(parsed.resources, diagnostics, compiled?.status, verdict.reach);
  onStep?.('graphed', objects);
  const analysis: Analysis = {
    seq: request.seq,
    resources: parsed.resources,
    diagnostics,
    owners: locateDiagnostics(parsed.resources, diagnostics),
    counts,
    broken,
    ...(redacted ? { redactedText: redacted.text } : {}),
    status: compiled?.status ?? null,
    graph,
    tableId: compiled ? request.seq : null,
    target: shown,
    millis: Date.now() - start,
  };
  return { analysis, table: compiled?.table ?? null, verdict, target };
}

export function analyze(request: AnalysisRequest): Analysis {
  return analyzeWithTable(request).analysis;
}

/** How many compiled tables an analyzer keeps: the canvas's (last good) one and a newer one. */
const KEPT_TABLES = 2;

/**
 * The analyzer's state, wherever it runs: it analyses, keeps the newest compiled tables, and
 * answers simulate requests against the one they name.
 */
export function createAnalysisSession() {
  const tables = new Map<number, RouteTable>();
  // The target each table was compiled for: its simulations follow that target (none when the
  // design has the default one: today's answers, as the CLI without --target), and the compare
  // view reviews the before version for it too.
  const targets = new Map<number, { readonly text: string; readonly target: Target | undefined }>();
  // The verdicts of the same analyses, for the compare view's diff (kept and dropped with them).
  const verdicts = new Map<number, Verdict>();
  const comparer = createComparer(analyzeWithTable);
  // Certificate verdicts read before redaction: once the editor holds the redacted text, later
  // analyses see only placeholders, and these keep a bad certificate reported.
  const known = new Map<string, SecretFacts>();
  return {
    analyze(request: AnalysisRequest, onStep?: (step: AnalysisStep, objects: number) => void): Analysis {
      const { analysis, table, verdict, target } = analyzeWithTable(request, onStep, known);
      for (const r of analysis.resources) if (r.secretFacts) known.set(r.id, r.secretFacts);
      if (table && analysis.tableId !== null) {
        // The same text analysed again for another target replaces its table (same id).
        tables.delete(analysis.tableId);
        tables.set(analysis.tableId, table);
        verdicts.set(analysis.tableId, keptForDiff(verdict));
        targets.set(analysis.tableId, { text: analysis.target.text, target: analysis.target.text === '' ? undefined : target });
        for (const id of [...tables.keys()].slice(0, Math.max(0, tables.size - KEPT_TABLES))) {
          tables.delete(id);
          verdicts.delete(id);
          targets.delete(id);
        }
      }
      return analysis;
    },
    simulate(request: SimulationRequest): SimulationAnswer {
      const table = tables.get(request.tableId) ?? comparer.table(request.tableId);
      const target = targets.get(request.tableId)?.target ?? comparer.target(request.tableId);
      return table ? runSimulation(table, request, target) : { seq: request.seq, tableId: request.tableId, kind: 'unavailable' };
    },
    compare(request: CompareRequest): CompareAnswer {
      return comparer.compare(request, verdicts.get(request.afterTableId), known, targets.get(request.afterTableId)?.text ?? '');
    },
    runTests(request: RouteTestsRequest): RouteTestsAnswer {
      const table = tables.get(request.tableId);
      return table ? runRouteTestsText(table, request, targets.get(request.tableId)?.target) : { seq: request.seq, tableId: request.tableId, kind: 'unavailable' };
    },
  };
}

/** In-process analyzer, for tests and Node. */
export function createSyncAnalyzer(): Analyzer {
  const session = createAnalysisSession();
  return {
    analyze: (request) => Promise.resolve(session.analyze(request)),
    simulate: (request) => Promise.resolve(session.simulate(request)),
    compare: (request) => Promise.resolve(session.compare(request)),
    runTests: (request) => Promise.resolve(session.runTests(request)),
    dispose: () => undefined,
  };
}
