import type { Analysis, AnalysisProgress, Analyzer } from './analysis';
import type { AutoCollapseNote } from './auto-collapse';
import type { CompareActions, CompareState } from './compare-types';
import type { Layouter, XY } from './layout';
import type { RouteTestsActions, RouteTestsState } from './route-tests';
import type { SimulatorActions, SimulatorState } from './simulator';
import type { ViewFilter } from './view-filter';
import type { RevealRequest, ViewCommand } from './view-requests';
import type { StoreApi } from 'zustand/vanilla';

/** The design store's state and actions (design-store.ts makes them). */
export type Theme = 'light' | 'dark';
/** Why the text last changed: the history records each cause its own way (see history.ts). */
export type TextCause = 'load' | 'type' | 'edit' | 'history' | 'redact';
export type PanelTab = 'inspector' | 'problems' | 'simulator' | 'changes' | 'tests';
export type { RevealRequest, ViewCommand } from './view-requests';

export interface DesignState extends CompareState, SimulatorState, RouteTestsState {
  /** The document: the YAML the user owns. */
  readonly fileName: string;
  readonly text: string;
  /** Revision of `text`; every change increments it. Analyses carry the revision they are of. */
  readonly textSeq: number;
  /** Increments when the text changes other than by typing in the editor (load, redaction). */
  readonly textReplaced: number;
  readonly textCause: TextCause;
  /**
   * The cluster the design is meant for (issue 14), as the CLI's `--target` text
   * (`gateway-api=v1.5,channel=standard,implementation=cilium@1.20,istio=1.24`; '' = the default:
   * newest release, experimental channel, any implementation). Saved with the design; every
   * analysis is made for it (`Analysis.target`), and a change has the design analysed again.
   */
  readonly target: string;
  /** The newest analysis of the text (its diagnostics are the Problems list). */
  readonly analysis: Analysis | null;
  /** The analysis the canvas draws: the newest one whose YAML could be read ("last good"). */
  readonly shown: Analysis | null;
  readonly analyzing: boolean;
  /** How far the running analysis is (a big paste shows it, with Cancel); null when none runs. */
  readonly progress: AnalysisProgress | null;

  /** View state: never part of the document or its undo history. */
  readonly selection: string | null;
  /** A row of the selected node picked out (a rule named as shadowing another); cleared by `select`. */
  readonly selectedRow: string | null;
  readonly positions: Readonly<Record<string, XY>>;
  /** Nodes the user placed by hand; auto-layout leaves them where they are. */
  readonly pinned: Readonly<Record<string, true>>;
  /** Namespace groups drawn collapsed, as one node each (selectViewGraph). */
  readonly collapsed: Readonly<Record<string, true>>;
  /** Namespaces collapsed for the user as a big design arrived (auto-collapse.ts): the canvas says so once. */
  readonly autoCollapsed: AutoCollapseNote | null;
  /** Namespaces and kinds the canvas does not draw, and whether it draws the objects kept aside (selectViewGraph). */
  readonly viewFilter: ViewFilter;
  readonly laidOutKey: string | null;
  /** A layout of new structure is being computed (the canvas says so). */
  readonly layingOut: boolean;
  readonly editorOpen: boolean;
  readonly theme: Theme;
  readonly panelTab: PanelTab;
  readonly reveal: RevealRequest | null;
  readonly viewCommand: ViewCommand | null;
  readonly failure: string | null;
  /** Review mode: the document cannot be edited (editor read-only, no canvas edits); view changes still work. */
  readonly readOnly: boolean;
}

export interface DesignActions extends CompareActions, SimulatorActions, RouteTestsActions {
  /** Replaces the whole document (open, example, paste into an empty design). */
  loadText(text: string, fileName?: string): void;
  /** The editor's (debounced) text. */
  editText(text: string): void;
  /** Text from an edit made outside the editor (canvas, inspector) or from undo/redo: the editor takes it, the view state stays. */
  replaceText(text: string, cause: 'edit' | 'history'): void;
  /** Sets the target (the `--target` text, '' = default): the design is analysed again for it. Not recorded for undo. */
  setTarget(text: string): void;
  /** Selects a node or group; `reveal` shows its YAML lines, `focus` centres it on the canvas. */
  select(id: string | null, options?: { reveal?: boolean; focus?: boolean }): void;
  /** Jumps to a problem: its lines in the editor, its resource's node on the canvas. */
  openProblem(index: number): void;
  /** Selects a row (a rule) and its node, centred on the canvas with the node's lines in the editor. */
  selectRow(nodeId: string, rowId: string): void;
  moveNode(id: string, position: XY): void;
  /** Collapses a namespace group into one node, or expands it again; the layout follows. */
  toggleNamespace(groupId: string): void;
  /** Opens every collapsed namespace. */
  expandAll(): void;
  /** The canvas has said which namespaces were collapsed for the user: it stops saying it. */
  dismissAutoCollapsed(): void;
  /** Changes what the canvas draws (never the document); survives edits, reset by loading another design. */
  setViewFilter(filter: ViewFilter): void;
  /** Lays everything out again, hand-placed nodes included. */
  relayout(): void;
  fitView(): void;
  toggleEditor(): void;
  setTheme(theme: Theme): void;
  setPanelTab(tab: PanelTab): void;
  /** Turns review mode on or off (a view change: never recorded for undo). */
  setReadOnly(readOnly: boolean): void;
  /** Stops the running analysis (the canvas keeps the last good design; undo returns to its text). */
  cancelAnalysis(): void;
  /** Shows one line (and column) in the editor, opening it if hidden — e.g. a loss report entry. */
  revealLine(line: number, column?: number): void;
}

export type DesignStore = StoreApi<DesignState & DesignActions>;

export interface DesignDeps {
  readonly analyzer: Analyzer;
  readonly layouter?: Layouter;
  readonly fileName?: string;
  readonly theme?: Theme;
  /** Typing pause before the simulator asks again (default 90 ms; tests use 0). */
  readonly simulatorDelayMs?: number;
  /** Pause after a new analysis before the compare view diffs again (default 250 ms; tests use 0). */
  readonly compareDelayMs?: number;
  /** Typing pause before the route tests run again (default 250 ms; tests use 0). */
  readonly testsDelayMs?: number;
}

