import { useEffect, useRef } from 'react';
import type { DesignState, RevealRequest } from '../../store/index';
import { editingOf, registerPendingEdits, useDesignStore } from '../../store/index';
import { monaco, setupMonaco, themeName } from './monaco-setup';
import { pieces } from './pieces';

/** Keystrokes are coalesced: the store (and the analysis) sees the text 150 ms after typing pauses. */
const DEBOUNCE_MS = 150;
/** A replaced text goes into the editor in pieces of about this many characters (one task each). */
const PIECE_CHARS = 256 * 1024;
const OWNER = 'route-designer';

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/**
 * The YAML editor: the only component that knows Monaco. The document's text lives in the store;
 * the editor sends its text there (debounced) and takes it back only when something else replaced
 * it (load, redaction). Our diagnostics become its markers.
 */
export default function YamlEditor() {
  const store = useDesignStore();
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    setupMonaco();
    const initial = store.getState();
    const model = monaco.editor.createModel(initial.text, 'yaml', monaco.Uri.parse(`file:///${initial.fileName}`));
    // Bracket-pair colours parse the whole text on the first render after a replacement (~80 ms
    // on a 1.4 MB paste, in one main-thread task); YAML manifests rarely use flow brackets. (A
    // model option: the editor's `bracketPairColorization` does not reach a model made here.)
    model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
    const editor = monaco.editor.create(host, {
      model,
      theme: themeName(initial.theme),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12.5,
      lineHeight: 19,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      wordWrap: 'off',
      glyphMargin: false,
      folding: true,
      lineNumbersMinChars: 3,
      padding: { top: 6 },
      fixedOverflowWidgets: true,
      stickyScroll: { enabled: false },
      guides: { bracketPairs: false, highlightActiveBracketPair: false },
      ariaLabel: 'YAML manifests',
      readOnly: initial.readOnly,
    });

    // Which model version each text revision is: markers are applied only to the text they are of.
    const versions = new Map<number, number>([[initial.textSeq, model.getVersionId()]]);
    let replacing = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let highlight = editor.createDecorationsCollection();

    const flush = (): void => {
      timer = undefined;
      store.getState().editText(model.getValue());
      versions.set(store.getState().textSeq, model.getVersionId());
    };
    // Autosave asks for the last keystrokes when the page goes away.
    const unregister = registerPendingEdits(store, () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      flush();
    });
    const changes = model.onDidChangeContent(() => {
      if (replacing) return;
      highlight.clear();
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    });

    // Undo/redo here use the design's one history (canvas and text edits in one order), once the
    // last keystrokes are in the store.
    const travel = (direction: 'undo' | 'redo') => (): void => {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      editingOf(store).getState()[direction]();
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, travel('undo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, travel('redo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, travel('redo'));

    const applyMarkers = (s: DesignState): void => {
      const a = s.analysis;
      if (!a || versions.get(a.seq) !== model.getVersionId()) return;
      const markers = a.diagnostics
        .filter((d) => d.file === s.fileName)
        .map((d) => {
          const sameSpot = d.line === d.endLine && d.column >= d.endColumn;
          return {
            severity: SEVERITY[d.severity],
            message: d.message,
            code: d.code,
            source: 'route-designer',
            startLineNumber: d.line,
            startColumn: d.column,
            endLineNumber: d.endLine,
            endColumn: sameSpot ? model.getLineMaxColumn(Math.min(d.line, model.getLineCount())) : d.endColumn,
          };
        });
      monaco.editor.setModelMarkers(model, OWNER, markers);
    };

    const reveal = (r: RevealRequest): void => {
      const range = new monaco.Range(r.line, r.column, r.endLine, r.endColumn);
      if (r.select) {
        // Selected from its end back to its start: the cursor lands where the problem begins.
        editor.setSelection(new monaco.Selection(r.endLine, r.endColumn, r.line, r.column));
        editor.revealRangeInCenterIfOutsideViewport(range);
      } else {
        editor.setPosition({ lineNumber: r.line, column: 1 });
        editor.revealRangeNearTop(range);
        highlight.clear();
        highlight = editor.createDecorationsCollection([
          { range: new monaco.Range(r.line, 1, Math.max(r.line, r.endLine - 1), 1), options: { isWholeLine: true, className: 'rd-editor-highlight' } },
        ]);
      }
    };

    applyMarkers(initial);

    // A replacement (a paste, an import, undo across one) goes in a piece per task: a 1.4 MB
    // paste handed to Monaco at once is one ~150 ms task. Meanwhile the editor is read-only
    // (nothing typed can mix with a half-loaded text), and the text's markers and any reveal
    // asked for wait for its last piece.
    let loading: ReturnType<typeof setTimeout> | undefined;
    let pendingReveal: RevealRequest | null = null;
    const edit = (apply: () => void): void => {
      replacing = true;
      apply();
      replacing = false;
    };
    const loaded = (seq: number): void => {
      loading = undefined;
      versions.set(seq, model.getVersionId());
      const s = store.getState();
      editor.updateOptions({ readOnly: s.readOnly });
      applyMarkers(s);
      if (pendingReveal) reveal(pendingReveal);
      pendingReveal = null;
    };
    const replace = (s: DesignState): void => {
      if (loading !== undefined) clearTimeout(loading);
      loading = undefined;
      const [first = '', ...rest] = pieces(s.text, PIECE_CHARS);
      edit(() => model.pushEditOperations([], [{ range: model.getFullModelRange(), text: first }], () => null));
      if (rest.length === 0) return loaded(s.textSeq);
      editor.updateOptions({ readOnly: true });
      const next = (i: number): void => {
        loading = setTimeout(() => {
          const end = model.getFullModelRange().getEndPosition();
          edit(() => model.applyEdits([{ range: monaco.Range.fromPositions(end), text: rest[i] ?? '' }]));
          if (i + 1 < rest.length) next(i + 1);
          else loaded(s.textSeq);
        }, 0);
      };
      next(0);
    };

    const unsubscribe = store.subscribe((s, prev) => {
      if (s.textReplaced !== prev.textReplaced) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (loading !== undefined || model.getValue() !== s.text) replace(s);
        else versions.set(s.textSeq, model.getVersionId());
      }
      if ((s.analysis !== prev.analysis || s.textReplaced !== prev.textReplaced) && loading === undefined) applyMarkers(s);
      if (s.reveal && s.reveal !== prev.reveal) {
        if (loading === undefined) reveal(s.reveal);
        else pendingReveal = s.reveal;
      }
      if (s.theme !== prev.theme) monaco.editor.setTheme(themeName(s.theme));
      if (s.readOnly !== prev.readOnly && loading === undefined) editor.updateOptions({ readOnly: s.readOnly });
    });

    return () => {
      if (loading !== undefined) clearTimeout(loading);
      unsubscribe();
      unregister();
      changes.dispose();
      if (timer !== undefined) flush();
      editor.dispose();
      model.dispose();
    };
  }, [store]);

  return <div className="rd-editor-host" ref={hostRef} data-testid="yaml-editor" />;
}
