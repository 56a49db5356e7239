import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useDesign, useDesignStore } from '../../store/index';
import './auto-collapse-hint.css';

const list = (names: readonly string[]): string => (names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/**
 * Says once, over the bottom of the canvas, that a big design opened with namespaces collapsed
 * (auto-collapse.ts) and how to open one: ▸ on it, or a double-click; or all at once. Not modal and
 * never takes focus: the live region stays in the page so what appears in it is announced; × (or
 * Escape inside it) dismisses it, and opening a namespace ends it too. It is one of the canvas's
 * panels (`react-flow__panel`, in the React Flow element): Fit keeps the nodes clear of it as of
 * the minimap and the zoom controls (useViewCommands), so it never covers a listener.
 */
export function AutoCollapseHint() {
  const store = useDesignStore();
  const note = useDesign((s) => s.autoCollapsed);
  const dismiss = (): void => store.getState().dismissAutoCollapsed();
  const count = note?.namespaces.length ?? 0;
  const [flow, setFlow] = useState<Element | null>(null);
  useEffect(() => setFlow(document.querySelector('.rd-canvas-pane .react-flow')), []);
  if (!flow) return null;
  return createPortal(
    <div className="rd-collapse-hint-slot" role="status">
      {note && (
        <div
          className="react-flow__panel bottom center rd-notice rd-collapse-hint"
          data-testid="auto-collapse-hint"
          onKeyDown={(event) => {
            if (event.key === 'Escape') dismiss();
          }}
        >
          <span className="rd-collapse-hint-text">
            <strong>
              {count} {count === 1 ? 'namespace' : 'namespaces'} collapsed
            </strong>{' '}
            ({list(note.namespaces)}): drawn whole, this design would be {note.nodesBefore.toLocaleString('en')} cards; now its Gateways and listeners come first. Open a namespace
            with ▸ or a double-click.
          </span>
          <button type="button" className="rd-button" onClick={() => store.getState().expandAll()} data-testid="auto-collapse-expand-all">
            Expand all
          </button>
          <button type="button" className="rd-link rd-collapse-hint-close" onClick={dismiss} aria-label="Dismiss" title="Dismiss (Escape)" data-testid="auto-collapse-dismiss">
            ×
          </button>
        </div>
      )}
    </div>,
    flow,
  );
}
