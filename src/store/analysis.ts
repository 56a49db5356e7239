import { compareDiagnostics, locateDiagnostics, parse, validate } from '../core/index';
import type { Diagnostic, Resource, ResourceId, SourceFile } from '../core/index';

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
  readonly millis: number;
}

export interface AnalysisRequest {
  readonly seq: number;
  readonly files: readonly SourceFile[];
}

/** Runs an analysis somewhere (a Worker in the browser, in-process in tests). */
export interface Analyzer {
  analyze(request: AnalysisRequest): Promise<Analysis>;
  dispose(): void;
}

/** Codes after which a document is missing from `resources` (it could not be read as an object). */
const BREAKING = new Set(['YAMLSyntax', 'YAMLDuplicateKey', 'YAMLTooDeep', 'YAMLAliasBomb', 'YAMLTooLarge', 'NotAnObject', 'MissingApiVersion', 'MissingKind']);

export function isBreaking(d: Diagnostic): boolean {
  return d.severity === 'error' && BREAKING.has(d.code);
}

/** The pure step: text → resources + diagnostics. */
export function analyze(request: AnalysisRequest): Analysis {
  const start = Date.now();
  const parsed = parse(request.files);
  const diagnostics = [...validate(parsed)].sort(compareDiagnostics);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const redacted = parsed.files.find((f) => f.redacted);
  return {
    seq: request.seq,
    resources: parsed.resources,
    diagnostics,
    owners: locateDiagnostics(parsed.resources, diagnostics),
    counts,
    broken: diagnostics.some(isBreaking),
    ...(redacted ? { redactedText: redacted.text } : {}),
    millis: Date.now() - start,
  };
}

/** In-process analyzer, for tests and Node. */
export function createSyncAnalyzer(): Analyzer {
  return {
    analyze: (request) => Promise.resolve(analyze(request)),
    dispose: () => undefined,
  };
}
