import { diffVerdicts } from '../core/index';
import type { DesignDiff, RouteGraph, RouteTable, SecretFacts, SourceFile, Target, Verdict } from '../core/index';
import type { Analysis, AnalysisRequest } from './analysis';

/**
 * The compare view's analyzer side (issue 12, scope 4): the "before" version is reviewed once
 * (kept by its text: re-diffing after each edit does not review it again) and diffed with the
 * verdict of the analysis the page shows (core `diffVerdicts`). Its table stays with the analyzer,
 * named by `beforeTableId`, so the page simulates a change's witness on it with `simulate`.
 */
export interface CompareRequest {
  /** The compare view's revision: answers to older ones are dropped. */
  readonly seq: number;
  readonly before: { readonly files: readonly SourceFile[] };
  /** The table of the analysis the page shows (`Analysis.tableId`): the "after". */
  readonly afterTableId: number;
}

export type CompareAnswer =
  | {
      readonly seq: number;
      readonly kind: 'compared';
      /** `compared: false` when the before version does not read (`failure` says why). */
      readonly diff: DesignDiff;
      /** The before version's graph (drawn from for its removed objects). */
      readonly beforeGraph: RouteGraph;
      /** Simulate against this to see the before version's answer; null when it did not compile. */
      readonly beforeTableId: number | null;
      /** Why the before version could not be compared (its first errors), else null. */
      readonly failure: string | null;
      /** Time spent reviewing (when not cached) and diffing, in the analyzer. */
      readonly millis: number;
    }
  /** The analyzer no longer holds the after table (a newer analysis replaced it): ask again. */
  | { readonly seq: number; readonly kind: 'unavailable' };

/** What diffVerdicts needs of a version, and what the page is given of it. */
interface Reviewed {
  readonly verdict: Verdict;
  readonly graph: RouteGraph;
  readonly tableId: number | null;
  readonly table: RouteTable | null;
  /** The target its simulations follow: the after's (the two versions are judged alike); undefined for the default. */
  readonly target: Target | undefined;
  readonly failure: string | null;
}

/**
 * A verdict as kept for diffing: diffVerdicts reads its diagnostics and compiled design only, so
 * the parsed files and resources (the bulk of a big design's memory) and reach are let go.
 */
export function keptForDiff(verdict: Verdict): Verdict {
  return { ...verdict, parsed: { ...verdict.parsed, files: [], resources: [], diagnostics: [] }, reach: [] };
}

/** Before versions kept: the one compared and the one before it (switching back costs nothing). */
const KEPT_BEFORES = 2;

/** How many of the before version's errors the failure names. */
const FAILURE_ERRORS = 3;

const keyOf = (files: readonly SourceFile[]): string => files.map((f) => `${f.name}\u0000${f.text}`).join('\u0000');

function failureOf(verdict: Verdict): string | null {
  if (verdict.compiled) return null;
  const errors = verdict.diagnostics.filter((d) => d.severity === 'error');
  const named = errors.slice(0, FAILURE_ERRORS).map((d) => `line ${d.line}: ${d.message}`);
  const more = errors.length > FAILURE_ERRORS ? ` (and ${errors.length - FAILURE_ERRORS} more)` : '';
  return `The before version does not read${named.length > 0 ? ` — ${named.join('; ')}${more}` : ''}.`;
}

/** analysis.ts's `analyzeWithTable` (passed in: that module holds the session that holds this). */
export type AnalyzeVersion = (
  request: AnalysisRequest,
  onStep: undefined,
  known: ReadonlyMap<string, SecretFacts>,
) => { readonly analysis: Analysis; readonly table: RouteTable | null; readonly verdict: Verdict; readonly target: Target };

/**
 * The before versions an analyzer holds. Their table ids are negative, so they never meet an
 * analysis's (its text revision, ≥ 1).
 */
export function createComparer(analyzeVersion: AnalyzeVersion) {
  const befores = new Map<string, Reviewed>();
  let nextId = -1;

  const reviewBefore = (files: readonly SourceFile[], known: ReadonlyMap<string, SecretFacts>, targetText: string): Reviewed => {
    const key = `${targetText}\u0001${keyOf(files)}`;
    const kept = befores.get(key);
    if (kept) {
      // The newest used last: the oldest goes first.
      befores.delete(key);
      befores.set(key, kept);
      return kept;
    }
    const id = nextId--;
    // The certificates the design's own analyses read before redaction count here too: a before
    // version saved with redacted Secrets would otherwise lose (and "fix") their problems.
    const { analysis, table, verdict, target } = analyzeVersion({ seq: id, files, target: targetText }, undefined, known);
    const reviewed: Reviewed = { verdict: keptForDiff(verdict), graph: analysis.graph, tableId: analysis.tableId, table, target: targetText === '' ? undefined : target, failure: failureOf(verdict) };
    befores.set(key, reviewed);
    for (const k of [...befores.keys()].slice(0, Math.max(0, befores.size - KEPT_BEFORES))) befores.delete(k);
    return reviewed;
  };

  return {
    /**
     * `after`: the verdict of the table the request names, when the analyzer still holds it;
     * `targetText`: the target it was made for, which the before version is reviewed for too.
     */
    compare(request: CompareRequest, after: Verdict | undefined, known: ReadonlyMap<string, SecretFacts> = new Map(), targetText = ''): CompareAnswer {
      if (!after) return { seq: request.seq, kind: 'unavailable' };
      const start = Date.now();
      const before = reviewBefore(request.before.files, known, targetText);
      // The requests are simulated for the same target as the problems (the CLI's diff --target does alike).
      const diff = diffVerdicts(before.verdict, after, before.target ? { target: before.target } : {});
      return { seq: request.seq, kind: 'compared', diff, beforeGraph: before.graph, beforeTableId: before.tableId, failure: before.failure, millis: Date.now() - start };
    },
    /** A before version's table, by the id a compare answer gave it. */
    table(tableId: number): RouteTable | undefined {
      for (const b of befores.values()) if (b.tableId === tableId) return b.table ?? undefined;
      return undefined;
    },
    /** The target a before version's table was reviewed for. */
    target(tableId: number): Target | undefined {
      for (const b of befores.values()) if (b.tableId === tableId) return b.target;
      return undefined;
    },
  };
}
