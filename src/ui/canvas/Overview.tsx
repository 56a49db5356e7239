import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { GraphNode } from '../../core/index';
import { selectDecisionPath, selectEdgeLit, selectNodeLit, selectViewGraph, useDesign, useDesignStore, type DesignState, type XY } from '../../store/index';
import { cssTokens, FAMILY_TOKENS, useTokens } from './css-tokens';
import type { FlowEdge, FlowNode } from './flow-elements';
import { around, edgePath, edgeStyle, indexOf, nodeAt, nodeStyle, type EdgeStyle, type NodeStyle, type Tone } from './overview-scene';
import { useView, type View } from './useView';

/**
 * The overview: a big design zoomed far out, drawn on one canvas instead of a DOM element per
 * node and an SVG path per edge. Thousands of nodes then pan, zoom and drag at full frame rate
 * (a DOM node costs style, layout, paint and a store subscription on every frame of a drag).
 * Nodes are boxes in their family's colour with their severity, selection and simulator marks;
 * edges keep their kind's line style; namespaces are labelled. A node is selected by a click and
 * moved by a drag, like a DOM node; panning and zooming stay React Flow's (events on empty canvas
 * pass through).
 */
export function Overview({ nodes, edges }: { nodes: readonly FlowNode[]; edges: readonly FlowEdge[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useDesignStore();
  const flow = useStoreApi<FlowNode>();
  const view = useView();
  const graph = useDesign(selectViewGraph);
  const path = useDesign(selectDecisionPath);
  const colours = useTokens(readColours, useDesign((s) => s.theme));
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const painter = useMemo(() => new Painter(), []);

  // Redraw when anything drawn changes (at most once a frame); `path` (the simulator's answer) is
  // read from the store at draw time.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Colours are read when drawing (a frame later): a theme switch has reached the page's CSS by then.
    painter.set({ canvas, nodes, edges, byId, view, state: store.getState(), colours: () => colours(canvas) });
    return painter.schedule();
  }, [painter, nodes, edges, byId, view, path, colours, store]);

  // Pointer: a press on a node selects it (click) or moves it (drag); elsewhere React Flow pans.
  useEffect(() => {
    const canvas = canvasRef.current;
    const pane = canvas?.parentElement;
    if (!canvas || !pane) return;
    return attachPointer(pane, canvas, painter, {
      toCanvas: (clientX, clientY) => {
        const box = pane.getBoundingClientRect();
        const [tx, ty, zoom] = flow.getState().transform;
        return { x: (clientX - box.left - tx) / zoom, y: (clientY - box.top - ty) / zoom };
      },
      zoom: () => flow.getState().transform[2],
      select: (id) => store.getState().select(id, { reveal: true }),
      move: (id, position) => store.getState().moveNode(id, position),
    });
  }, [painter, flow, store]);

  return <canvas ref={canvasRef} className="rd-canvas-overview" data-testid="overview" role="img" aria-label={`Overview of ${graph.nodes.length.toLocaleString('en')} objects; zoom in to read and edit them`} />;
}



interface Colours {
  readonly tone: Readonly<Record<Tone, string>>;
  readonly border: Readonly<Record<NodeStyle['border'], string>>;
  readonly family: Readonly<Record<string, string>>;
  readonly surface: string;
  readonly nsBg: string;
  readonly nsBorder: string;
  readonly nsText: string;
  readonly font: string;
}

function readColours(el: Element): Colours {
  const t = cssTokens(el, { surface: '--rd-surface', nsBg: '--rd-ns-bg', nsBorder: '--rd-ns-border', nsText: '--rd-muted', font: '--rd-font' });
  return {
    tone: cssTokens(el, {
      attach: '--rd-edge-attach',
      backend: '--rd-edge-backend',
      ref: '--rd-edge-ref',
      mirror: '--rd-istio',
      broken: '--rd-error',
      detached: '--rd-warning',
      active: '--rd-accent',
      lit: '--rd-sim',
    }),
    border: cssTokens(el, { plain: '--rd-border-strong', warning: '--rd-warning', error: '--rd-error', selected: '--rd-accent', lit: '--rd-sim' }),
    family: cssTokens(el, FAMILY_TOKENS),
    ...t,
    font: `600 11px ${t.font}`,
  };
}

