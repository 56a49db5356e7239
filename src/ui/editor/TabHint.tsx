const FULL =
  'The editor never keeps the keyboard: Esc then Tab moves on to the canvas, Shift+Tab back to the toolbar. Typing makes Tab indent again; Ctrl+M switches between the two.';

/**
 * Under the YAML editor: what Tab does now, and how to leave the editor by keyboard (the editor
 * never traps the focus: see tab-escape.ts). Polite live region: a screen reader hears the switch.
 */
export function TabHint({ tabMoves }: { tabMoves: boolean }) {
  return (
    <p className="rd-editor-keys" aria-live="polite" title={FULL} data-testid="editor-tab-hint" data-tab-moves={tabMoves}>
      {tabMoves ? (
        <>
          <kbd>Tab</kbd> leaves the editor · type or <kbd>Ctrl</kbd>+<kbd>M</kbd> to indent
        </>
      ) : (
        <>
          <kbd>Tab</kbd> indents · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
        </>
      )}
    </p>
  );
}
