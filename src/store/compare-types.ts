import type { DesignDiff, GraphEdge, GraphNode, RouteGraph } from '../core/index';
import type { SimulationAnswer } from './simulation';

/**
 * The compare view (issue 12, scope 4): a "before" version held beside the design, which is the
 * "after". View state only: never part of the document, its undo history or its autosave.
 *
 * Data flow: the user gives the before version (a file, pasted text, the design as it was opened,
 * a kept save) → the analyzer (Worker) reviews it once and keeps its table → after every analysis
 * of the design the Worker diffs the two verdicts (core `diffVerdicts`) → the diff is applied only
 * if it is of the current analysis → selectors map it onto the canvas (marks) and the Changes list.
 * Picking a change simulates its witness on both versions (two answers, side by side).
 */

/** Where the before version came from (said in the compare bar). */
export type BeforeOrigin = 'file' | 'paste' | 'opened' | 'kept';

export interface CompareBefore {
  readonly text: string;
  /** A file name, or words: "pasted text", "as opened at 14:02", "kept save of 12 Dec". */
  readonly name: string;
  readonly origin: BeforeOrigin;
}

export interface CompareView {
  /** null: not comparing. */
  readonly before: CompareBefore | null;
  /** The diff of before → the analysis the canvas shows; null while the first one is computed. */
  readonly diff: DesignDiff | null;
  /** The before version's graph (its removed objects are drawn from it). */
  readonly beforeGraph: RouteGraph | null;
  /** The analysis (`Analysis.seq`) the diff is of: a newer analysis makes it stale until recomputed. */
  readonly diffSeq: number | null;
  readonly running: boolean;
  /** Why the before version could not be compared (it does not read: its problems say why). */
  readonly failure: string | null;
  /** The change picked in the list (index into `diff.changes`), and its witness's two answers. */
  readonly picked: number | null;
  readonly answers: { readonly before: SimulationAnswer; readonly after: SimulationAnswer } | null;
  /** The analyzer's table of the before version (simulate names it); null when it did not compile. */
  readonly beforeTableId: number | null;
}

export interface CompareState {
  readonly compare: CompareView;
  /**
   * The design as it was opened: the text of the last `loadText` (a file, an example, an import,
   * the autosave restored at the start of the visit), never changed by typing; null before any.
   */
  readonly openedText: string | null;
  /** When it was opened (ms since the epoch, `Date.now()`). */
  readonly openedAt: number | null;
}

export interface CompareActions {
  /** Starts comparing the design with `before` (or replaces the before version). */
  startCompare(before: CompareBefore): void;
  /** Leaves the compare view: marks, list and answers go. */
  stopCompare(): void;
  /** Picks a change: simulates its witness on both versions; null unpicks. */
  pickChange(index: number | null): void;
  /** Diffs again after the design changed (called when a new analysis is shown; see watchCompare). */
  refreshCompare(): void;
}

/** How the canvas marks a node, a row or an edge of the after version. */
export type CompareMark = 'added' | 'changed';

export interface CompareMarks {
  /** Node id (after version) → mark: `added` (not in before), `changed` (a rule or status of it changed behaviour). */
  readonly nodes: Readonly<Record<string, CompareMark>>;
  /** Row id → `changed` (the rule that decided a changed class, before or after) or `added`. */
  readonly rows: Readonly<Record<string, CompareMark>>;
  /** Edge id → `changed` (its share or target changed) or `added`. */
  readonly edges: Readonly<Record<string, CompareMark>>;
  /** Nodes of the before version that the after version does not have: drawn as removed. */
  readonly removed: readonly GraphNode[];
  /**
   * The before version's edges to or from a removed node (ids and removed ends prefixed like the
   * nodes, `removed:`; an end the after version still has keeps its id), to draw them dashed.
   */
  readonly removedEdges: readonly GraphEdge[];
}

/** One line of the Changes list (selectChangeRows). */
export interface ChangeRow {
  /** Index into `diff.changes` (pickChange's argument). */
  readonly index: number;
  readonly class: string;
  /** The witness as one line: `GET https://h/p · x-canary: 1 · via infra/edge` (`from shop/web` in the mesh). */
  readonly request: string;
  /** Short words of each side: `200 → shop/cart-v1`, `404`, `301 → https://…`. */
  readonly before: string;
  readonly after: string;
  /** How many candidate requests fell in this class. */
  readonly requests: number;
}
