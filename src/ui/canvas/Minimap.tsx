import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { useDesign } from '../../store/index';
import { cssTokens, FAMILY_TOKENS, useTokens } from './css-tokens';
import type { FlowNode } from './flow-elements';
import { boxOf, centredOn, fitFrame, toCanvas, union, viewRect, type MapFrame, type Rect } from './minimap-geometry';
import { useView } from './useView';

const WIDTH = 168;
const HEIGHT = 112;

interface Colours {
  readonly family: Readonly<Record<string, string>>;
  readonly group: string;
  readonly selected: string;
  readonly mask: string;
  readonly view: string;
}

/** The theme's colours, read from the CSS tokens (so light and dark follow the stylesheet). */
function readColours(el: Element): Colours {
  return {
    family: cssTokens(el, FAMILY_TOKENS),
    ...cssTokens(el, { group: '--rd-ns-border', selected: '--rd-accent', mask: '--rd-minimap-mask', view: '--rd-border-strong' }),
  };
}

/**
 * The minimap: every node as a small rectangle in its family's colour, the view as a window in a
 * mask; drag in it to move the view, wheel over it to zoom. Drawn on one canvas — a design of
 * thousands of nodes costs one element and a few milliseconds per redraw, where an SVG minimap
 * costs an element and a store subscription per node (and made every drag frame slower).
 */
export function Minimap({ nodes }: { nodes: readonly FlowNode[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rf = useReactFlow<FlowNode>();
  const api = useStoreApi<FlowNode>();
  const view = useView();
  // The theme changes the CSS tokens the colours are read from.
  const colours = useTokens(readColours, useDesign((s) => s.theme));
  const world = useMemo(() => boxOf(nodes), [nodes]);
  const visible = useMemo(() => viewRect(view.transform, view.width, view.height), [view]);
  // The world shown: every node and the view, so the window never leaves the map.
  const frame = useMemo<MapFrame>(() => fitFrame(union(world ? [world, visible] : [visible]) ?? visible, WIDTH, HEIGHT), [world, visible]);
  const frameRef = useRef(frame);
  frameRef.current = frame;

  // The nodes are drawn once into a layer (a few thousand a frame: a huge design's hundred
  // thousand are hundreds of milliseconds); moving the view only redraws the window over it.
  const layer = useMemo(() => ({ current: null as Layer | null }), []);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let id = 0;
    const paint = (): void => {
      const c = colours(canvas);
      let l = layer.current;
      if (!l || l.nodes !== nodes || l.frame !== frame || l.colours !== c) {
        l = newLayer(canvas, nodes, frame, c);
        layer.current = l;
      }
      const complete = drawLayer(l, performance.now() + LAYER_SLICE_MS);
      draw(ctx, canvas, l, frame, visible, c);
      if (!complete) id = requestAnimationFrame(paint);
    };
    id = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(id);
  }, [nodes, frame, visible, colours, layer]);

  // Pointer: the view follows the pointer (centred on it) while the button is down.
  const dragging = useRef(false);
  const centreAt = useCallback(
    (e: ReactPointerEvent<HTMLCanvasElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      const at = toCanvas(frameRef.current, e.clientX - box.left, e.clientY - box.top);
      const { transform, width, height } = api.getState();
      void rf.setViewport(centredOn(at, transform[2], width, height));
    },
    [rf, api],
  );
  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLCanvasElement>) => {
      dragging.current = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      centreAt(e);
    },
    [centreAt],
  );
  const onPointerMove = useCallback((e: ReactPointerEvent<HTMLCanvasElement>) => dragging.current && centreAt(e), [centreAt]);
  const onPointerUp = useCallback((e: ReactPointerEvent<HTMLCanvasElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);
  const onWheel = useCallback(
    (e: ReactWheelEvent<HTMLCanvasElement>) => {
      const { transform, width, height, minZoom, maxZoom } = api.getState();
      const zoom = Math.min(maxZoom, Math.max(minZoom, transform[2] * Math.pow(2, -e.deltaY / 500)));
      const centre = toCanvas({ scale: transform[2], x: -transform[0] / transform[2], y: -transform[1] / transform[2] }, width / 2, height / 2);
      void rf.setViewport(centredOn(centre, zoom, width, height));
    },
    [rf, api],
  );

  return (
    <Panel position="top-right" className="rd-minimap">
      <canvas
        ref={canvasRef}
        width={WIDTH * dpr()}
        height={HEIGHT * dpr()}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={`Minimap of ${nodes.length.toLocaleString('en')} nodes: drag to move the view, scroll to zoom`}
        data-testid="minimap"
        data-nodes={nodes.length}
        className="nodrag nopan nowheel"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onWheel={onWheel}
      />
    </Panel>
  );
}

