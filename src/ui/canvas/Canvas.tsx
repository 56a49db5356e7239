import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  getViewportForBounds,
  useReactFlow,
  useStoreApi,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { selectViewGraph, useDesign, useDesignStore } from '../../store/index';
import { useCanvasEditing } from '../editing/useCanvasEditing';
import { CardNode } from './CardNode';
import { CollapsedNode } from './CollapsedNode';
import { placeLabels } from './edge-geometry';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from './flow-elements';
import { Minimap } from './Minimap';
import { union } from './minimap-geometry';
import { NamespaceNode } from './NamespaceNode';
import { Overview } from './Overview';
import { BIG_DESIGN, useOverviewSuspended } from './overview-mode';
import { RouteEdge } from './RouteEdge';
import { SmallNode } from './SmallNode';
import { useFar } from './useFar';
import { useProgressive } from './useProgressive';

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

const nodeTypes: NodeTypes = { card: CardNode, small: SmallNode, namespace: NamespaceNode, collapsed: CollapsedNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };

/** The canvas: the only component (with its node and edge parts) that knows React Flow. */
export default function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}

function Flow() {
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

  // Nodes come from the store; between store updates React Flow applies drags and measurements
  // locally, and a drag is committed to the store when it ends.
  const base = useMemo(() => toFlowNodes(graph, positions, selection), [graph, positions, selection]);
  const [nodes, setNodes] = useState<FlowNode[]>(base);
  const [prevBase, setPrevBase] = useState(base);
  if (prevBase !== base) {
    setPrevBase(base);
    setNodes(base);
  }
  // Edges follow in a render of their own, after the nodes are drawn: a big design's thousands of
  // edges (and their labels' placement) are not one long task with its nodes.
  const later = useDeferredValue(useMemo(() => ({ graph, base, positions, selection }), [graph, base, positions, selection]));
  const labels = useMemo(() => placeLabels(later.graph, later.positions), [later.graph, later.positions]);
  const allEdges = useMemo(() => toFlowEdges(later.graph, new Set(later.base.map((n) => n.id)), later.selection, labels), [later, labels]);
  // A new design's edges come in a step a frame (see useProgressive); an edit's at once.
  const edges = useProgressive(allEdges);

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

  useViewCommands(base);
  // A big design zoomed far out is drawn on one canvas (see Overview.tsx); React Flow keeps the
  // view (pan, zoom) and gets its nodes back when zoomed in.
  const far = useFar();
  const suspended = useOverviewSuspended();
  const overview = far && base.length > BIG_DESIGN && !suspended;

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
      onlyRenderVisibleElements={nodes.length > BIG_DESIGN}
      proOptions={{ hideAttribution: false }}
      aria-label="Routing canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
      {overview && <Overview nodes={base} edges={allEdges} />}
      <Minimap nodes={base} />
      <Controls showInteractive={false} />
    </ReactFlow>
    </>
  );
}

/** Above this many nodes a new design opens on its top rows, readable, rather than all of it, tiny. */
const FIT_ALL_MAX = 250;

function initialFit(nodes: readonly FlowNode[]): { nodes: readonly FlowNode[]; minZoom?: number; maxZoom?: number } {
  // A small design is not blown up past 100 % (one new node would fill the canvas).
  if (nodes.length <= FIT_ALL_MAX) return { nodes, maxZoom: 1 };
  const top = [...nodes].filter((n) => n.type !== 'namespace').sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return { nodes: top.slice(0, 24), minZoom: 0.5 };
}

const FIT_PADDING = 0.08;

/**
 * Fits the view to `nodes` — computed from our nodes, not React Flow's: in the overview, React
 * Flow has none. `minZoom`/`maxZoom` narrow the canvas's own limits.
 */
function useFitTo() {
  const rf = useReactFlow<FlowNode>();
  const api = useStoreApi<FlowNode>();
  return useCallback(
    (nodes: readonly FlowNode[], options: { minZoom?: number; maxZoom?: number; duration?: number } = {}) => {
      const box = union(nodes.map((n) => ({ x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 })));
      if (!box) return;
      const { width, height, minZoom, maxZoom } = api.getState();
      const lo = Math.max(minZoom, options.minZoom ?? minZoom);
      const hi = Math.min(maxZoom, options.maxZoom ?? maxZoom);
      void rf.setViewport(getViewportForBounds(box, width, height, lo, Math.max(lo, hi), FIT_PADDING), options.duration ? { duration: options.duration } : undefined);
    },
    [rf, api],
  );
}

/**
 * Fit view when a new design appears (no node of the previous drawing remains: first load, a
 * paste that replaces everything) and when asked; centre a node when a problem focuses it.
 */
function useViewCommands(nodes: readonly FlowNode[]) {
  const rf = useReactFlow<FlowNode>();
  const fitTo = useFitTo();
  const command = useDesign((s) => s.viewCommand);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const [fitRequest, setFitRequest] = useState(0);
  const [emptied, setEmptied] = useState(0);
  const ids = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  // Objects placed by an edit (a palette drop on an empty canvas) stay where they were put.
  const edited = useDesign((s) => s.textCause === 'edit');
  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);
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
    if (emptied > 0) void rf.setViewport({ x: 0, y: 0, zoom: 1 });
  }, [emptied, rf]);
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => {
      const { nodes: shown, ...limits } = initialFit(nodesRef.current);
      fitTo(shown, limits);
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequest, fitTo]);
  useEffect(() => {
    if (!command) return;
    if (command.kind === 'fit') {
      fitTo(nodesRef.current, { duration: 250 });
      return;
    }
    if (command.nodeId) setFocusing({ id: command.nodeId, seq: command.seq });
  }, [command, fitTo]);
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
