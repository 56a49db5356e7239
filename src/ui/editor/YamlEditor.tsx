import { useEffect, useRef, useState } from 'react';
import type { DesignState, RevealRequest } from '../../store/index';
import { editingOf, registerPendingEdits, useDesignStore } from '../../store/index';
import { monaco, setupMonaco, themeName } from './monaco-setup';
import { LONGEST_SHOWN_LINE, longestLine, partOf, WHOLE_MAX_CHARS } from './big-text';
import { pieces } from './pieces';
import { installTabEscape } from './tab-escape';
import { TabHint } from './TabHint';
import './editor.css';

/** Keystrokes are coalesced: the store (and the analysis) sees the text 150 ms after typing pauses. */
const DEBOUNCE_MS = 150;
/** A replaced text goes into the editor in pieces of about this many characters (one task each). */
const PIECE_CHARS = 256 * 1024;
const OWNER = 'route-designer';
/** Editor features that read the whole text: off for a big one, as Monaco would have them otherwise. */
const BIG_TEXT_OPTIONS = { folding: false, links: false, colorDecorators: false, occurrencesHighlight: 'off', wordBasedSuggestions: 'off' } as const;
const SMALL_TEXT_OPTIONS = { folding: true, links: true, colorDecorators: true, occurrencesHighlight: 'singleFile', wordBasedSuggestions: 'matchingDocuments' } as const;

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
  /** Set while the text has a line too long to show: only its beginning is in the editor. */
  const [part, setPart] = useState<{ readonly chars: number; readonly longLine: boolean } | null>(null);
  /** Puts the whole of a big text into the editor (asked for: the page pauses meanwhile). */
  const loadWholeRef = useRef<(() => void) | null>(null);
  /** Monaco's tab-focus mode: Tab moves the focus on rather than indenting (see tab-escape.ts). */
  const [tabMoves, setTabMoves] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    setupMonaco();
    const initial = store.getState();
    const uri = monaco.Uri.parse(`file:///${initial.fileName}`);
    const createModel = (source: string, language = 'yaml') => {
      const m = monaco.editor.createModel(source, language, uri);
      // Bracket-pair colours parse the whole text on the first render after a replacement (~80 ms
      // on a 1.4 MB paste, in one main-thread task); YAML manifests rarely use flow brackets. (A
      // model option: the editor's `bracketPairColorization` does not reach a model made here.)
      m.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
      // Lines end in LF whatever the text it starts from: an empty model takes its end of line
      // from the platform Monaco guesses, and one CRLF model made the saved text CRLF throughout.
      m.setEOL(monaco.editor.EndOfLineSequence.LF);
      return m;
    };
    // A big text (a restored design) goes in through `replace` below.
    const startsBig = initial.text.length > WHOLE_MAX_CHARS || initial.text.length > LONGEST_SHOWN_LINE;
    let model = createModel(startsBig ? '' : initial.text);
    /** The whole of a big text was asked for: later big texts go in whole too. */
    let wholeAsked = false;
    /** The model holds only the beginning of the text (a line too long to show): read-only. */
    let partial = false;
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
      ariaLabel: 'YAML manifests. Press Escape, then Tab, to leave the editor; Ctrl+M switches what Tab does.',
      readOnly: initial.readOnly,
    });

    const uninstallTabEscape = installTabEscape(editor, setTabMoves);

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
    const handleChange = (): void => {
      if (replacing || partial) return;
      highlight.clear();
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    };
    let changes = model.onDidChangeContent(handleChange);

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
      if (!a || partial || versions.get(a.seq) !== model.getVersionId()) return;
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
      editor.updateOptions({ readOnly: s.readOnly || partial });
      applyMarkers(s);
      if (pendingReveal) reveal(pendingReveal);
      pendingReveal = null;
    };
    /** The model is a big text's: plain text, and the editor's whole-text features are off. */
    let bigModel = false;
    const swapModel = (source: Parameters<typeof createModel>[0], big: boolean): void => {
      changes.dispose();
      editor.setModel(null);
      model.dispose();
      // A big text as YAML would be synced whole to the YAML worker (completion, hover, folding)
      // and to the editor worker (links, colours): one ~300 ms copy on the main thread each time.
      model = createModel(source, big ? 'plaintext' : 'yaml');
      bigModel = big;
      editor.updateOptions(big ? BIG_TEXT_OPTIONS : SMALL_TEXT_OPTIONS);
      changes = model.onDidChangeContent(handleChange);
      editor.setModel(model);
      highlight = editor.createDecorationsCollection();
      versions.clear();
    };
    loadWholeRef.current = () => {
      wholeAsked = true;
      const s = store.getState();
      partial = false;
      setPart(null);
      swapModel(s.text, true);
      loaded(s.textSeq);
    };
    const replace = (s: DesignState): void => {
      if (loading !== undefined) clearTimeout(loading);
      loading = undefined;
      // A line too long to lay out (one 20 MB JSON line), or a text too big to attach in one
      // task: only its beginning is shown, read-only (see big-text.ts).
      const longLine = s.text.length > LONGEST_SHOWN_LINE && longestLine(s.text) > LONGEST_SHOWN_LINE;
      if (s.text.length <= WHOLE_MAX_CHARS) wholeAsked = false;
      const big = s.text.length > WHOLE_MAX_CHARS;
      partial = longLine || (big && !wholeAsked);
      setPart(partial ? { chars: s.text.length, longLine } : null);
      if (big && !partial) {
        swapModel(s.text, true);
        return loaded(s.textSeq);
      }
      const text = partial ? partOf(s.text) : s.text;
      // Back from a big text: a YAML model again.
      if (bigModel) swapModel('', false);
      const [first = '', ...rest] = pieces(text, PIECE_CHARS);
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
        const same = !partial && model.getValueLength() === s.text.length && model.getValue() === s.text;
        if (loading !== undefined || !same) replace(s);
        else versions.set(s.textSeq, model.getVersionId());
      }
      if ((s.analysis !== prev.analysis || s.textReplaced !== prev.textReplaced) && loading === undefined) applyMarkers(s);
      if (s.reveal && s.reveal !== prev.reveal) {
        if (loading === undefined) reveal(s.reveal);
        else pendingReveal = s.reveal;
      } else if (s.selection !== prev.selection) {
        // Deselected (or another object selected without revealing it): its lines are no longer lit.
        highlight.clear();
        pendingReveal = null;
      }
      if (s.theme !== prev.theme) monaco.editor.setTheme(themeName(s.theme));
      if (s.readOnly !== prev.readOnly && loading === undefined) editor.updateOptions({ readOnly: s.readOnly || partial });
    });
    if (startsBig) replace(initial);

    return () => {
      if (loading !== undefined) clearTimeout(loading);
      unsubscribe();
      unregister();
      uninstallTabEscape();
      changes.dispose();
      if (timer !== undefined) flush();
      editor.dispose();
      model.dispose();
    };
  }, [store]);

  return (
    <>
      {part && (
        <p className="rd-editor-notice" role="status" data-testid="editor-part-notice">
          {part.longLine ? (
            <>This text is {(part.chars / 1_000_000).toFixed(1)} MB with a line too long to show: its beginning is shown, read-only. The design is analysed and drawn whole; edit it on the canvas.</>
          ) : (
            <>
              This text is {(part.chars / 1_000_000).toFixed(1)} MB: its beginning is shown, read-only, so the page stays responsive. The design is analysed and drawn whole.{' '}
              <button type="button" className="rd-link" onClick={() => loadWholeRef.current?.()} data-testid="editor-load-whole">
                Edit the whole text
              </button>{' '}
              (the page pauses for a few seconds)
            </>
          )}
        </p>
      )}
      <div className="rd-editor-host" ref={hostRef} data-testid="yaml-editor" />
      <TabHint tabMoves={tabMoves} />
    </>
  );
}
