import { useMemo, useState } from 'react';
import { selectGraph, useDesign } from '../../store/index';
import { useEditingStore } from '../editing/useEditing';
import { backendOptions, parentOptions, rowAt, type ConnectOption } from './connect-options';
import { useFormLocked } from './Field';

interface ConnectPickerProps {
  /** The route's resource id. */
  readonly resourceId: string;
  /** `parent`: "+ parent"; `backend`: "+ backend" for the rule at `rulePath` (`spec.rules[0]`). */
  readonly mode: 'parent' | 'backend';
  readonly rulePath?: string;
  readonly testId: string;
}

/**
 * "+ parent" / "+ backend" without the mouse: a choice of what a drag on the canvas would
 * connect, then a button that connects it with the same store action (`connect`), so a refused
 * connection says why just as a refused drag does. Choosing alone changes nothing: arrow keys
 * through the list do not connect every object they pass.
 */
export function ConnectPicker({ resourceId, mode, rulePath, testId }: ConnectPickerProps) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  const graph = useDesign(selectGraph);
  const [choice, setChoice] = useState('');
  const options = useMemo((): ConnectOption[] => {
    const node = graph.nodes.find((n) => n.id === graph.nodeByResource[resourceId]);
    if (!node) return [];
    if (mode === 'parent') return parentOptions(graph, node);
    const row = rulePath === undefined ? undefined : rowAt(node, rulePath);
    return row ? backendOptions(graph, node, row) : [];
  }, [graph, resourceId, mode, rulePath]);
  if (options.length === 0) return null;
  const chosen = options.find((o) => o.key === choice);
  const what = mode === 'parent' ? 'parent' : 'backend';
  const hint = mode === 'parent' ? 'Attach this route to a Gateway listener, or to a Service for the mesh' : 'Send this rule to a backend';
  return (
    <div className="rd-connect-picker" role="group" aria-label={hint}>
      <select className="rd-input rd-connect-select" value={chosen ? choice : ''} disabled={locked !== null} aria-label={`Choose a ${what}`} title={locked ?? hint} onChange={(e) => setChoice(e.target.value)} data-testid={`${testId}-choice`}>
        <option value="">Choose a {what}…</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.text}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="rd-form-add"
        disabled={locked !== null || !chosen}
        title={locked ?? (chosen ? `${mode === 'parent' ? 'Attach to' : 'Send to'} ${chosen.text}` : `Choose a ${what} first`)}
        onClick={() => {
          if (chosen && editing.getState().connect(chosen.connection)) setChoice('');
        }}
        data-testid={testId}
      >
        + {what}
      </button>
    </div>
  );
}
