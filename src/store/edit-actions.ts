import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CanvasConnection, KubeObject, PaletteKind, RemovalPreview } from '../core/index';
import type { DesignStore } from './design-store';
import { addResource, connect, deletionOf, remove, rename, setWeight, updateObject, type EditContext } from './edit-actions-resources';
import { REFUSED_READ_ONLY } from './edit-actions-document';
import { moveToNamespace } from './edit-actions-namespace';
import { createHistory, type History } from './history';
import type { XY } from './layout';
import { resourceIdsOf, selectGraph, selectGroup, selectNode, selectResource } from './selectors';

/**
 * The editing layer: every gesture of the canvas, the palette and the inspector is one of these
 * named actions. Each turns the gesture into edits with a pure core function, writes the new text
 * to the design store (which analyses it) as one named history step — or refuses, saying why
 * (review mode, YAML errors). Its own state is view state: notices, confirmations, the find box.
 */
export interface Notice {
  readonly tone: 'error' | 'info';
  readonly text: string;
  readonly seq: number;
}

export type Confirmation =
  | { readonly kind: 'new' }
  | { readonly kind: 'delete'; readonly resourceId: string; readonly title: string; readonly preview: RemovalPreview };

export interface EditState {
  readonly notice: Notice | null;
  readonly confirm: Confirmation | null;
  readonly findOpen: boolean;
  /** The canvas edge whose weight is being edited. */
  readonly weightEdge: string | null;
  /** The step undo would take back / redo would make again (null: nothing to undo / redo). */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export interface EditActions {
  addResource(kind: PaletteKind, position?: XY): boolean;
  connect(connection: CanvasConnection): boolean;
  setEdgeWeight(edgeId: string, weight: number): boolean;
  /**
   * A form edit of one object: `update` is applied to the object as the current text has it.
   * Refused, saying why, when it would add a validation error. `mergeKey` makes quick repeats
   * (typing in a field) one undo step.
   */
  updateObject(resourceId: string, update: (object: KubeObject) => KubeObject, label: string, mergeKey?: string): boolean;
  rename(resourceId: string, name: string): boolean;
  /** Moves an object to another namespace; references follow, or are named in a notice. */
  setNamespace(resourceId: string, namespace: string): boolean;
  /** Asks how to delete the selected (or given) node's object, showing what each way changes. */
  requestDelete(nodeId?: string): void;
  confirmDelete(cleanUp: boolean): void;
  /** Clears the design — after asking, when it has content. */
  requestNew(): void;
  confirmNew(): void;
  cancelConfirm(): void;
  undo(): void;
  redo(): void;
  setFindOpen(open: boolean): void;
  editWeight(edgeId: string | null): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismissNotice(): void;
}

export type EditingStore = StoreApi<EditState & EditActions> & { readonly history: History };

const registry = new WeakMap<DesignStore, EditingStore>();

/** The editing layer of a design store (created once). */
export function editingOf(design: DesignStore): EditingStore {
  let editing = registry.get(design);
  if (!editing) {
    editing = createEditing(design);
    registry.set(design, editing);
  }
  return editing;
}

function createEditing(design: DesignStore): EditingStore {
  const history = createHistory(design);
  let seq = 0;
  const store = createStore<EditState & EditActions>()((set, get) => {
    const refuse = (reason: string): false => {
      set({ notice: { tone: 'error', text: reason, seq: ++seq } });
      return false;
    };
    const ctx: EditContext = { design, history, refuse };
    const travel = (f: () => boolean): void => {
      if (design.getState().readOnly) refuse(REFUSED_READ_ONLY);
      else f();
    };
    return {
      notice: null,
      confirm: null,
      findOpen: false,
      weightEdge: null,
      undoLabel: null,
      redoLabel: null,
      addResource: (kind, position) => addResource(ctx, kind, position),
      connect: (connection) => connect(ctx, connection),
      setEdgeWeight: (edgeId, weight) => setWeight(ctx, edgeId, weight),
      updateObject: (resourceId, update, label, mergeKey) => updateObject(ctx, resourceId, update, label, mergeKey),
      rename: (resourceId, name) => rename(ctx, resourceId, name),
      setNamespace: (resourceId, namespace) => moveToNamespace(ctx, resourceId, namespace, (text, tone) => set({ notice: { tone, text, seq: ++seq } })),
      requestDelete(nodeId) {
        const s = design.getState();
        const id = nodeId ?? s.selection;
        if (!id) return;
        const node = selectNode(s, id);
        // A node, a namespace group, or a resource drawn inside a node (a DestinationRule).
        const resourceId = node ? node.resourceId : (selectGroup(s, id)?.resourceId ?? selectResource(s, id)?.id);
        if (!resourceId) {
          refuse(node?.role === 'missing' ? `${node.kind} ${node.name} is not in this design: there is nothing to delete.` : `${resourceIdsOf(s, id).length === 0 ? 'This namespace has no Namespace object' : 'Nothing'} to delete.`);
          return;
        }
        const deletion = deletionOf(ctx, resourceId);
        if (typeof deletion === 'string') refuse(deletion);
        else set({ confirm: { kind: 'delete', resourceId, ...deletion } });
      },
      confirmDelete(cleanUp) {
        const c = get().confirm;
        set({ confirm: null });
        if (c?.kind === 'delete') remove(ctx, c.resourceId, cleanUp);
      },
      requestNew() {
        const s = design.getState();
        if (s.readOnly) refuse(REFUSED_READ_ONLY);
        else if (s.text.trim() === '') get().confirmNew();
        else set({ confirm: { kind: 'new' } });
      },
      confirmNew() {
        set({ confirm: null });
        if (design.getState().readOnly) return void refuse(REFUSED_READ_ONLY);
        history.expect('New design');
        design.getState().loadText('', 'design.yaml');
      },
      cancelConfirm: () => set({ confirm: null }),
      undo: () => travel(history.undo),
      redo: () => travel(history.redo),
      setFindOpen: (findOpen) => set({ findOpen }),
      editWeight: (weightEdge) => set({ weightEdge }),
      notify: (text, tone = 'info') => set({ notice: { tone, text, seq: ++seq } }),
      dismissNotice: () => set({ notice: null }),
    };
  });
  const syncLabels = (): void => {
    const t = history.doc.temporal.getState();
    const future = t.futureStates[t.futureStates.length - 1];
    store.setState({ undoLabel: t.pastStates.length > 0 ? history.doc.getState().label || 'change' : null, redoLabel: future ? future.label || 'change' : null });
  };
  // A new object is selected by its resource id; once drawn inside another node (a
  // DestinationRule in its Service), the selection moves to that node.
  design.subscribe((s, prev) => {
    if (s.shown === prev.shown || s.selection === null || selectNode(s, s.selection) || selectGroup(s, s.selection)) return;
    const drawnBy = selectGraph(s).nodeByResource[s.selection];
    if (drawnBy && drawnBy !== s.selection) s.select(drawnBy);
  });
  history.doc.temporal.subscribe(syncLabels);
  history.doc.subscribe(syncLabels);
  return Object.assign(store, { history });
}
