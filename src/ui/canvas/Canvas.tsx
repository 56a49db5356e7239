import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useStoreApi,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { RouteGraph } from '../../core/index';
import { selectViewGraph, useDesign, useDesignStore, type XY } from '../../store/index';
import { useCanvasEditing } from '../editing/useCanvasEditing';
import { CardNode } from './CardNode';
import { CollapsedNode } from './CollapsedNode';
import { placeLabelsJob } from './edge-geometry';
import { fitAvoiding, sameViewport, type Viewport } from './fit-geometry';
import { flowEdgesJob, flowNodesJob, type FlowEdge, type FlowNode } from './flow-elements';
import { Minimap } from './Minimap';
import { boxOf, type Rect } from './minimap-geometry';
import { NamespaceNode } from './NamespaceNode';
import { Overview } from './Overview';
import { BIG_DESIGN, useOverviewSuspended } from './overview-mode';
import { RouteEdge } from './RouteEdge';
import { SmallNode } from './SmallNode';
import { WorkloadPill } from './WorkloadPill';
import { CanvasViewBar } from './CanvasViewBar';
import { useFar } from './useFar';
import { useProgressive } from './useProgressive';
import { useSliced, type Job } from './slices';
import { HUGE_DESIGN, inWindow, sameBox, windowOf, type Box } from './windowed';

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

/** The React Flow nodes made of one graph, positions and selection (kept together: edges are built from the same). */
interface Drawn {
  readonly graph: RouteGraph | null;
  readonly positions: Readonly<Record<string, XY>>;
  readonly selection: string | null;
  readonly nodes: FlowNode[];
}
const NO_DRAWN: Drawn = { graph: null, positions: {}, selection: null, nodes: NO_NODES };

function* drawnJob(graph: RouteGraph, positions: Readonly<Record<string, XY>>, selection: string | null): Job<Drawn> {
  const nodes = yield* flowNodesJob(graph, positions, selection);
  return { graph, positions, selection, nodes };
}

/** The edges between drawn nodes, and the drawn nodes by id. */
interface Built {
  readonly edges: FlowEdge[];
  readonly byId: ReadonlyMap<string, FlowNode>;
}
const NO_BUILT: Built = { edges: NO_EDGES, byId: new Map() };

function* builtJob(drawn: Drawn): Job<Built> {
  if (!drawn.graph) return NO_BUILT;
  const byId = new Map<string, FlowNode>();
  let i = 0;
  for (const n of drawn.nodes) {
    byId.set(n.id, n);
    if (++i % 2048 === 0) yield;
  }
  const labels = yield* placeLabelsJob(drawn.graph, drawn.positions);
  const edges = yield* flowEdgesJob(drawn.graph, byId, drawn.selection, labels);
  return { edges, byId };
}

const selectWindow = (s: ReactFlowState): Box => windowOf(s.transform, s.width, s.height);

/** `next`, with the nodes being dragged in `local` kept as React Flow has them (the drag is not committed yet). */
function keepDragged(local: readonly FlowNode[], next: FlowNode[]): FlowNode[] {
  const dragging = new Map<string, FlowNode>();
  for (const n of local) if (n.dragging) dragging.set(n.id, n);
  return dragging.size === 0 ? next : next.map((n) => dragging.get(n.id) ?? n);
}

const nodeTypes: NodeTypes = { card: CardNode, small: SmallNode, namespace: NamespaceNode, collapsed: CollapsedNode, workload: WorkloadPill };
const edgeTypes: EdgeTypes = { route: RouteEdge };

/**
 * The canvas: the only component (with its node and edge parts) that knows React Flow. `panes`
 * names which panes around it are open: when it changes, the canvas's width does, and the view
 * is fitted again.
 */
export default function Canvas({ panes = '' }: { panes?: string }) {
  return (
    <ReactFlowProvider>
      <Flow panes={panes} />
    </ReactFlowProvider>
  );
}