interface Scene {
  readonly canvas: HTMLCanvasElement;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly byId: ReadonlyMap<string, GraphNode>;
  readonly view: View;
  readonly state: DesignState;
  readonly colours: () => Colours;
}

interface Moving {
  readonly id: string;
  readonly position: XY;
}

/**
 * Draws the scene. While a node is dragged, everything else is drawn once into a second canvas
 * and each frame copies it and draws the moving node and its edges on top.
 */
class Painter {
  private scene: Scene | null = null;
  private moving: Moving | null = null;
  private still: HTMLCanvasElement | null = null;
  private frame = 0;
  private readonly paths = new WeakMap<FlowEdge, { readonly key: string; readonly path: Path2D; readonly box: { x0: number; y0: number; x1: number; y1: number } }>();

  set(scene: Scene): void {
    this.scene = scene;
    this.still = null;
    // A drop moves the node in the store: once the nodes show it there, it is no longer moving.
    if (this.moving && scene.nodes.some((n) => n.id === this.moving?.id && n.position.x === this.moving.position.x && n.position.y === this.moving.position.y)) this.moving = null;
  }

  nodes(): readonly FlowNode[] {
    return this.scene?.nodes ?? [];
  }

  movingNode(): Moving | null {
    return this.moving;
  }

  /** Draw on the next frame; returns the cancel. */
  schedule(): () => void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint();
      });
    }
    return () => {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  move(moving: Moving | null): void {
    if (moving && !this.moving) this.still = null;
    this.moving = moving;
    this.schedule();
  }

  private paint(): void {
    const scene = this.scene;
    if (!scene) return;
    const { canvas, view } = scene;
    const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
    const w = Math.max(1, Math.round(view.width * ratio));
    const h = Math.max(1, Math.round(view.height * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${view.width}px`;
      canvas.style.height = `${view.height}px`;
      this.still = null;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const moving = this.moving;
    if (!moving) {
      canvas.dataset.drawn = String(this.draw(ctx, scene, ratio, null, 'all'));
      return;
    }
    if (!this.still) {
      this.still = document.createElement('canvas');
      this.still.width = w;
      this.still.height = h;
      const sctx = this.still.getContext('2d');
      if (sctx) this.draw(sctx, scene, ratio, moving, 'still');
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(this.still, 0, 0);
    this.draw(ctx, scene, ratio, moving, 'moving', false);
  }

  /** Draws all, or all but the moving node and its edges (`still`), or only those (`moving`). Returns the nodes drawn. */
  private draw(ctx: CanvasRenderingContext2D, scene: Scene, ratio: number, moving: Moving | null, part: 'all' | 'still' | 'moving', clear = true): number {
    const { view, state } = scene;
    const colours = scene.colours();
    const [tx, ty, zoom] = view.transform;
    if (clear) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    }
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
    const x0 = -tx / zoom;
    const y0 = -ty / zoom;
    const x1 = x0 + view.width / zoom;
    const y1 = y0 + view.height / zoom;
    const inView = (bx0: number, by0: number, bx1: number, by1: number): boolean => bx1 >= x0 && bx0 <= x1 && by1 >= y0 && by0 <= y1;
    const px = 1 / zoom;
    const index = indexOf(scene.nodes);
    const positionOf = (n: FlowNode): XY => (moving && n.id === moving.id ? moving.position : n.position);
    const touches = (e: FlowEdge): boolean => moving !== null && (e.source === moving.id || e.target === moving.id);

    // Namespaces (their labels last, on top, at screen size).
    const labels: { x: number; y: number; width: number; text: string }[] = [];
    if (part !== 'moving') {
      ctx.lineWidth = px;
      for (const n of scene.nodes) {
        if (n.type !== 'namespace') continue;
        const w = n.width ?? 0;
        const h = n.height ?? 0;
        if (!inView(n.position.x, n.position.y, n.position.x + w, n.position.y + h)) continue;
        ctx.fillStyle = colours.nsBg;
        ctx.fillRect(n.position.x, n.position.y, w, h);
        ctx.strokeStyle = colours.nsBorder;
        ctx.strokeRect(n.position.x, n.position.y, w, h);
        if (w * zoom > 40) labels.push({ x: n.position.x, y: n.position.y, width: w, text: n.id.replace(/^ns:/, '') });
      }
    }

    // Edges, with as few style changes as possible.
    let last = '';
    for (const e of scene.edges) {
      if ((part === 'moving') !== touches(e)) continue;
      const data = e.data;
      if (!data) continue;
      const source = index.get(e.source);
      const target = index.get(e.target);
      if (!source || !target) continue;
      const ps = positionOf(source);
      const pt = positionOf(target);
      // Out of view by its ends' boxes: its path is not even made (a first frame of a huge design
      // would make tens of thousands).
      if (!inView(...around(ps, source, pt, target))) continue;
      const key = `${ps.x},${ps.y},${pt.x},${pt.y}`;
      let cached = this.paths.get(e);
      if (!cached || cached.key !== key) {
        const p = edgePath(e, source, target, positionOf);
        if (!p) continue;
        cached = { key, path: new Path2D(p.d), box: p.box };
        if (!touches(e)) this.paths.set(e, cached);
      }
      if (!inView(cached.box.x0, cached.box.y0, cached.box.x1, cached.box.y1)) continue;
      const style = edgeStyle(data.edge, data.active, selectEdgeLit(state, e.id));
      const styleKey = `${style.tone}|${style.width}|${style.dash.join(',')}|${style.alpha}`;
      if (styleKey !== last) {
        applyEdgeStyle(ctx, style, colours, px);
        last = styleKey;
      }
      ctx.stroke(cached.path);
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;

    // Nodes: a box with its family's stripe, bordered by severity, selection or the simulator's path;
    // the selected one on top (as React Flow raises it).
    let drawn = 0;
    for (const n of onTop(scene.nodes)) {
      if (n.type === 'namespace') continue;
      const isMoving = moving?.id === n.id;
      if ((part === 'moving') !== isMoving && part !== 'all') continue;
      const at = positionOf(n);
      const w = n.width ?? 0;
      const h = n.height ?? 0;
      if (!inView(at.x, at.y, at.x + w, at.y + h)) continue;
      const g = scene.byId.get(n.id);
      if (!g) continue;
      drawn++;
      const style = nodeStyle(g, n.selected === true, selectNodeLit(state, n.id));
      ctx.globalAlpha = style.alpha;
      ctx.fillStyle = colours.surface;
      ctx.fillRect(at.x, at.y, w, h);
      ctx.fillStyle = colours.family[n.data.family] ?? colours.family.other ?? '#888';
      ctx.fillRect(at.x, at.y, Math.max(3, 3 * px), h);
      const strong = style.border !== 'plain';
      ctx.lineWidth = (strong ? 2 : 1) * px;
      ctx.strokeStyle = colours.border[style.border];
      ctx.strokeRect(at.x, at.y, w, h);
    }
    ctx.globalAlpha = 1;

    if (labels.length > 0) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = colours.font;
      ctx.fillStyle = colours.nsText;
      ctx.textBaseline = 'top';
      // A namespace too narrow on screen for its name goes unlabelled (names must not run together).
      for (const l of labels) if (ctx.measureText(l.text).width + 12 <= l.width * zoom) ctx.fillText(l.text, Math.max(4, l.x * zoom + tx + 6), Math.max(4, l.y * zoom + ty + 6));
    }
    return drawn;
  }
}

/** The nodes in drawing order: the selected one last. */
function onTop(nodes: readonly FlowNode[]): readonly FlowNode[] {
  const i = nodes.findIndex((n) => n.selected);
  if (i < 0) return nodes;
  const selected = nodes[i] as FlowNode;
  return [...nodes.slice(0, i), ...nodes.slice(i + 1), selected];
}

function applyEdgeStyle(ctx: CanvasRenderingContext2D, style: EdgeStyle, colours: Colours, px: number): void {
  ctx.strokeStyle = colours.tone[style.tone];
  ctx.lineWidth = style.width * px;
  ctx.setLineDash(style.dash.map((d) => d * px));
  ctx.globalAlpha = style.alpha;
}

interface PointerActions {
  toCanvas(clientX: number, clientY: number): XY;
  zoom(): number;
  select(id: string): void;
  move(id: string, position: XY): void;
}

/** A press this far (screen pixels) from where it started is a drag, not a click. */
const DRAG_THRESHOLD = 3;

/**
 * Listens on the canvas pane (capturing, so React Flow's panning never sees a press on a node).
 * Hovering a node shows the grab cursor and names it in `data-hover`.
 */
function attachPointer(pane: HTMLElement, canvas: HTMLCanvasElement, painter: Painter, act: PointerActions): () => void {
  let press: { id: string; pointerId: number; x: number; y: number; origin: XY; dragging: boolean } | null = null;
  let swallowClick = false;

  const hit = (e: PointerEvent | MouseEvent): string | null => nodeAt(onTop(painter.nodes()), act.toCanvas(e.clientX, e.clientY), painter.movingNode() ?? undefined);
  const down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const id = hit(e);
    if (!id) return;
    const node = painter.nodes().find((n) => n.id === id);
    if (!node) return;
    e.stopPropagation();
    e.preventDefault();
    press = { id, pointerId: e.pointerId, x: e.clientX, y: e.clientY, origin: painter.movingNode()?.id === id ? (painter.movingNode()?.position ?? node.position) : node.position, dragging: false };
    pane.setPointerCapture(e.pointerId);
  };
  // d3-zoom pans on mousedown: a press on a node must not reach it.
  const mouseDown = (e: MouseEvent): void => {
    if (press) e.stopPropagation();
  };
  const move = (e: PointerEvent): void => {
    if (!press) {
      const id = hit(e);
      pane.style.cursor = id ? 'grab' : '';
      if ((canvas.dataset.hover ?? '') !== (id ?? '')) canvas.dataset.hover = id ?? '';
      return;
    }
    if (e.pointerId !== press.pointerId) return;
    e.stopPropagation();
    const dx = e.clientX - press.x;
    const dy = e.clientY - press.y;
    if (!press.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    press.dragging = true;
    pane.style.cursor = 'grabbing';
    const zoom = act.zoom();
    painter.move({ id: press.id, position: { x: press.origin.x + dx / zoom, y: press.origin.y + dy / zoom } });
  };
  const up = (e: PointerEvent): void => {
    if (!press || e.pointerId !== press.pointerId) return;
    e.stopPropagation();
    const { id, dragging } = press;
    press = null;
    swallowClick = true;
    if (pane.hasPointerCapture(e.pointerId)) pane.releasePointerCapture(e.pointerId);
    pane.style.cursor = 'grab';
    // A dragged node is also selected (as React Flow does), and so stays on top where it was put.
    const moved = painter.movingNode();
    if (dragging && moved) act.move(id, moved.position);
    act.select(id);
  };
  // The click that ends a press on a node is not a click on the empty pane (which deselects).
  const click = (e: MouseEvent): void => {
    if (!swallowClick) return;
    swallowClick = false;
    e.stopPropagation();
  };
  const cancel = (): void => {
    press = null;
    painter.move(null);
  };
  // Capturing on the pane: React Flow's own listeners (below it) never see a press on a node.
  const controller = new AbortController();
  const opts = { capture: true, signal: controller.signal };
  pane.addEventListener('pointerdown', down, opts);
  pane.addEventListener('mousedown', mouseDown, opts);
  pane.addEventListener('pointermove', move, opts);
  pane.addEventListener('pointerup', up, opts);
  pane.addEventListener('pointercancel', cancel, opts);
  pane.addEventListener('click', click, opts);
  return () => {
    controller.abort();
    pane.style.cursor = '';
  };
}
