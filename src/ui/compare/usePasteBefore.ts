import { useEffect, useRef } from 'react';
import { useIo } from '../io/io-state';
import { isEditableTarget } from '../io/read-files';

/** A field that takes typed text (a radio button, a checkbox or a file input does not). */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement && ['radio', 'checkbox', 'file', 'button'].includes(target.type)) return false;
  return isEditableTarget(target);
}

/**
 * While the compare dialog is open, a paste outside a text field, or files dropped anywhere, are
 * the before version — not an import, which would replace the design. A paste (useImportGestures
 * listens on the window, bubbling) is caught first, on the way down, and kept from it; a drop is
 * handed over by the import's own handler (io-state's dropTaker). A paste into the dialog's text
 * area is the text area's.
 */
export function usePasteBefore(onText: (text: string) => void, onFiles: (files: FileList) => void): void {
  const handlers = useRef({ onText, onFiles });
  useEffect(() => {
    handlers.current = { onText, onFiles };
  });
  useEffect(() => {
    const handlePaste = (event: ClipboardEvent): void => {
      if (isTextField(event.target) || isTextField(document.activeElement)) return;
      event.stopPropagation();
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      if (data.files.length > 0) handlers.current.onFiles(data.files);
      else if (data.getData('text/plain').trim() !== '') handlers.current.onText(data.getData('text/plain'));
    };
    window.addEventListener('paste', handlePaste, true);
    useIo.getState().setDropTaker((files) => handlers.current.onFiles(files));
    return () => {
      window.removeEventListener('paste', handlePaste, true);
      useIo.getState().setDropTaker(null);
    };
  }, []);
}
