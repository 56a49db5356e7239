import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that opens a small panel (the canvas's filter, its other objects): Escape closes it
 * and gives the focus back to the button; a click outside closes it. The button says whether it
 * is open (aria-expanded) and which panel it controls.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      const t = e.target instanceof Node ? e.target : null;
      if (t && (panel.current?.contains(t) || button.current?.contains(t))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      e.preventDefault();
      close();
    },
    [close],
  );

  return {
    open,
    toggle: () => setOpen((o) => !o),
    close,
    buttonProps: { ref: button, 'aria-expanded': open, 'aria-controls': id, onKeyDown },
    panelProps: { ref: panel, id, onKeyDown },
  };
}
