import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type EdgeTypes,
  type FitViewOptions,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { selectGraph, useDesign, useDesignStore } from '../../store/index';
import { useCanvasEditing } from '../editing/useCanvasEditing';
import { CardNode } from './CardNode';
import { placeLabels } from './edge-geometry';
import { toFlowEdges, toFlowNodes, type FlowNode } from './flow-elements';
import { NamespaceNode } from './NamespaceNode';
import { RouteEdge } from './RouteEdge';
import { SmallNode } from './SmallNode';

const nodeTypes: NodeTypes = { card: CardNode, small: SmallNode, namespace: NamespaceNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };

const MINIMAP_COLOR: Readonly<Record<string, string>> = {
  'gateway-api': '#3b82f6',
  istio: '#0d9488',
  core: '#64748b',
  other: '#a1a1aa',
  group: 'rgba(148, 163, 184, 0.15)',
};

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
  const graph = useDesign(selectGraph);
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
  const labels = useMemo(() => placeLabels(graph, positions), [graph, positions]);
  const edges = useMemo(() => toFlowEdges(graph, new Set(base.map((n) => n.id)), selection, labels), [graph, base, selection, labels]);

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

  return (
    <>
    {layingOut && (
      <div className="rd-canvas-status" role="status" data-testid="laying-out">
        <span className="rd-spinner" /> Laying out {graph.nodes.length.toLocaleString('en')} nodes…
      </div>
    )}
    <ReactFlow<FlowNode>
      nodes={nodes}
      edges={edges}
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
      onlyRenderVisibleElements={nodes.length > 300}
      proOptions={{ hideAttribution: false }}
      aria-label="Routing canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
      <MiniMap position="top-right" pannable zoomable nodeColor={(n) => MINIMAP_COLOR[String(n.data.family)] ?? '#94a3b8'} nodeStrokeWidth={0} ariaLabel="Minimap" style={{ width: 168, height: 112 }} />
      <Controls showInteractive={false} />
    </ReactFlow>
    </>
  );
}

/** Above this many nodes a new design opens on its top rows, readable, rather than all of it, tiny. */
const FIT_ALL_MAX = 250;

function initialFit(nodes: readonly FlowNode[]): FitViewOptions<FlowNode> {
  // A small design is not blown up past 100 % (one new node would fill the canvas).
  if (nodes.length <= FIT_ALL_MAX) return { padding: 0.08, maxZoom: 1 };
  const top = [...nodes].filter((n) => n.type !== 'namespace').sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return { padding: 0.08, nodes: top.slice(0, 24).map((n) => ({ id: n.id })), minZoom: 0.5 };
}

/**
 * Fit view when a new design appears (no node of the previous drawing remains: first load, a
 * paste that replaces everything) and when asked; centre a node when a problem focuses it.
 */
function useViewCommands(nodes: readonly FlowNode[]) {
  const rf = useReactFlow<FlowNode>();
  const command = useDesign((s) => s.viewCommand);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const [fitRequest, setFitRequest] = useState(0);
  const [emptied, setEmptied] = useState(0);
  const ids = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  // Objects placed by an edit (a palette drop on an empty canvas) stay where they were put.
  const edited = useDesign((s) => s.textCause === 'edit');
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
    const id = requestAnimationFrame(() => void rf.fitView(initialFit(rf.getNodes())));
    return () => cancelAnimationFrame(id);
  }, [fitRequest, rf]);
  useEffect(() => {
    if (!command) return;
    if (command.kind === 'fit') {
      void rf.fitView({ padding: 0.08, duration: 250 });
      return;
    }
    const node = command.nodeId ? rf.getNode(command.nodeId) : undefined;
    if (!node) return;
    const w = node.width ?? 0;
    const h = node.height ?? 0;
    const zoom = Math.max(rf.getZoom(), 0.75);
    void rf.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom, duration: 300 });
  }, [command, rf]);
}
