import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import type { CanvasConnection } from '../../core/index';
import { setNewObjectPlacer, useDesignStore, type DesignStore } from '../../store/index';
import { carriesPaletteKind, paletteKindOf } from '../palette/palette-drag';
import { inView, placeWhenDrawn, visibleSpot, type ScreenRect } from './place-dropped';
import { useEditingStore } from './useEditing';

/** Screen → canvas coordinates (React Flow's `screenToFlowPosition`, passed in by the canvas). */
type ToFlow = (point: { x: number; y: number }) => { x: number; y: number };

/** The part of React Flow's final connection state a drag-to-connect needs. */
interface ConnectionEnd {
  readonly fromNode: { readonly id: string } | null;
  readonly fromHandle: { readonly id?: string | null } | null;
}

/** A dropped node's top-left sits a little up and left of the pointer, so it lands under it. */
const DROP_OFFSET = { x: 24, y: 18 };

/** `s:<row id>` / `t:<row id>` → the row id; a node's own handles name no row. */
function rowOfHandle(handle: string | null | undefined): string | undefined {
  return handle && /^[st]:/.test(handle) ? handle.slice(2) : undefined;
}

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('changedTouches' in event) {
    const t = event.changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

/** The node (and row) under a point of the screen, as the canvas draws them. */
function endUnder(point: { x: number; y: number }): { node: string; row?: string } | null {
  const el = document.elementFromPoint(point.x, point.y);
  const nodeEl = el?.closest('.react-flow__node');
  const node = nodeEl?.getAttribute('data-id');
  if (!nodeEl || !node || nodeEl.classList.contains('react-flow__node-namespace')) return null;
  const handle = el?.closest('.rd-row')?.querySelector('.react-flow__handle')?.getAttribute('data-handleid');
  const row = rowOfHandle(handle ?? el?.closest('.react-flow__handle')?.getAttribute('data-handleid'));
  return row ? { node, row } : { node };
}

/** Half a typical card (flow units): a clicked kind's card is centred on the spot before its size is known. */
const HALF_CARD = { x: 120, y: 50 };

function rectOf(el: Element): ScreenRect {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/**
 * A kind added by a click (the palette, Enter) is placed in the middle of the part of the canvas the
 * user sees — clear of the minimap and the zoom controls, and of other nodes (placeFree) — and when
 * the nearest free spot is out of view, the view moves to it.
 */
function usePlaceInView(design: DesignStore, toFlow: ToFlow): void {
  useEffect(
    () =>
      setNewObjectPlacer(design, (resourceId) => {
        const paneEl = document.querySelector('.react-flow');
        if (!paneEl) return;
        const pane = rectOf(paneEl);
        const overlays = [...paneEl.querySelectorAll('.rd-minimap, .react-flow__controls')].map(rectOf);
        const spot = toFlow(visibleSpot(pane, overlays));
        const want = { x: Math.round(spot.x - HALF_CARD.x), y: Math.round(spot.y - HALF_CARD.y) };
        design.getState().moveNode(resourceId, want);
        placeWhenDrawn(design, resourceId, want, (box) => {
          // Flow → screen: toFlow is affine (screen − offset) / zoom; two points give both.
          const o = toFlow({ x: 0, y: 0 });
          const one = toFlow({ x: 1, y: 1 });
          const zx = 1 / (one.x - o.x);
          const zy = 1 / (one.y - o.y);
          const screen = { x: (box.x - o.x) * zx, y: (box.y - o.y) * zy, width: box.width * zx, height: box.height * zy };
          if (!inView(screen, pane, overlays)) design.getState().select(resourceId, { focus: true });
        });
      }),
    [design, toFlow],
  );
}

/**
 * The canvas's editing gestures, as React Flow handlers: drop a palette kind to add an object
 * there (or at the nearest spot where it hides no other node); drag from a handle (a listener, a rule, a Service) and release over another node or
 * row to connect them. What the connection means is decided by the core (connectionEdits).
 */
export function useCanvasEditing(toFlow: ToFlow) {
  const editing = useEditingStore();
  const design = useDesignStore();
  usePlaceInView(design, toFlow);
  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!carriesPaletteKind(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const kind = paletteKindOf(event.dataTransfer);
      if (!kind) return;
      event.preventDefault();
      const p = toFlow({ x: event.clientX, y: event.clientY });
      const want = { x: Math.round(p.x - DROP_OFFSET.x), y: Math.round(p.y - DROP_OFFSET.y) };
      // The new object is selected by its resource id (see addResource).
      if (editing.getState().addResource(kind, want)) placeWhenDrawn(design, String(design.getState().selection), want);
    },
    [design, editing, toFlow],
  );
  // While connecting, the node and row under the pointer are highlighted (CSS on this class).
  const onConnectStart = useCallback(() => document.body.classList.add('rd-connecting'), []);
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: ConnectionEnd) => {
      document.body.classList.remove('rd-connecting');
      const point = pointOf(event);
      const from = state.fromNode?.id;
      const to = point ? endUnder(point) : null;
      if (!from || !to || to.node === from) return; // released on empty canvas: nothing to do
      const fromRow = rowOfHandle(state.fromHandle?.id);
      const connection: CanvasConnection = { source: from, ...(fromRow ? { sourceRow: fromRow } : {}), target: to.node, ...(to.row ? { targetRow: to.row } : {}) };
      editing.getState().connect(connection);
    },
    [editing],
  );
  return useMemo(() => ({ onDragOver, onDrop, onConnectStart, onConnectEnd }), [onDragOver, onDrop, onConnectStart, onConnectEnd]);
}
