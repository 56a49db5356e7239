import { createStore } from 'zustand/vanilla';
import { collapsedId, filterGraph, locateDiagnostics } from '../core/index';
import type { Analysis } from './analysis';
import { createArrivals } from './auto-collapse';
import { createCompareSlice, watchCompare } from './compare';
import type { DesignActions, DesignDeps, DesignState, DesignStore } from './design-types';
import { layoutKey, type XY } from './layout';
import { diagnosticIndicesOf, resourceIdsOf, selectGraph, selectNode, selectResource, selectViewGraph } from './selectors';
import { createRouteTestsSlice, watchRouteTests } from './route-tests';
import { createSimulatorSlice, watchSimulator } from './simulator';
import { NO_VIEW_FILTER, toGraphFilter } from './view-filter';
import type { RevealRequest } from './view-requests';
import { isWorkerStopped } from './watched-worker';

export type { DesignActions, DesignDeps, DesignState, DesignStore, PanelTab, TextCause, Theme } from './design-types';
export type { RevealRequest, ViewCommand } from './view-requests';

/**
 * The app's state. Data flows one way: an action changes the text → the analyzer (a Worker)
 * parses and validates it → the analysis is applied if it is still of the current text (stale
 * answers are dropped) → the graph is derived by selectors → the layouter places new structure.
 * One analysis runs at a time; edits made meanwhile are coalesced into the next one.
 */
