import { attrs, esc, paintAttrs, type Paint } from './diagram-paint';

/**
 * Text as the page lays it out, as SVG <text>: one element per line the browser drew, cut where
 * the page cuts it (`overflow: hidden`, with an ellipsis where `text-overflow` asks for one), at
 * the baseline the browser used. Pure: the DOM reader measures the characters, this decides.
 */

export interface Font {
  readonly family: string;
  readonly size: number;
  readonly weight: string;
  readonly style: string;
}

/** One character's box in diagram coordinates; null for a character that is not drawn (collapsed space). */
export interface Glyph {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A line of text to draw: its left edge, its baseline. */
export interface TextRun {
  readonly x: number;
  readonly baseline: number;
  readonly text: string;
  readonly font: Font;
  readonly paint: Paint;
  readonly opacity: number;
  readonly letterSpacing: number;
  /** CSS text-decoration-line (`line-through` for a struck-through rule); none when absent. */
  readonly decoration?: string | undefined;
}

/** The character ranges [start, end) of each line: a line starts where a character sits below the previous one. */
export function splitLines(glyphs: ReadonlyArray<Glyph | null>): Array<readonly [number, number]> {
  const lines: Array<readonly [number, number]> = [];
  let start = -1;
  let last: Glyph | null = null;
  glyphs.forEach((g, i) => {
    if (!g) return;
    if (start < 0) start = i;
    else if (last && g.top >= (last.top + last.bottom) / 2) {
      lines.push([start, i]);
      start = i;
    }
    last = g;
  });
  if (start >= 0) lines.push([start, glyphs.length]);
  return lines;
}

/**
 * How many characters of a line are drawn when the box clips at `limit` (x): all that end before
 * it, or — with an ellipsis of `ellipsisWidth` — those that leave room for it (at least one).
 */
export function fitCount(glyphs: ReadonlyArray<Glyph | null>, limit: number, ellipsisWidth: number | null): number {
  const last = [...glyphs].reverse().find((g) => g !== null);
  const slack = 0.5;
  if (!last || last.right <= limit + slack) return glyphs.length;
  const room = limit - (ellipsisWidth ?? 0) + slack;
  let n = 0;
  glyphs.forEach((g, i) => {
    if (g && g.right <= room) n = i + 1;
  });
  return ellipsisWidth === null ? n : Math.max(1, n);
}

/** The baseline of a line box of `height` at `top`, for a font of that ascent and descent (CSS content area). */
export function baselineOf(top: number, height: number, ascent: number, descent: number): number {
  const total = ascent + descent;
  return total > 0 ? top + (height * ascent) / total : top + height * 0.8;
}

/** Collapses white space as `white-space: normal | nowrap` renders it. */
export const collapseSpace = (text: string): string => text.replace(/[\t\n\r ]+/g, ' ');

/** One line of text; the font is said only where it differs from the document's. */
export function textShape(run: TextRun, base: Font): string {
  const f = run.font;
  return `<text${attrs([
    ['x', run.x],
    ['y', run.baseline],
    ['font-family', f.family === base.family ? undefined : f.family],
    ['font-size', f.size === base.size ? undefined : f.size],
    ['font-weight', f.weight === base.weight ? undefined : f.weight],
    ['font-style', f.style === 'normal' ? undefined : f.style],
    ['letter-spacing', run.letterSpacing !== 0 ? run.letterSpacing : undefined],
    ['text-decoration', run.decoration && run.decoration !== 'none' ? run.decoration : undefined],
    ...paintAttrs('fill', run.paint, run.opacity),
  ])}>${esc(run.text)}</text>`;
}
