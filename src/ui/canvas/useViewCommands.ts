import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDesign } from '../../store/index';
import { fitAvoiding, sameViewport, type Viewport } from './fit-geometry';
import type { FlowNode } from './flow-elements';
import { boxOf, type Rect } from './minimap-geometry';

/*
 * The canvas's view commands: Fit (a new design's, the toolbar's, and again when the canvas
 * changes size) and centring a node a problem focuses.
 */

/** Above this many nodes a new design opens on its top rows, readable, rather than all of it, tiny. */
const FIT_ALL_MAX = 250;

/** A small design is not blown up past 100 % by a fit (one new node would fill the canvas). */
const FIT_MAX_ZOOM = 1;

function initialFit(nodes: readonly FlowNode[]): { nodes: readonly FlowNode[]; minZoom?: number } {
  if (nodes.length <= FIT_ALL_MAX) return { nodes };
  return { nodes: topNodes(nodes, 24), minZoom: 0.5 };
}

/** The first `k` nodes (not namespaces) in reading order, in one pass (a huge design is not sorted for 24). */
function topNodes(nodes: readonly FlowNode[], k: number): FlowNode[] {
  const before = (a: FlowNode, b: FlowNode): number => a.position.y - b.position.y || a.position.x - b.position.x;
  const top: FlowNode[] = [];
  for (const n of nodes) {
    if (n.type === 'namespace') continue;
    const last = top[top.length - 1];
    if (top.length >= k && last && before(n, last) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(n, top[i - 1] as FlowNode) < 0) i--;
    top.splice(i, 0, n);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Screen pixels kept around a fitted design, and between its nodes and the pane's overlays. */
const FIT_MARGIN = 20;

/** The overlays drawn over the pane (React Flow panels: minimap, zoom controls, the view bar), in pane pixels. */
function overlaysOf(pane: HTMLElement | null): Rect[] {
  if (!pane) return [];
  const at = pane.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const el of pane.querySelectorAll('.react-flow__panel')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) rects.push({ x: r.x - at.x, y: r.y - at.y, width: r.width, height: r.height });
  }
  return rects;
}

/** The rectangles of the nodes that must stay clear of the overlays (a namespace's background may pass under). */
function* nodeRects(nodes: readonly FlowNode[]): Generator<Rect> {
  for (const n of nodes) if (n.type !== 'namespace') yield { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 };
}

/**
 * Fits the view to `nodes` — computed from our nodes, not React Flow's: in the overview, React
 * Flow has none — in the part of the pane the minimap and the zoom controls leave clear of them
 * (see fit-geometry). `minZoom` narrows the canvas's own limits. Returns the view set.
 */
function useFitTo() {
  const rf = useReactFlow<FlowNode>();
  const api = useStoreApi<FlowNode>();
  return useCallback(
    (nodes: readonly FlowNode[], options: { minZoom?: number; duration?: number } = {}): Viewport | null => {
      const box = boxOf(nodes);
      const { width, height, minZoom, maxZoom, domNode } = api.getState();
      if (!box || width === 0 || height === 0) return null;
      const lo = Math.max(minZoom, options.minZoom ?? minZoom);
      const hi = Math.max(lo, Math.min(maxZoom, FIT_MAX_ZOOM));
      const view = fitAvoiding({ box, nodes: nodeRects(nodes), width, height, overlays: overlaysOf(domNode), minZoom: lo, maxZoom: hi, margin: FIT_MARGIN });
      void rf.setViewport(view, options.duration ? { duration: options.duration } : undefined);
      return view;
    },
    [rf, api],
  );
}

const selectPaneSize = (s: ReactFlowState): string => `${s.width}x${s.height}`;

/** How long after a pane opens or closes the canvas's new size is waited for (ms). */
const PANE_SETTLE_MS = 1000;

/**
 * Fits again when the canvas changes size, if this design was fitted: always when a pane beside
 * it opened or closed, and on any other resize (the window's) while the view is where the last
 * fit put it (not moved since).
 */
function useRefitOnResize(fit: (initial: boolean) => Viewport | null, lastFit: { readonly current: { view: Viewport; initial: boolean } | null }, panes: string) {
  const api = useStoreApi<FlowNode>();
  const size = useStore(selectPaneSize);
  const toggledAt = useRef(-Infinity);
  useEffect(() => {
    toggledAt.current = performance.now();
  }, [panes]);
  useEffect(() => {
    const last = lastFit.current;
    if (!last) return;
    const [x, y, zoom] = api.getState().transform;
    if (sameViewport({ x, y, zoom }, last.view) || performance.now() - toggledAt.current < PANE_SETTLE_MS) fit(last.initial);
  }, [size, api, fit, lastFit]);
}

/**
 * Fit view when a new design appears (no node of the previous drawing remains: first load, a
 * paste that replaces everything) and when asked; centre a node when a problem focuses it.
 */
export function useViewCommands(nodes: readonly FlowNode[], panes: string) {
  const rf = useReactFlow<FlowNode>();
  const fitTo = useFitTo();
  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);
  // The last fit's view (and whether it was a new design's): a resize refits while the view is there.
  const lastFit = useRef<{ view: Viewport; initial: boolean } | null>(null);
  const fit = useCallback(
    (initial: boolean, duration?: number): Viewport | null => {
      const { nodes: shown, ...limits } = initial ? initialFit(nodesRef.current) : { nodes: nodesRef.current };
      const view = fitTo(shown, { ...limits, duration });
      if (view) lastFit.current = { view, initial };
      return view;
    },
    [fitTo],
  );
  useRefitOnResize(fit, lastFit, panes);
  const command = useDesign((s) => s.viewCommand);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const [fitRequest, setFitRequest] = useState(0);
  const [emptied, setEmptied] = useState(0);
  const ids = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  // Objects placed by an edit (a palette drop on an empty canvas) stay where they were put.
  const edited = useDesign((s) => s.textCause === 'edit');
  // A node to focus may not be drawn yet (its namespace just opened, its layout is on the way):
  // it is centred once it is.
  const [focusing, setFocusing] = useState<{ id: string; seq: number } | null>(null);
  if (ids !== drawn) {
    let kept = 0;
    for (const id of ids) if (drawn.has(id)) kept++;
    const fresh = ids.size > 0 && kept < ids.size / 2 && !edited;
    setDrawn(ids);
    if (fresh) setFitRequest((n) => n + 1);
    else if (ids.size === 0 && drawn.size > 0) setEmptied((n) => n + 1);
  }
  // An emptied canvas (New) starts again at 100 %, where a design made from scratch is drawn crisp.
  useEffect(() => {
    if (emptied === 0) return;
    lastFit.current = null;
    void rf.setViewport({ x: 0, y: 0, zoom: 1 });
  }, [emptied, rf]);
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => fit(true));
    return () => cancelAnimationFrame(id);
  }, [fitRequest, fit]);
  useEffect(() => {
    if (!command) return;
    if (command.kind === 'fit') {
      fit(false, 250);
      return;
    }
    if (command.nodeId) setFocusing({ id: command.nodeId, seq: command.seq });
  }, [command, fit]);
  useEffect(() => {
    if (focusing === null) return;
    const node = nodes.find((n) => n.id === focusing.id);
    if (!node) return;
    setFocusing(null);
    const w = node.width ?? 0;
    const h = node.height ?? 0;
    const zoom = Math.max(rf.getZoom(), 0.75);
    void rf.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom, duration: 300 });
  }, [focusing, nodes, rf]);
}
