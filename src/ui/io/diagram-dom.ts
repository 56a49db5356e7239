import { elementShapes, type Walk } from './diagram-dom-box';
import { copySvgElement, MarkerTable } from './diagram-dom-svg';
import { fontOf, toDiagram, type Frame } from './diagram-dom-text';
import { svgDocument, unionBox, type Layer } from './diagram-document';
import { parsePaint } from './diagram-paint';
import type { Rect } from './diagram-shapes';

/**
 * The canvas as drawn, as an SVG document of plain shapes (no foreignObject): React Flow's edges
 * copied with their computed stroke and arrowheads, and every node and edge label redrawn from
 * the boxes and text the browser laid out. Coordinates are the canvas's own (flow) coordinates,
 * whatever the zoom on screen. The whole drawing, as far as the DOM holds it: the caller checks
 * that every node is there (diagram-image.ts). Browser only.
 */

const MARGIN = 32;

/** The canvas's background: the first painted background from the React Flow pane up. */
function backgroundOf(el: Element | null): string {
  for (let at = el; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (parsePaint(bg)) return bg;
  }
  return 'rgb(255, 255, 255)';
}

const zOf = (el: Element): number => {
  const z = getComputedStyle(el).zIndex;
  return z === 'auto' ? 0 : Number(z) || 0;
};

export interface CanvasSvg {
  readonly svg: string;
  /** The drawing's extent in canvas coordinates (the PNG is rendered at this size × its scale). */
  readonly box: Rect;
}

/** The React Flow canvas `flow` (its `.react-flow` element) as SVG text; null when it draws nothing. */
export function canvasSvg(flow: Element): CanvasSvg | null {
  const viewport = flow.querySelector('.react-flow__viewport');
  if (!viewport) return null;
  const origin = viewport.getBoundingClientRect();
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a || 1;
  const frame: Frame = { ox: origin.left, oy: origin.top, zoom };
  const markers = new MarkerTable();
  const base = { ...fontOf(getComputedStyle(flow)), size: 12, weight: '400', style: 'normal' };
  const walk: Walk = { frame, markers, base };
  const layers: Layer[] = [];
  const extent: Rect[] = [];
  let order = 0;

  for (const svg of viewport.querySelectorAll(':scope > .react-flow__edges > svg')) {
    const copied = [...svg.children].map((c) => copySvgElement(c, markers)).join('');
    if (copied === '') continue;
    // An edge <svg> sits at the viewport's origin; should it not, its offset is kept.
    const at = toDiagram(frame, svg.getBoundingClientRect());
    const moved = Math.abs(at.x) > 0.05 || Math.abs(at.y) > 0.05;
    const shift = moved ? ` transform="translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})"` : '';
    layers.push({ z: zOf(svg), order: order++, markup: `<g class="edge"${shift}>${copied}</g>` });
    for (const path of svg.querySelectorAll('path, line, polyline, polygon, circle, rect, ellipse')) {
      const r = path.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) extent.push(toDiagram(frame, r));
    }
  }
  // Each part in a group named as the fallback drawing names them (diagram-svg.ts).
  const drawn = (el: Element, kind: string): void => {
    const markup = elementShapes(el, walk);
    if (markup === '') return;
    layers.push({ z: zOf(el), order: order++, markup: `<g class="${kind}">${markup}</g>` });
    extent.push(toDiagram(frame, el.getBoundingClientRect()));
  };
  for (const label of viewport.querySelectorAll(':scope > .react-flow__viewport-portal > .rd-edge-label')) drawn(label, 'edge-label');
  for (const node of viewport.querySelectorAll(':scope > .react-flow__nodes > .react-flow__node')) drawn(node, node.classList.contains('react-flow__node-namespace') ? 'namespace' : 'node');

  const box = unionBox(extent, MARGIN);
  if (!box) return null;
  const svg = svgDocument({ box, background: parsePaint(backgroundOf(flow)), font: base, defs: markers.defs, layers });
  return { svg, box };
}

/** Ids (`data-id`) of the nodes the canvas has drawn in full: not the far-zoom stand-ins of name only. */
export function drawnNodeIds(flow: Element): { readonly ids: ReadonlySet<string>; readonly simplified: boolean } {
  const ids = new Set<string>();
  for (const n of flow.querySelectorAll('.react-flow__viewport .react-flow__node[data-id]')) ids.add(n.getAttribute('data-id') ?? '');
  return { ids, simplified: flow.querySelector('.react-flow__node .is-far') !== null };
}

