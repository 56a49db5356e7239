import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { RouteGraph } from '../../core/index';
import { selectViewGraph, useDesign, useDesignStore, type XY } from '../../store/index';
import { useCanvasEditing } from '../editing/useCanvasEditing';
import { CardNode } from './CardNode';
import { CollapsedNode } from './CollapsedNode';
import { edgeRoutesJob } from './edge-geometry';
import { flowEdgesJob, flowNodesJob, type FlowEdge, type FlowNode } from './flow-elements';
import { Minimap } from './Minimap';
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
import { useViewCommands } from './useViewCommands';
import { HUGE_DESIGN, inWindow, sameBox, windowOf, type Box } from './windowed';
import { GhostNode } from '../compare/GhostNode';
import { useGhosts } from '../compare/useGhosts';

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
  const routes = yield* edgeRoutesJob(drawn.graph, drawn.positions);
  const edges = yield* flowEdgesJob(drawn.graph, byId, drawn.selection, routes);
  return { edges, byId };
}

const selectWindow = (s: ReactFlowState): Box => windowOf(s.transform, s.width, s.height);
/** How many edges React Flow holds (said on the canvas, for the journeys that count the edges drawn: e2e/edges.spec.ts). */
const selectHeldEdges = (s: ReactFlowState): number => s.edges.length;
const selectHeldNodes = (s: ReactFlowState): number => s.nodes.length;

/** `next`, with the nodes being dragged in `local` kept as React Flow has them (the drag is not committed yet). */
function keepDragged(local: readonly FlowNode[], next: FlowNode[]): FlowNode[] {
  const dragging = new Map<string, FlowNode>();
  for (const n of local) if (n.dragging) dragging.set(n.id, n);
  return dragging.size === 0 ? next : next.map((n) => dragging.get(n.id) ?? n);
}

const nodeTypes: NodeTypes = { card: CardNode, small: SmallNode, namespace: NamespaceNode, collapsed: CollapsedNode, workload: WorkloadPill, ghost: GhostNode };
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
  // The compare view: what the before version had and the design lost, placed around its layout.
  const ghosts = useGhosts(graph, base, huge);
  const withGhosts = useMemo(() => (ghosts.nodes.length === 0 ? base : [...base, ...ghosts.nodes]), [base, ghosts.nodes]);

  useViewCommands(withGhosts, panes);
  // A big design zoomed far out is drawn on one canvas (see Overview.tsx); React Flow keeps the
  // view (pan, zoom) and gets its nodes back when zoomed in.
  const far = useFar();
  const suspended = useOverviewSuspended();
  const overview = far && base.length > BIG_DESIGN && !suspended;
  const box = useStore(selectWindow, sameBox);
  const heldEdges = useStore(selectHeldEdges);
  const heldNodes = useStore(selectHeldNodes);
  const shown = useMemo(() => {
    if (!huge) return { nodes: withGhosts, edges: ghosts.edges.length === 0 ? allEdges : [...allEdges, ...ghosts.edges] };
    return overview ? { nodes: NO_NODES, edges: NO_EDGES } : inWindow(base, allEdges, built.value.byId, box);
  }, [huge, overview, base, withGhosts, allEdges, ghosts.edges, built.value.byId, box]);

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
  // A ghost (the compare view's removed object) is not part of the design: nothing to select.
  const handleNodeClick = useCallback((_event: unknown, node: FlowNode) => node.type !== 'ghost' && store.getState().select(node.id, { reveal: true }), [store]);
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
      // The edges React Flow holds, and all the design's (the overview draws them while React Flow holds none).
      data-edges={heldEdges}
      data-nodes={heldNodes}
      data-edges-all={allEdges.length}
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
