import type { DesignState } from '../../store/index';
import { selectGraph } from '../../store/index';
import { GROUP_PADDING, nodeSize } from '../canvas/metrics';
import { withDomNodes } from '../canvas/overview-mode';

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
  for (const n of selectGraph(s).nodes) {
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

/**
 * The diagram as a PNG or SVG file, rendered from the canvas's own DOM at 100 % zoom by
 * html-to-image (loaded on first use; it inlines styles and fetches nothing: fonts are the
 * system's). Only nodes React Flow has rendered appear: above 300 nodes it renders those in view
 * (zoomed far out, the overview gives way to them meanwhile).
 */
export function renderDiagram(s: DesignState, format: ImageFormat): Promise<Blob> {
  return withDomNodes(() => renderDom(s, format));
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
