import { attrs, paintAttrs, type Paint } from './diagram-paint';
import type { Rect } from './diagram-shapes';
import type { Font } from './diagram-text';

/**
 * The exported SVG file: the drawing's box, a background over all of it, the font most text uses
 * (said once, on the root), shared definitions (arrowheads), and the drawn layers in paint order.
 */

/** One thing the canvas paints as a unit (an edge's <svg>, a node, a label), with its stacking. */
export interface Layer {
  /** CSS z-index (auto = 0). */
  readonly z: number;
  /** Document order: the tie-breaker, as CSS paints equal z-indexes. */
  readonly order: number;
  readonly markup: string;
}

/** Layers in CSS paint order: by z-index, then document order. */
export function paintOrder(layers: readonly Layer[]): Layer[] {
  return [...layers].sort((a, b) => a.z - b.z || a.order - b.order);
}

export interface DiagramDocument {
  /** The drawing's extent, in canvas (flow) coordinates. */
  readonly box: Rect;
  readonly background: Paint | null;
  readonly font: Font;
  readonly defs: readonly string[];
  readonly layers: readonly Layer[];
}

export function svgDocument(doc: DiagramDocument): string {
  const { box, font } = doc;
  const head = `<svg${attrs([
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ['width', Math.ceil(box.width)],
    ['height', Math.ceil(box.height)],
    ['viewBox', `${box.x} ${box.y} ${Math.ceil(box.width)} ${Math.ceil(box.height)}`],
    ['font-family', font.family],
    ['font-size', font.size],
    ['font-weight', font.weight === '400' ? undefined : font.weight],
  ])}>`;
  const parts = [head];
  if (doc.defs.length > 0) parts.push(`<defs>${doc.defs.join('')}</defs>`);
  if (doc.background) parts.push(`<rect${attrs([['x', box.x], ['y', box.y], ['width', Math.ceil(box.width)], ['height', Math.ceil(box.height)], ...paintAttrs('fill', doc.background)])}/>`);
  for (const layer of paintOrder(doc.layers)) if (layer.markup) parts.push(layer.markup);
  parts.push('</svg>');
  return parts.join('\n');
}

/** The smallest box holding all of `rects`, grown by `margin` on each side and snapped to whole pixels. */
export function unionBox(rects: readonly Rect[], margin: number): Rect | null {
  if (rects.length === 0) return null;
  const x0 = Math.floor(Math.min(...rects.map((r) => r.x)) - margin);
  const y0 = Math.floor(Math.min(...rects.map((r) => r.y)) - margin);
  const x1 = Math.ceil(Math.max(...rects.map((r) => r.x + r.width)) + margin);
  const y1 = Math.ceil(Math.max(...rects.map((r) => r.y + r.height)) + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