const selections = new WeakMap<readonly FlowNode[], FlowNode | null>();

/** The selected node (not a namespace) of a list, found once per list. */
function selectedOf(nodes: readonly FlowNode[]): FlowNode | null {
  let found = selections.get(nodes);
  if (found === undefined) {
    found = nodes.find((n) => n.selected && n.type !== 'namespace') ?? null;
    selections.set(nodes, found);
  }
  return found;
}

const dpr = (): number => Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));

/** How long a frame may spend drawing nodes into the layer (ms). */
const LAYER_SLICE_MS = 6;

/** The nodes drawn so far (`next` of them) into an offscreen canvas, for one list, frame and theme. */
interface Layer {
  readonly nodes: readonly FlowNode[];
  readonly frame: MapFrame;
  readonly colours: Colours;
  readonly canvas: HTMLCanvasElement;
  next: number;
}

function newLayer(target: HTMLCanvasElement, nodes: readonly FlowNode[], frame: MapFrame, colours: Colours): Layer {
  const canvas = document.createElement('canvas');
  canvas.width = target.width;
  canvas.height = target.height;
  return { nodes, frame, colours, canvas, next: 0 };
}

/** Draws more of the layer's nodes until `until` (performance.now()); whether all are drawn. */
function drawLayer(layer: Layer, until: number): boolean {
  const { nodes, frame, colours } = layer;
  const ctx = layer.canvas.getContext('2d');
  if (!ctx) return true;
  const ratio = layer.canvas.width / WIDTH;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const sx = (x: number): number => (x - frame.x) * frame.scale;
  const sy = (y: number): number => (y - frame.y) * frame.scale;
  // Namespaces (outlines) and nodes in the list's order: groups come first in it.
  ctx.lineWidth = 1;
  ctx.strokeStyle = colours.group;
  while (layer.next < nodes.length) {
    const n = nodes[layer.next++] as FlowNode;
    if (n.type === 'namespace') ctx.strokeRect(sx(n.position.x), sy(n.position.y), (n.width ?? 0) * frame.scale, (n.height ?? 0) * frame.scale);
    else {
      ctx.fillStyle = colours.family[n.data.family] ?? colours.family.other ?? '#888';
      ctx.fillRect(sx(n.position.x), sy(n.position.y), Math.max(1, (n.width ?? 0) * frame.scale), Math.max(1, (n.height ?? 0) * frame.scale));
    }
    if (layer.next % 1024 === 0 && performance.now() >= until) return false;
  }
  return true;
}

function draw(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, layer: Layer, frame: MapFrame, visible: Rect, colours: Colours): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(layer.canvas, 0, 0);
  const ratio = canvas.width / WIDTH;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const sx = (x: number): number => (x - frame.x) * frame.scale;
  const sy = (y: number): number => (y - frame.y) * frame.scale;
  // The selected node on top.
  const selected = selectedOf(layer.nodes);
  if (selected) {
    ctx.strokeStyle = colours.selected;
    ctx.lineWidth = 2;
    ctx.strokeRect(sx(selected.position.x) - 1, sy(selected.position.y) - 1, (selected.width ?? 0) * frame.scale + 2, (selected.height ?? 0) * frame.scale + 2);
  }
  // The mask: everything but the view, dimmed.
  const vx = sx(visible.x);
  const vy = sy(visible.y);
  const vw = visible.width * frame.scale;
  const vh = visible.height * frame.scale;
  ctx.fillStyle = colours.mask;
  ctx.beginPath();
  ctx.rect(0, 0, WIDTH, HEIGHT);
  ctx.rect(vx, vy, vw, vh);
  ctx.fill('evenodd');
  ctx.strokeStyle = colours.view;
  ctx.lineWidth = 1;
  ctx.strokeRect(vx, vy, vw, vh);
}