export function createDesignStore(deps: DesignDeps): DesignStore {
  let inFlight = false;
  let laying: string | null = null;
  let seq = 0;
  const next = (): number => ++seq;
  const arrivals = createArrivals(); // a big design arriving whole opens collapsed, before its first layout

  const store = createStore<DesignState & DesignActions>()((set, get) => {
    const runAnalysis = (): void => {
      if (inFlight) return;
      const { text, textSeq, fileName, target } = get();
      inFlight = true;
      set({ analyzing: true });
      deps.analyzer
        .analyze({ seq: textSeq, files: [{ name: fileName, text }], ...(target === '' ? {} : { target }) }, (progress) => set({ progress }))
        .then(
          (result) => {
            // Of the current text, but for a target since changed: the next analysis is for the new one.
            if (result.seq === get().textSeq && result.target.text === get().target) applyAnalysis(result);
          },
          (error: unknown) => {
            // Of a text since edited (or a target since changed): the newer one is analysed next (a fresh worker, when stopped).
            if (textSeq !== get().textSeq || target !== get().target) return;
            // Stopped by its watchdog, the message says what took too long; cancelled, nothing to say.
            if (isWorkerStopped(error)) set({ failure: error.reason === 'timeout' ? error.message : null });
            else set({ failure: `analysis failed: ${error instanceof Error ? error.message : String(error)}` });
          },
        )
        .finally(() => {
          inFlight = false;
          const latest = get();
          const current = latest.analysis?.seq === latest.textSeq && latest.analysis.target.text === latest.target;
          if (!current && latest.failure === null && (latest.textSeq !== textSeq || latest.target !== target)) runAnalysis();
          else set({ analyzing: false, progress: null });
        });
    };

    const applyAnalysis = (result: Analysis): void => {
      const s = get();
      let applied = result;
      const patch: Partial<DesignState> = {};
      if (result.redactedText !== undefined && result.redactedText !== s.text) {
        // Secret values were replaced: the document's text becomes the redacted one (its
        // locations are the analysis's), and the editor is told to take it.
        const textSeq = s.textSeq + 1;
        applied = { ...result, seq: textSeq };
        Object.assign(patch, { text: result.redactedText, textSeq, textReplaced: s.textReplaced + 1, textCause: 'redact' });
      }
      const keepLastGood = applied.broken && s.shown !== null;
      const auto = keepLastGood ? null : arrivals.analysed(applied.graph, () => filterGraph(applied.graph, toGraphFilter(s.viewFilter)), s.collapsed);
      set({ ...patch, analysis: applied, shown: keepLastGood ? s.shown : applied, failure: null, ...auto });
      if (!keepLastGood) scheduleLayout();
    };

    const scheduleLayout = (force = false): void => {
      const layouter = deps.layouter;
      if (!layouter) return;
      const graph = selectViewGraph(get());
      const key = layoutKey(graph);
      if (!force && (key === get().laidOutKey || key === laying)) return;
      laying = key;
      set({ layingOut: true });
      const fixed: Record<string, XY> = {};
      for (const id of Object.keys(get().pinned)) {
        const p = get().positions[id];
        if (p) fixed[id] = p;
      }
      layouter.layout(graph, fixed).then(
        (positions) => {
          if (laying !== key) return; // a newer structure is being laid out
          laying = null;
          const { pinned, positions: before } = get();
          // Copied only when something is pinned: a copy of 100,000 positions is a long task.
          const pinnedIds = Object.keys(pinned);
          const merged: Record<string, XY> = pinnedIds.length === 0 ? positions : { ...positions };
          for (const id of pinnedIds) {
            const p = before[id];
            // A hand-placed node stays where it was put — unless the layouter pushed it straight
            // down, clear of a neighbour that grew over it, and it was not moved again meanwhile.
            const q = positions[id];
            const pushed = p !== undefined && p === fixed[id] && q !== undefined && q.x === p.x && q.y > p.y;
            if (p && !pushed) merged[id] = p;
          }
          set({ positions: merged, laidOutKey: key, layingOut: false });
        },
        (error: unknown) => {
          laying = null;
          set({ layingOut: false, failure: `layout failed: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
    };

    /** The collapsed namespaces without the one hiding node `id` (null when it is not hidden). */
    const expandedFor = (id: string | null): Readonly<Record<string, true>> | null => {
      const s = get();
      const group = id === null ? undefined : selectNode(s, id)?.group;
      if (group === undefined || !s.collapsed[group]) return null;
      const { [group]: _opened, ...rest } = s.collapsed;
      arrivals.toggled(group, true);
      return rest;
    };

    const revealResource = (id: string): RevealRequest | null => {
      const s = get();
      for (const rid of resourceIdsOf(s, id)) {
        const r = selectResource(s, rid);
        if (r) return { line: r.source.line, column: 1, endLine: r.source.endLine + 1, endColumn: 1, select: false, seq: next() };
      }
      return null;
    };

    return {
      fileName: deps.fileName ?? 'design.yaml',
      text: '',
      textSeq: 0,
      textReplaced: 0,
      textCause: 'load',
      target: '',
      analysis: null,
      shown: null,
      analyzing: false,
      progress: null,
      selection: null,
      selectedRow: null,
      positions: {},
      pinned: {},
      collapsed: {},
      autoCollapsed: null,
      viewFilter: NO_VIEW_FILTER,
      laidOutKey: null,
      layingOut: false,
      editorOpen: true,
      theme: deps.theme ?? 'light',
      panelTab: 'inspector',
      reveal: null,
      viewCommand: null,
      failure: null,
      readOnly: false,
      ...createSimulatorSlice(set, get, deps),
      ...createCompareSlice(set, get, deps),
      ...createRouteTestsSlice(set, get, deps),

      loadText(text, fileName) {
        const s = get();
        set({
          text,
          fileName: fileName ?? s.fileName,
          textSeq: s.textSeq + 1,
          textReplaced: s.textReplaced + 1,
          textCause: 'load',
          selection: null,
          pinned: {},
          collapsed: arrivals.load(),
          autoCollapsed: null,
          viewFilter: NO_VIEW_FILTER,
          failure: null,
        });
        runAnalysis();
      },

      editText(text) {
        const s = get();
        if (text === s.text) return;
        set({ text, textSeq: s.textSeq + 1, textCause: 'type', failure: null });
        runAnalysis();
      },

      replaceText(text, cause) {
        const s = get();
        if (text === s.text) return;
        if (cause === 'history') arrivals.travel(s.collapsed, selectGraph(s)); // a paste taken back or made again: another design?
        set({ text, textSeq: s.textSeq + 1, textReplaced: s.textReplaced + 1, textCause: cause, failure: null });
        runAnalysis();
      },

      setTarget(text) {
        const target = text.trim();
        if (target === get().target) return;
        set({ target, failure: null });
        runAnalysis();
      },

      select(id, options = {}) {
        // A node inside a collapsed namespace is shown: its namespace opens.
        const opened = expandedFor(id);
        set({
          ...(opened ? { collapsed: opened } : {}),
          selection: id,
          selectedRow: null,
          ...(id !== null && options.reveal ? { reveal: revealResource(id) } : {}),
          ...(id !== null && options.focus ? { viewCommand: { kind: 'focus' as const, nodeId: id, seq: next() } } : {}),
        });
        if (opened) scheduleLayout();
      },

      openProblem(index) {
        const s = get();
        const d = s.analysis?.diagnostics[index];
        if (!d) return;
        // A document that no longer parses has no resource in this analysis: find the one the
        // canvas still shows at that place.
        const owner = s.analysis?.owners[index] ?? (s.shown ? locateDiagnostics(s.shown.resources, [d])[0] : null) ?? null;
        const nodeId = owner ? selectGraph(s).nodeByResource[owner] : undefined;
        const opened = nodeId ? expandedFor(nodeId) : null;
        set({
          ...(opened ? { collapsed: opened } : {}),
          reveal: { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, select: true, seq: next() },
          ...(nodeId ? { selection: nodeId, viewCommand: { kind: 'focus', nodeId, seq: next() } } : {}),
        });
        if (opened) scheduleLayout();
      },

      selectRow(nodeId, rowId) {
        get().select(nodeId, { reveal: true, focus: true });
        set({ selectedRow: rowId });
      },

      moveNode(id, position) {
        const s = get();
        const moved = { ...s.positions, [id]: position };
        // Dropped over other nodes: they move out of its way (the layouter knows the sizes).
        const tidied = deps.layouter?.clear?.(selectViewGraph(s), moved, id) ?? moved;
        set({ positions: tidied, pinned: { ...s.pinned, [id]: true } });
      },

      toggleNamespace(groupId) {
        const s = get();
        const collapsed = { ...s.collapsed };
        const closing = !collapsed[groupId];
        if (closing) collapsed[groupId] = true;
        else delete collapsed[groupId];
        arrivals.toggled(groupId, !closing);
        // A selection inside a namespace that closes moves to the node standing for it.
        const inside = s.selection !== null && selectNode(s, s.selection)?.group === groupId;
        const selection = closing && inside ? collapsedId(groupId) : !closing && s.selection === collapsedId(groupId) ? null : s.selection;
        set({ collapsed, selection, autoCollapsed: null });
        scheduleLayout();
      },

      expandAll() {
        for (const g of Object.keys(get().collapsed)) arrivals.toggled(g, true);
        set({ collapsed: {}, autoCollapsed: null, ...(get().selection?.startsWith(collapsedId('')) ? { selection: null } : {}) });
        scheduleLayout();
      },

      dismissAutoCollapsed() {
        set({ autoCollapsed: null });
      },

      setViewFilter(viewFilter) {
        if (viewFilter === get().viewFilter) return;
        set({ viewFilter });
        scheduleLayout();
      },

      relayout() {
        set({ pinned: {}, laidOutKey: null });
        scheduleLayout(true);
      },

      fitView() {
        set({ viewCommand: { kind: 'fit', seq: next() } });
      },

      toggleEditor() {
        set({ editorOpen: !get().editorOpen });
      },

      setTheme(theme) {
        set({ theme });
      },

      setPanelTab(tab) {
        set({ panelTab: tab });
      },

      setReadOnly(readOnly) {
        set({ readOnly });
      },

      cancelAnalysis() {
        deps.analyzer.cancel?.();
      },

      revealLine(line, column = 1) {
        set({ editorOpen: true, reveal: { line, column, endLine: line, endColumn: column, select: true, seq: next() } });
      },
    };
  });
  watchSimulator(store);
  watchCompare(store);
  watchRouteTests(store);
  return store;
}

/** Diagnostics (indices) of whatever a node or group draws. */
export function diagnosticsOfSelection(s: DesignState, id: string): number[] {
  return resourceIdsOf(s, id)
    .flatMap((rid) => [...diagnosticIndicesOf(s, rid)])
    .sort((a, b) => a - b);
}
