import { MarkerTable, copyInlineSvg } from './diagram-dom-svg';
import { textRuns, toDiagram, type Clip, type Frame } from './diagram-dom-text';
import { paintAttrs, parsePaint, px } from './diagram-paint';
import { borderShapes, boxShape, insetShadowShapes, parseInsetShadows, type Borders, type Radii, type Rect } from './diagram-shapes';
import type { Font } from './diagram-text';

/**
 * An HTML element of the canvas (a node card, a namespace box, an edge label) and everything in
 * it as SVG shapes, as the page draws them: backgrounds, borders, inset shadows, decorative
 * pseudo-elements (a card's family stripe), inline icons and text. Browser only.
 */

/**
 * What is on the canvas to be used, not to be looked at: React Flow's handles and resizers, the
 * namespaces' collapse and expand toggles, node toolbars, an open weight editor, form fields.
 */
export const CONTROLS = '.react-flow__handle, .react-flow__resize-control, .react-flow__node-toolbar, .rd-collapse-toggle, .rd-weight-editor, input, textarea, select';

export interface Walk {
  readonly frame: Frame;
  readonly markers: MarkerTable;
  readonly base: Font;
}

interface Scope {
  readonly opacity: number;
  readonly clip: Clip | null;
}

function radiiOf(cs: CSSStyleDeclaration, rect: Rect): Radii {
  const one = (v: string): number => (v.trim().endsWith('%') ? (px(v) / 100) * Math.min(rect.width, rect.height) : px(v));
  return [one(cs.borderTopLeftRadius), one(cs.borderTopRightRadius), one(cs.borderBottomRightRadius), one(cs.borderBottomLeftRadius)];
}

function bordersOf(cs: CSSStyleDeclaration): Borders {
  const side = (w: string, style: string, color: string) => ({ width: px(w), style, paint: parsePaint(color) });
  return [
    side(cs.borderTopWidth, cs.borderTopStyle, cs.borderTopColor),
    side(cs.borderRightWidth, cs.borderRightStyle, cs.borderRightColor),
    side(cs.borderBottomWidth, cs.borderBottomStyle, cs.borderBottomColor),
    side(cs.borderLeftWidth, cs.borderLeftStyle, cs.borderLeftColor),
  ];
}

const inset = (r: Rect, top: number, right: number, bottom: number, left: number): Rect => ({ x: r.x + left, y: r.y + top, width: r.width - left - right, height: r.height - top - bottom });

const intersect = (a: Rect, b: Rect | undefined): Rect => {
  if (!b) return a;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

/** A box's background, inset shadows and border. */
function boxShapes(rect: Rect, cs: CSSStyleDeclaration, opacity: number): string {
  const radii = radiiOf(cs, rect);
  const borders = bordersOf(cs);
  const out: string[] = [];
  const bg = parsePaint(cs.backgroundColor);
  if (bg) out.push(boxShape(rect, radii, paintAttrs('fill', bg, opacity)));
  const padding = inset(rect, borders[0].width, borders[1].width, borders[2].width, borders[3].width);
  for (const s of parseInsetShadows(cs.boxShadow, parsePaint)) out.push(insetShadowShapes(padding, radii, s, opacity));
  out.push(borderShapes(rect, radii, borders, opacity));
  return out.join('');
}

/**
 * A positioned decorative pseudo-element (`content: ''`, absolutely placed): its box from its
 * offsets inside the element's padding box.
 */
function pseudoShapes(el: Element, which: '::before' | '::after', padding: Rect, opacity: number): string {
  const ps = getComputedStyle(el, which);
  if (ps.content === 'none' || ps.content === 'normal' || ps.display === 'none' || ps.position !== 'absolute') return '';
  const len = (v: string): number | null => (v === 'auto' ? null : px(v));
  const left = len(ps.left);
  const right = len(ps.right);
  const top = len(ps.top);
  const bottom = len(ps.bottom);
  const width = len(ps.width) ?? padding.width - (left ?? 0) - (right ?? 0);
  const height = len(ps.height) ?? padding.height - (top ?? 0) - (bottom ?? 0);
  const x = left !== null ? padding.x + left : padding.x + padding.width - (right ?? 0) - width;
  const y = top !== null ? padding.y + top : padding.y + padding.height - (bottom ?? 0) - height;
  return boxShapes({ x, y, width, height }, ps, opacity * Number(ps.opacity));
}

/** `el` and what it holds, as SVG shapes in paint order. */
export function elementShapes(el: Element, walk: Walk, scope: Scope = { opacity: 1, clip: null }): string {
  if (el.matches(CONTROLS)) return '';
  const cs = getComputedStyle(el);
  if (cs.display === 'none') return '';
  const opacity = scope.opacity * Number(cs.opacity);
  if (opacity <= 0.001) return '';
  const rect = toDiagram(walk.frame, el.getBoundingClientRect());
  const clipRect = scope.clip?.rect;
  if (clipRect && (rect.x >= clipRect.x + clipRect.width || rect.y >= clipRect.y + clipRect.height || rect.x + rect.width <= clipRect.x || rect.y + rect.height <= clipRect.y)) return '';
  if (el instanceof SVGSVGElement) return cs.visibility === 'visible' ? copyInlineSvg(el, rect, walk.markers, opacity) : '';
  const out: string[] = [];
  const shown = cs.visibility === 'visible';
  if (shown) out.push(boxShapes(intersect(rect, clipRect), cs, opacity));
  const b = bordersOf(cs);
  const padding = inset(rect, b[0].width, b[1].width, b[2].width, b[3].width);
  if (shown) out.push(pseudoShapes(el, '::before', padding, opacity));
  let clip = scope.clip;
  if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
    const ellipsis = cs.textOverflow === 'ellipsis';
    const content = inset(padding, px(cs.paddingTop), px(cs.paddingRight), px(cs.paddingBottom), px(cs.paddingLeft));
    clip = { rect: intersect(ellipsis ? content : padding, clipRect), ellipsis };
  }
  const inner: Scope = { opacity, clip };
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out.push(textRuns(child as Text, cs, walk.frame, clip, opacity, walk.base));
    else if (child instanceof Element) out.push(elementShapes(child, walk, inner));
  }
  if (shown) out.push(pseudoShapes(el, '::after', padding, opacity));
  return out.join('');
}
