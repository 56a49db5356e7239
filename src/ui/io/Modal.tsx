import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly wide?: boolean;
  readonly testId: string;
  /** Extra controls in the header, after the title. */
  readonly header?: ReactNode;
}

/** A dialog over the app: themed by the same tokens, Escape or the backdrop closes it, focus moves in. */
export function Modal({ title, onClose, children, footer, wide, testId, header }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], textarea, input, button');
    first?.focus();
    return () => previous?.focus();
  }, []);
  const handleKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="rd-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`rd-modal${wide ? ' is-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onKeyDown={handleKeyDown}>
        <div className="rd-modal-head">
          <h2>{title}</h2>
          {header}
          <span className="rd-spacer" />
          <button type="button" className="rd-button rd-icon-button" onClick={onClose} aria-label="Close" title="Close (Esc)" data-testid={`${testId}-close`}>
            ×
          </button>
        </div>
        <div className="rd-modal-body">{children}</div>
        {footer && <div className="rd-modal-foot">{footer}</div>}
      </div>
    </div>
  );
}
