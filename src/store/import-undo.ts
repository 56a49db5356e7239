import type { DesignState, DesignStore } from './design-store';
import { editingOf } from './edit-actions';
import { importManifest } from './io-import';
import { layoutKey } from './layout';
import { selectViewGraph } from './selectors';

/**
 * A paste or drop replaces the design at once (one history step) and offers to take it back:
 * Undo brings back what the user had — text, file name, the canvas as it was drawn (positions,
 * hand-placed nodes, collapsed namespaces, the view filter, the selection) — and Append instead
 * makes it the design before with the imported text after it, as the import dialog's append does.
 */
export interface DesignSnapshot {
  readonly text: string;
  readonly fileName: string;
  readonly positions: DesignState['positions'];
  readonly pinned: DesignState['pinned'];
  readonly collapsed: DesignState['collapsed'];
  readonly viewFilter: DesignState['viewFilter'];
  readonly laidOutKey: string | null;
  readonly selection: string | null;
  readonly analysis: DesignState['analysis'];
  readonly shown: DesignState['shown'];
  /** The design's route tests (a replacement clears them). */
  readonly tests: string;
}

export interface Replacement {
  readonly before: DesignSnapshot;
  /** The design's revision the import made (the redaction of its Secret values adds one). */
  readonly textSeq: number;
  /** Documents with content in the imported text: the object count until its analysis says. */
  readonly documents: number;
}

/** How long a layout of the replaced design, still on its way when Undo is pressed, is watched for. */
const STALE_LAYOUT_MS = 30_000;

export function snapshotDesign(s: DesignState): DesignSnapshot {
  const { text, fileName, positions, pinned, collapsed, viewFilter, laidOutKey, selection, analysis, shown } = s;
  return { text, fileName, positions, pinned, collapsed, viewFilter, laidOutKey, selection, analysis, shown, tests: s.routeTests.text };
}

/** Replaces the design with `text` (one history step), keeping what Undo needs to bring it back. */
export function replaceDesign(store: DesignStore, text: string, fileName: string): Replacement {
  const before = snapshotDesign(store.getState());
  importManifest(store, text, { mode: 'replace', fileName });
  return { before, textSeq: store.getState().textSeq, documents: countDocuments(text) };
}

/** The design is still the import's: nothing changed it since but the redaction of its Secrets. */
export function isCurrent(s: Pick<DesignState, 'textSeq' | 'textCause'>, r: Replacement): boolean {
  return s.textSeq === r.textSeq || (s.textSeq === r.textSeq + 1 && s.textCause === 'redact');
}

/** Objects imported: the analysis's count once it has read them all, the documents' until then. */
export function importedObjects(s: Pick<DesignState, 'analysis'>, r: Replacement): number {
  const a = s.analysis;
  const ofImport = a !== null && (a.seq === r.textSeq || a.seq === r.textSeq + 1);
  return ofImport && !a.broken ? a.resources.length : r.documents;
}

/**
 * Brings back the design before the import, as it was drawn. The text goes back through the
 * history (the import becomes the step to redo); the canvas's state is restored with it, so the
 * previous design is drawn at once, where it was, while its text is analysed again. The import's
 * own analysis, if still running, is stopped. False when the design has changed since.
 */
export function undoReplace(store: DesignStore, r: Replacement): boolean {
  const s = store.getState();
  if (!isCurrent(s, r)) return false;
  const importAnalysing = s.analyzing && s.analysis?.seq !== s.textSeq;
  const layoutOnItsWay = s.layingOut;
  const { history } = editingOf(store);
  const past = history.doc.temporal.getState().pastStates;
  if (past[past.length - 1]?.text === r.before.text) history.undo();
  else {
    // The step before is not the design the import replaced (the history dropped it): a new step.
    history.expect('Undo import');
    s.replaceText(r.before.text, 'history');
  }
  const { text: _text, tests, ...view } = r.before;
  // The import's note (namespaces collapsed for a big design) is not the design before's.
  store.setState({ ...view, selectedRow: null, autoCollapsed: null, layingOut: false, failure: null });
  if (tests !== store.getState().routeTests.text) store.getState().openRouteTests(tests);
  if (importAnalysing) store.getState().cancelAnalysis();
  if (layoutOnItsWay) dropStaleLayout(store);
  return true;
}

/** Undoes the import, then appends the imported text (as the design has it: Secret values redacted). */
export function appendInstead(store: DesignStore, r: Replacement): boolean {
  const imported = store.getState().text;
  if (!undoReplace(store, r)) return false;
  importManifest(store, imported, { mode: 'append' });
  return true;
}

/**
 * The layout of the replaced design may land after Undo restored the design before: a layout
 * that is not of the graph drawn is put back to the positions it would replace.
 */
function dropStaleLayout(store: DesignStore): void {
  const stop = store.subscribe((s, prev) => {
    if (s.laidOutKey === prev.laidOutKey || s.laidOutKey === null) return;
    if (layoutKey(selectViewGraph(s)) !== s.laidOutKey) store.setState({ positions: prev.positions, laidOutKey: prev.laidOutKey });
  });
  setTimeout(stop, STALE_LAYOUT_MS);
}

/** Documents with content in a YAML stream — a count without parsing (the analysis counts objects). */
export function countDocuments(text: string): number {
  let count = 0;
  let content = false;
  const marker = /^(---|\.\.\.)[ \t]*(#.*)?$/;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (marker.test(line)) {
      if (content) count++;
      content = false;
    } else if (!content) {
      const t = line.trim();
      content = t !== '' && !t.startsWith('#');
    }
    if (end < 0) break;
    start = end + 1;
  }
  return content ? count + 1 : count;
}
