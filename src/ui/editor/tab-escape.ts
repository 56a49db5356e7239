import type { monaco as Monaco } from './monaco-setup';
import { monaco } from './monaco-setup';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/**
 * The YAML editor must not trap the keyboard (WCAG 2.1.2 "No Keyboard Trap"). Monaco's answer is
 * its tab-focus mode: while it is on, Tab and Shift+Tab move the focus instead of indenting
 * (the `tabFocusMode` editor option; Ctrl+M toggles it in VS Code). Here:
 * - Esc turns it on (when no widget of the editor wants Esc: suggestions, find, hints…), so
 *   "Esc, then Tab" leaves the editor;
 * - arriving by Tab turns it on too, so Tab walks through the page without getting stuck;
 * - typing turns it off again: Tab indents while one writes;
 * - Ctrl+M switches it, as in VS Code.
 * `onChange` hears every switch (the pane's hint says which way Tab goes).
 */
export function installTabEscape(editor: Editor, onChange: (tabMovesFocus: boolean) => void): () => void {
  let moves = false;
  const set = (on: boolean): void => {
    if (on === moves) return;
    moves = on;
    editor.updateOptions({ tabFocusMode: on });
    onChange(on);
  };
  // Context keys of Monaco's own Esc handlers: while one of them is showing, Esc is theirs.
  const escFree = '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !inSnippetMode && !editorHasMultipleSelections && !markersNavigationVisible && !renameInputVisible';
  editor.addCommand(monaco.KeyCode.Escape, () => set(true), escFree);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => set(!moves));

  // A Tab pressed outside the editor that lands the focus in it: keep walking on the next Tab.
  let tabbedAt = -Infinity;
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Tab') tabbedAt = performance.now();
  };
  document.addEventListener('keydown', onKey, true);
  const focus = editor.onDidFocusEditorText(() => {
    if (performance.now() - tabbedAt < 500) set(true);
  });
  const typed = editor.onDidChangeModelContent((e) => {
    if (!e.isFlush && !e.isUndoing && !e.isRedoing && editor.hasTextFocus()) set(false);
  });
  return () => {
    document.removeEventListener('keydown', onKey, true);
    focus.dispose();
    typed.dispose();
  };
}
