import { parsePaint, px, transformText } from './diagram-paint';
import type { Rect } from './diagram-shapes';
import { baselineOf, collapseSpace, fitCount, splitLines, textShape, type Font, type Glyph } from './diagram-text';

/**
 * A text node of the page as SVG <text>: where the browser put each line, cut where the page
 * cuts it. Browser only: measures with Range and a 2D canvas (font ascent, ellipsis width).
 */

/** How page pixels map to the diagram: the canvas viewport's origin on the page and its zoom. */
export interface Frame {
  readonly ox: number;
  readonly oy: number;
  readonly zoom: number;
}

export const toDiagram = (f: Frame, r: DOMRectReadOnly): Rect => ({ x: (r.left - f.ox) / f.zoom, y: (r.top - f.oy) / f.zoom, width: r.width / f.zoom, height: r.height / f.zoom });

/** The box text is cut at: the nearest clipping ancestor's, and whether it ends cut text with an ellipsis. */
export interface Clip {
  readonly rect: Rect;
  readonly ellipsis: boolean;
}

export function fontOf(cs: CSSStyleDeclaration): Font {
  return { family: cs.fontFamily, size: px(cs.fontSize), weight: cs.fontWeight, style: cs.fontStyle };
}

interface Metrics {
  readonly ascent: number;
  readonly descent: number;
  readonly ellipsis: number;
}

const metricsCache = new Map<string, Metrics>();
let measureContext: CanvasRenderingContext2D | null = null;

/** A font's ascent and descent (the content area a line's text fills) and the width of '…'. */
function metricsOf(font: Font): Metrics {
  const key = `${font.style} ${font.weight} ${font.size}px ${font.family}`;
  const known = metricsCache.get(key);
  if (known) return known;
  measureContext ??= document.createElement('canvas').getContext('2d');
  let m: Metrics = { ascent: font.size * 0.8, descent: font.size * 0.2, ellipsis: font.size * 0.8 };
  if (measureContext) {
    measureContext.font = key;
    const t = measureContext.measureText('…');
    // fontBoundingBox* are missing in older browsers: the estimate above stands then.
    if (Number.isFinite(t.fontBoundingBoxAscent) && Number.isFinite(t.fontBoundingBoxDescent)) m = { ascent: t.fontBoundingBoxAscent, descent: t.fontBoundingBoxDescent, ellipsis: t.width };
  }
  metricsCache.set(key, m);
  return m;
}

const glyphOf = (frame: Frame, r: DOMRectReadOnly): Glyph | null => {
  if (r.width === 0 && r.height === 0) return null;
  const d = toDiagram(frame, r);
  return { left: d.x, right: d.x + d.width, top: d.y, bottom: d.y + d.height };
};

/** The <text> lines of one text node, whose element has computed style `cs`. */
export function textRuns(node: Text, cs: CSSStyleDeclaration, frame: Frame, clip: Clip | null, opacity: number, base: Font): string {
  const paint = parsePaint(cs.color);
  const data = node.data;
  const first = data.search(/\S/);
  if (!paint || first < 0 || cs.visibility !== 'visible') return '';
  const end = data.length - (data.length - data.trimEnd().length);
  const range = document.createRange();
  range.setStart(node, first);
  range.setEnd(node, end);
  const rects = range.getClientRects();
  if (rects.length === 0) return '';
  const font = fontOf(cs);
  const metrics = metricsOf(font);
  const common = { font, paint, opacity, letterSpacing: px(cs.letterSpacing), decoration: cs.textDecorationLine };
  const draw = (text: string, g: Glyph): string => {
    if (clip && (g.top >= clip.rect.y + clip.rect.height || g.bottom <= clip.rect.y)) return '';
    const shown = transformText(collapseSpace(text), cs.textTransform).trim();
    if (shown === '') return '';
    return textShape({ ...common, x: g.left, baseline: baselineOf(g.top, g.bottom - g.top, metrics.ascent, metrics.descent), text: shown }, base);
  };
  const whole = rects.length === 1 ? glyphOf(frame, rects[0] as DOMRect) : null;
  const limit = clip ? clip.rect.x + clip.rect.width : Infinity;
  if (whole && whole.right <= limit + 0.5) return draw(data.slice(first, end), whole);
  // Several lines, or cut by its box: character by character.
  const glyphs: Array<Glyph | null> = [];
  for (let i = first; i < end; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    glyphs.push(glyphOf(frame, range.getBoundingClientRect()));
  }
  return splitLines(glyphs)
    .map(([a, b]) => {
      const line = glyphs.slice(a, b);
      const n = clip ? fitCount(line, limit, clip.ellipsis ? metrics.ellipsis : null) : line.length;
      // The line starts at its first drawn character that is not a space.
      const k = line.findIndex((g, i) => g !== null && /\S/.test(data.charAt(first + a + i)));
      const at = line[k];
      if (!at || k >= n) return '';
      const text = data.slice(first + a + k, first + a + n);
      return draw(n < line.length && clip?.ellipsis ? `${text.trimEnd()}…` : text, at);
    })
    .join('');
}
