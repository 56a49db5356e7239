import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { createPortal } from 'react-dom';
import { appendInstead, importedObjects, isCurrent, undoReplace } from '../../store/import-undo';
import { useDesign, useDesignStore } from '../../store/index';
import { IconImport } from './io-icons';
import { useIo } from './io-state';
import { isEditableTarget } from './read-files';
import './import-toast.css';

/** How long the toast stays; the pointer or focus in it holds it. */
export const TOAST_MS = 10_000;

/** Where the toast stands when it shares the bottom of the canvas with another note. */
const GAP_PX = 8;
/** The toast's own place: `bottom` in import-toast.css. */
const BOTTOM_PX = 64;
const MEASURE_MS = 200;
const BELOW = '.rd-collapse-hint';

/**
 * How far above the canvas's bottom the toast must stand to clear the note of a big design opened
 * collapsed (AutoCollapseHint, at the bottom too, its height that of its text): 0 when there is none.
 * Measured while the toast shows — the note comes when the analysis lands, and goes.
 */
function useLiftAbove(pane: Element | null, showing: boolean): number {
  const [lift, setLift] = useState(0);
  useEffect(() => {
    if (!pane || !showing) return;
    const measure = (): void => {
      const note = pane.querySelector(BELOW);
      setLift(note ? Math.round(pane.getBoundingClientRect().bottom - note.getBoundingClientRect().top) + GAP_PX : 0);
    };
    measure();
    const timer = setInterval(measure, MEASURE_MS);
    return () => clearInterval(timer);
  }, [pane, showing]);
  return lift;
}

const inside = (box: HTMLElement | null, target: EventTarget | null): boolean => box !== null && target instanceof Node && box.contains(target);

/**
 * Says that a paste or drop replaced the design, and offers Undo (the design before, as it was
 * drawn) and Append instead. Over the canvas, without taking focus; Tab reaches it after the
 * canvas, Escape or × dismisses it, Ctrl/Cmd+Z outside a text field is its Undo. It goes when the
 * design changes otherwise (an edit, undo), or after a while.
 */
export function ImportToast() {
  const store = useDesignStore();
  const replaced = useIo((s) => s.replaced);
  const show = useIo((s) => s.showReplaced);
  const current = useDesign((s) => replaced !== null && isCurrent(s, replaced.replacement));
  const objects = useDesign((s) => (replaced ? importedObjects(s, replaced.replacement) : 0));
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const [pane, setPane] = useState<Element | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => setPane(document.querySelector('.rd-canvas-pane')), []);
  const lift = useLiftAbove(pane, replaced !== null);

  const close = useCallback(() => {
    const hadFocus = inside(box.current, document.activeElement);
    show(null);
    setHeld({ pointer: false, focus: false });
    if (hadFocus && returnFocus.current?.isConnected) returnFocus.current.focus();
    returnFocus.current = null;
  }, [show]);
  const undo = useCallback(() => {
    const r = useIo.getState().replaced;
    close();
    if (r) undoReplace(store, r.replacement);
  }, [close, store]);
  const append = (): void => {
    close();
    if (replaced) appendInstead(store, replaced.replacement);
  };

  useEffect(() => {
    if (replaced && !current) show(null);
  }, [replaced, current, show]);
  const holding = held.pointer || held.focus;
  useEffect(() => {
    if (!replaced || holding) return;
    const timer = setTimeout(close, TOAST_MS);
    return () => clearTimeout(timer);
  }, [replaced, holding, close]);
  useEffect(() => {
    if (!replaced) return;
    const handleKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'Escape') close();
      else if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z' && !isEditableTarget(event.target)) {
        // Before the app's shortcut (which would take the text back, but not the drawing).
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', handleKey, true);
    return () => window.removeEventListener('keydown', handleKey, true);
  }, [replaced, close, undo]);

  const handleFocus = (event: FocusEvent): void => {
    if (inside(box.current, event.relatedTarget)) return;
    returnFocus.current = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
    setHeld((h) => ({ ...h, focus: true }));
  };
  const handleBlur = (event: FocusEvent): void => {
    if (!inside(box.current, event.relatedTarget)) setHeld((h) => ({ ...h, focus: false }));
  };

  if (!pane) return null;
  return createPortal(
    // The live region stays in the page, so what appears in it is announced.
    <div className="rd-import-toast-slot" role="status">
      {replaced && (
        <div
          ref={box}
          className="rd-notice rd-import-toast"
          style={lift > BOTTOM_PX ? { bottom: lift } : undefined}
          data-testid="import-toast"
          onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
          onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
          onFocus={handleFocus}
          onBlur={handleBlur}
        >
          <IconImport />
          <span className="rd-import-toast-text" data-testid="import-toast-text">
            Replaced the design with {objects.toLocaleString('en')} object{objects === 1 ? '' : 's'} from {replaced.source}
          </span>
          <button type="button" className="rd-button" onClick={undo} data-testid="import-toast-undo">
            Undo
          </button>
          <button type="button" className="rd-button" onClick={append} data-testid="import-toast-append">
            Append instead
          </button>
          <button type="button" className="rd-link rd-import-toast-close" onClick={close} aria-label="Dismiss" title="Dismiss (Escape)" data-testid="import-toast-close">
            ×
          </button>
        </div>
      )}
    </div>,
    pane,
  );
}
