import { useEffect } from 'react';
import { useDesignStore } from '../../store/index';
import { useEditingStore } from './useEditing';

/** A key typed into a text field (or the YAML editor) belongs to it, not to the canvas. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor') !== null;
}

/**
 * Keyboard shortcuts: Delete / Backspace (delete the selection, asking how), Ctrl/Cmd+Z (undo),
 * Shift+Ctrl/Cmd+Z and Ctrl+Y (redo), Ctrl/Cmd+F (find a resource), Escape (close, then
 * deselect). In the YAML editor, undo and redo are bound to the same history (YamlEditor).
 */
export function useShortcuts(): void {
  const design = useDesignStore();
  const editing = useEditingStore();
  useEffect(() => {
    const handleKey = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const e = editing.getState();
      const inMonaco = event.target instanceof HTMLElement && event.target.closest('.monaco-editor') !== null;
      if (mod && key === 'f' && !event.altKey && !inMonaco) {
        event.preventDefault();
        e.setFindOpen(true);
        return;
      }
      if (event.defaultPrevented || isTextTarget(event.target) || document.querySelector('[aria-modal="true"]')) return;
      if (mod && (key === 'z' || key === 'y')) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) e.redo();
        else e.undo();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        if (design.getState().selection === null) return;
        event.preventDefault();
        e.requestDelete();
      } else if (event.key === 'Escape') {
        if (e.weightEdge !== null) e.editWeight(null);
        else if (e.findOpen) e.setFindOpen(false);
        else design.getState().select(null);
      }
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [design, editing]);
}
