import { IconFind, IconRedo, IconUndo } from './edit-icons';
import { useEditing } from './useEditing';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Toolbar: undo / redo (canvas and YAML edits in one history) and find. */
export function EditButtons() {
  const undoLabel = useEditing((s) => s.undoLabel);
  const redoLabel = useEditing((s) => s.redoLabel);
  const undo = useEditing((s) => s.undo);
  const redo = useEditing((s) => s.redo);
  const setFindOpen = useEditing((s) => s.setFindOpen);
  return (
    <div className="rd-toolbar-group" role="toolbar" aria-label="Edit">
      <button type="button" className="rd-button rd-icon-button" onClick={undo} disabled={undoLabel === null} aria-label={undoLabel ? `Undo: ${undoLabel}` : 'Undo'} title={undoLabel ? `Undo: ${undoLabel} (${mod}Z)` : 'Nothing to undo'} data-testid="undo">
        <IconUndo />
      </button>
      <button type="button" className="rd-button rd-icon-button" onClick={redo} disabled={redoLabel === null} aria-label={redoLabel ? `Redo: ${redoLabel}` : 'Redo'} title={redoLabel ? `Redo: ${redoLabel} (${mod}Shift+Z)` : 'Nothing to redo'} data-testid="redo">
        <IconRedo />
      </button>
      <button type="button" className="rd-button" onClick={() => setFindOpen(true)} title={`Find a resource by name (${mod}F)`} data-testid="find">
        <IconFind /> <span className="rd-compact-label">Find</span>
      </button>
    </div>
  );
}
