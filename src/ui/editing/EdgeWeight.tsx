import { useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { GraphEdge } from '../../core/index';
import { useDesign } from '../../store/index';
import { useEditingStore } from './useEditing';
import './editing.css';

/** Gateway API allows 0…1,000,000 (HTTPBackendRef.weight); Istio's destination weights are percentages, also whole numbers. */
const MAX_WEIGHT = 1_000_000;

export function checkWeight(text: string): { weight: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: 'a whole number, 0 or more' };
  const weight = Number(t);
  return weight > MAX_WEIGHT ? { error: `at most ${MAX_WEIGHT.toLocaleString('en')}` } : { weight };
}

/** Whether an edge's weight can be edited on the canvas (a backend of a rule, outside review mode), and how to start. */
export function useEdgeWeightEdit(edgeId: string, edge: GraphEdge | undefined) {
  const editing = useEditingStore();
  const open = useStore(editing, (s) => s.weightEdge === edgeId);
  const readOnly = useDesign((s) => s.readOnly);
  const editable = !readOnly && edge?.kind === 'backend' && edge.weight !== undefined && edge.sourceRow !== undefined && edge.label !== 'delegate' && !edge.broken;
  const start = (): void => editing.getState().editWeight(edgeId);
  // The label is a button for the keyboard too: Tab reaches it, Enter or Space opens the editor.
  const labelProps = editable
    ? {
        role: 'button',
        tabIndex: 0,
        // Named by its visible text (WCAG 2.5.3); the title, its description, says what it is.
        title: `Weight of the backend ${backendName(edge.target)}: press Enter to change it`,
        'data-weight-edge': edgeId,
        onClick: start,
        onKeyDown: (event: KeyboardEvent): void => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          event.stopPropagation();
          start();
        },
      }
    : {};
  return { editable, open, onClick: editable ? start : undefined, labelProps };
}

/** `core/Service/shop/cart` → `shop/cart`. */
function backendName(nodeId: string): string {
  return nodeId.split('/').slice(-2).join('/');
}

/** Back to the label once the editor closes from the keyboard: the focus is not lost to the page. */
function refocusLabel(edgeId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-weight-edge="${CSS.escape(edgeId)}"]`)?.focus());
}

/** The weight of one backend, edited in place on its edge label: Enter or leaving applies, Escape cancels. */
export function WeightEditor({ edgeId, weight, x, y }: { edgeId: string; weight: number; x: number; y: number }) {
  const editing = useEditingStore();
  const [draft, setDraft] = useState(String(weight));
  const checked = checkWeight(draft);
  const close = (): void => editing.getState().editWeight(null);
  const apply = (): void => {
    if ('weight' in checked && checked.weight !== weight) editing.getState().setEdgeWeight(edgeId, checked.weight);
    if ('weight' in checked) close();
  };
  const handleKey = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key === 'Enter') {
      apply();
      refocusLabel(edgeId);
    }
    if (event.key === 'Escape') {
      close();
      refocusLabel(edgeId);
    }
  };
  return (
    <div className="rd-weight-editor nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }} data-testid="weight-editor">
      <label>
        <span>weight</span>
        <input
          autoFocus
          aria-label={`weight of the backend (0 to ${MAX_WEIGHT.toLocaleString('en')}), Enter applies, Escape cancels`}
          inputMode="numeric"
          value={draft}
          aria-invalid={'error' in checked}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={handleKey}
          onBlur={() => ('weight' in checked ? apply() : close())}
          onFocus={(e) => e.target.select()}
          data-testid="weight-input"
        />
      </label>
      {'error' in checked && <span className="rd-field-error">{checked.error}</span>}
    </div>
  );
}