function Flow({ panes }: { panes: string }) {
  const store = useDesignStore();
  // Collapsed namespaces are one node each (the store's view graph).
  const graph = useDesign(selectViewGraph);
  const positions = useDesign((s) => s.positions);
  const selection = useDesign((s) => s.selection);
  const theme = useDesign((s) => s.theme);
  const layingOut = useDesign((s) => s.layingOut);
  // Review mode: nodes still move and select; nothing is deleted or connected.
  const readOnly = useDesign((s) => s.readOnly);
  // Editing gestures: drop a palette kind, drag from a handle to connect (the editing layer decides what it means).
  const { screenToFlowPosition } = useReactFlow<FlowNode>();
  const canvasEditing = useCanvasEditing(screenToFlowPosition);

  const analyzing = useDesign((s) => s.analyzing);
  const objects = useDesign((s) => s.shown?.resources.length ?? 0);
  // A huge design (a pasted manifest of a hundred thousand objects) is built in slices of a few
  // milliseconds a task, and React Flow holds only the part of it near the view.
  const huge = graph.nodes.length > HUGE_DESIGN;

  // Nodes come from the store; between store updates React Flow applies drags and measurements
  // locally, and a drag is committed to the store when it ends.
  const makeDrawn = useCallback(() => drawnJob(graph, positions, selection), [graph, positions, selection]);
  const drawn = useSliced(makeDrawn, !huge, NO_DRAWN);
  const base = drawn.value.nodes;
  // Edges follow in a render of their own, after the nodes are drawn: a big design's thousands of
  // edges (and their labels' placement) are not one long task with its nodes.
  const later = useDeferredValue(drawn.value);
  const makeBuilt = useCallback(() => builtJob(later), [later]);
  const built = useSliced(makeBuilt, !huge, NO_BUILT);
  const allEdges = built.value.edges;

  useViewCommands(base, panes);
  // A big design zoomed far out is drawn on one canvas (see Overview.tsx); React Flow keeps the
  // view (pan, zoom) and gets its nodes back when zoomed in.
  const far = useFar();
  const suspended = useOverviewSuspended();
  const overview = far && base.length > BIG_DESIGN && !suspended;
  const box = useStore(selectWindow, sameBox);
  const shown = useMemo(() => {
    if (!huge) return { nodes: base, edges: allEdges };
    return overview ? { nodes: NO_NODES, edges: NO_EDGES } : inWindow(base, allEdges, built.value.byId, box);
  }, [huge, overview, base, allEdges, built.value.byId, box]);

  const [nodes, setNodes] = useState<FlowNode[]>(shown.nodes);
  const [prevShown, setPrevShown] = useState(shown.nodes);
  if (prevShown !== shown.nodes) {
    setPrevShown(shown.nodes);
    setNodes(keepDragged(nodes, shown.nodes));
  }
  // A new design's edges come in a step a frame (see useProgressive); an edit's at once.
  const edges = useProgressive(shown.edges);
  // Laid out and drawn: the hook benchmarks and tests wait for (DESIGN.md).
  const settled = !layingOut && !analyzing && !drawn.pending && !built.pending && later === drawn.value && drawn.value.graph === graph && edges === shown.edges;

  const handleNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes, ns));
  }, []);
  const handleNodeDragStop = useCallback(
    (_event: unknown, _node: FlowNode, dragged: FlowNode[]) => {
      for (const n of dragged) store.getState().moveNode(n.id, n.position);
    },
    [store],
  );
  const handleNodeClick = useCallback((_event: unknown, node: FlowNode) => store.getState().select(node.id, { reveal: true }), [store]);
  const handlePaneClick = useCallback(() => store.getState().select(null), [store]);
  // Keyboard selection (Tab to a node, Enter) arrives as a selection change, not a click.
  const handleSelectionChange = useCallback(
    ({ nodes: selected }: { nodes: FlowNode[] }) => {
      const id = selected.length === 1 ? (selected[0]?.id ?? null) : null;
      if (id !== null && id !== store.getState().selection) store.getState().select(id, { reveal: true });
    },
    [store],
  );

  return (
    <>
    {layingOut && (
      <div className="rd-canvas-status" role="status" data-testid="laying-out">
        <span className="rd-spinner" /> Laying out {graph.nodes.length.toLocaleString('en')} nodes…
      </div>
    )}
    <ReactFlow<FlowNode>
      nodes={overview ? NO_NODES : nodes}
      edges={overview ? NO_EDGES : edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={handleNodesChange}
      onNodeDragStop={handleNodeDragStop}
      onNodeClick={handleNodeClick}
      onPaneClick={handlePaneClick}
      onSelectionChange={handleSelectionChange}
      colorMode={theme}
      nodesConnectable={!readOnly}
      // Delete goes through the editing layer (it asks how, and is undoable): see editing/useShortcuts.
      deleteKeyCode={null}
      onDragOver={canvasEditing.onDragOver}
      onDrop={canvasEditing.onDrop}
      onConnectStart={canvasEditing.onConnectStart}
      onConnectEnd={canvasEditing.onConnectEnd}
      elementsSelectable
      minZoom={0.08}
      maxZoom={2}
      onlyRenderVisibleElements={base.length > BIG_DESIGN}
      proOptions={{ hideAttribution: false }}
      aria-label="Routing canvas"
      data-layout={settled ? 'settled' : 'working'}
      data-objects={objects}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
      {overview && <Overview nodes={base} edges={allEdges} />}
      <Minimap nodes={base} />
      <Controls showInteractive={false} />
      <CanvasViewBar />
    </ReactFlow>
    </>
  );
}

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
function useViewCommands(nodes: readonly FlowNode[], panes: string) {
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
