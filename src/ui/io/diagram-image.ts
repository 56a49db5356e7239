import type { DesignState } from '../../store/index';
import { selectViewGraph } from '../../store/index';
import { GROUP_PADDING, nodeSize } from '../canvas/metrics';
import { cssTokens, FAMILY_TOKENS } from '../canvas/css-tokens';
import { BIG_DESIGN, withDomNodes } from '../canvas/overview-mode';
import { diagramSvg, type DiagramColours } from './diagram-svg';

export type ImageFormat = 'png' | 'svg';

const MARGIN = 32;
/** Chromium refuses canvases past ~16k pixels a side. */
const MAX_SIDE = 16000;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
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

/** A PNG of the whole of a big design stays under this many pixels (memory: 4 bytes each). */
const MAX_PIXELS = 64_000_000;

/**
 * The diagram as a PNG or SVG file. A design whose nodes are all on the canvas's DOM (up to
 * BIG_DESIGN) is rendered from it at 100 % zoom by html-to-image (loaded on first use; it inlines
 * styles and fetches nothing: fonts are the system's) — exactly what is on screen. A bigger one,
 * of which the DOM holds only what is in view, is drawn whole from the graph (diagram-svg.ts).
 */
export function renderDiagram(s: DesignState, format: ImageFormat): Promise<Blob> {
  if (Object.keys(s.positions).length > BIG_DESIGN) return renderWhole(s, format);
  return withDomNodes(() => renderDom(s, format));
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

async function renderWhole(s: DesignState, format: ImageFormat): Promise<Blob> {
  const box = diagramBounds(s);
  if (!box) throw new Error('there is no diagram to export');
  const svg = diagramSvg(selectViewGraph(s), s.positions, box, diagramColours(document.documentElement));
  const file = new Blob([svg], { type: 'image/svg+xml' });
  if (format === 'svg') return file;
  // The PNG: that SVG drawn on a canvas (an object URL of the in-memory file: nothing is fetched).
  const scale = Math.min(2, MAX_SIDE / Math.max(box.width, box.height), Math.sqrt(MAX_PIXELS / (box.width * box.height)));
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(box.width * scale));
    canvas.height = Math.max(1, Math.round(box.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser could not draw the image');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not draw the image'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function renderDom(s: DesignState, format: ImageFormat): Promise<Blob> {
  const viewport = document.querySelector<HTMLElement>('.rd-canvas-pane .react-flow__viewport');
  const box = diagramBounds(s);
  if (!viewport || !box) throw new Error('there is no diagram to export');
  const { toBlob, toSvg } = await import('html-to-image');
  const background = getComputedStyle(document.documentElement).getPropertyValue('--rd-canvas').trim() || '#ffffff';
  const options = {
    backgroundColor: background,
    width: box.width,
    height: box.height,
    skipFonts: true,
    pixelRatio: Math.min(2, MAX_SIDE / Math.max(box.width, box.height)),
    style: { width: `${box.width}px`, height: `${box.height}px`, transform: `translate(${-box.x}px, ${-box.y}px) scale(1)` },
    filter: (el: HTMLElement) => !el.classList?.contains('react-flow__handle'),
  };
  if (format === 'png') {
    const blob = await toBlob(viewport, options);
    if (!blob) throw new Error('the browser could not draw the image');
    return blob;
  }
  const url = await toSvg(viewport, options);
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  return new Blob([svg], { type: 'image/svg+xml' });
}
