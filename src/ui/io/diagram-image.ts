import type { DesignState, DesignStore } from '../../store/index';
import { selectViewGraph } from '../../store/index';
import { GROUP_PADDING, nodeSize } from '../canvas/metrics';
import { cssTokens, FAMILY_TOKENS } from '../canvas/css-tokens';
import { BIG_DESIGN, withDomNodes } from '../canvas/overview-mode';
import { canvasSvg, drawnNodeIds } from './diagram-dom';
import { svgToPng } from './diagram-png';
import { diagramSvg, type DiagramColours } from './diagram-svg';

export type ImageFormat = 'png' | 'svg';

const MARGIN = 32;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The diagram as a PNG or SVG file: the SVG of plain shapes (no foreignObject), the PNG that SVG
 * drawn at 2×. A design whose nodes are all on the canvas's DOM in full (up to BIG_DESIGN, not
 * zoomed so far out that cards show their name only) is copied from it as drawn — edges with
 * their stroke and labels, cards, namespaces, in the theme's colours — without the simulator's
 * path (hidden meanwhile) and without controls (handles, collapse toggles; the minimap and zoom
 * buttons are outside the drawing). Any other is drawn whole from the graph (diagram-svg.ts).
 */
export async function renderDiagram(store: DesignStore, format: ImageFormat): Promise<Blob> {
  const s = store.getState();
  const drawn = Object.keys(s.positions).length <= BIG_DESIGN ? await withDomNodes(() => withoutSimulation(store, () => fromCanvas(s))) : null;
  const { svg, box } = drawn ?? fromGraph(s);
  if (format === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
  return svgToPng(svg, box.width, box.height);
}

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Runs `task` with the simulator's answer hidden from the canvas (and its transitions over), then shows it again. */
async function withoutSimulation<T>(store: DesignStore, task: () => Promise<T>): Promise<T> {
  const shown = store.getState().simulator.active;
  if (shown) store.setState({ simulator: { ...store.getState().simulator, active: false } });
  try {
    await settle();
    return await task();
  } finally {
    const now = store.getState().simulator;
    if (shown && !now.active) store.setState({ simulator: { ...now, active: true } });
  }
}

const flowElement = (): Element | null => document.querySelector('.rd-canvas-pane .react-flow');

/** Waits until the canvas has drawn what the store holds (its `data-layout`) and its CSS transitions are over. */
async function settle(): Promise<void> {
  await frame();
  await frame();
  for (let i = 0; i < 120 && flowElement()?.getAttribute('data-layout') === 'working'; i++) await frame();
  const flow = flowElement();
  if (!flow) return;
  const transitions = flow.getAnimations({ subtree: true }).filter((a) => a instanceof CSSTransition);
  await Promise.race([Promise.all(transitions.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 1000))]);
}

/** The canvas as drawn, or null when its DOM does not hold every node in full. */
async function fromCanvas(s: DesignState): Promise<{ svg: string; box: Box } | null> {
  const flow = flowElement();
  if (!flow) return null;
  const { ids, simplified } = drawnNodeIds(flow);
  if (simplified || selectViewGraph(s).nodes.some((n) => !ids.has(n.id))) return null;
  return canvasSvg(flow);
}

/** The whole drawing's extent in flow coordinates (nodes, and their namespace groups' padding). */
export function diagramBounds(s: DesignState): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of selectViewGraph(s).nodes) {
    const p = s.positions[n.id];
    if (!p) continue;
    const size = nodeSize(n);
    const pad = n.group ? GROUP_PADDING : { top: 0, left: 0, right: 0, bottom: 0 };
    x0 = Math.min(x0, p.x - pad.left);
    y0 = Math.min(y0, p.y - pad.top);
    x1 = Math.max(x1, p.x + size.width + pad.right);
    y1 = Math.max(y1, p.y + size.height + pad.bottom);
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0 - MARGIN, y: y0 - MARGIN, width: x1 - x0 + 2 * MARGIN, height: y1 - y0 + 2 * MARGIN };
}

function diagramColours(el: Element): DiagramColours {
  const t = cssTokens(el, { canvas: '--rd-canvas', surface: '--rd-surface', text: '--rd-text', muted: '--rd-muted', line: '--rd-border', nsBg: '--rd-ns-bg', nsBorder: '--rd-ns-border', font: '--rd-font', mono: '--rd-mono' });
  return {
    ...t,
    family: cssTokens(el, FAMILY_TOKENS),
    tone: cssTokens(el, { attach: '--rd-edge-attach', backend: '--rd-edge-backend', ref: '--rd-edge-ref', mirror: '--rd-istio', broken: '--rd-error', detached: '--rd-warning', active: '--rd-accent', lit: '--rd-sim' }),
    border: cssTokens(el, { plain: '--rd-border-strong', warning: '--rd-warning', error: '--rd-error', selected: '--rd-accent', lit: '--rd-sim' }),
  };
}

/** A design bigger than the DOM holds: drawn whole from the graph and the layout. */
function fromGraph(s: DesignState): { svg: string; box: Box } {
  const box = diagramBounds(s);
  if (!box) throw new Error('there is no diagram to export');
  return { svg: diagramSvg(selectViewGraph(s), s.positions, box, diagramColours(document.documentElement)), box };
}
