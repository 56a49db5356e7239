import { attrs, num, paintAttrs, type Paint } from './diagram-paint';

/**
 * A CSS box as SVG shapes: its background (rounded as CSS rounds it), its border (one stroke when
 * the four sides agree, a strip per side when not) and its inset shadows without blur (the
 * coloured edge of a row with a problem). Pure: the DOM reader (diagram-dom.ts) measures, this draws.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Corner radii, clockwise from the top left. */
export type Radii = readonly [number, number, number, number];

export interface BorderSide {
  readonly width: number;
  /** CSS border-style: solid, dashed, dotted… (none and hidden paint nothing). */
  readonly style: string;
  readonly paint: Paint | null;
}

/** Sides in CSS order: top, right, bottom, left. */
export type Borders = readonly [BorderSide, BorderSide, BorderSide, BorderSide];

/** An inset box-shadow without blur: a band of colour along the inside of the box. */
export interface InsetShadow {
  readonly x: number;
  readonly y: number;
  readonly spread: number;
  readonly paint: Paint;
}

/** The radii CSS draws: scaled down together when two would overlap (CSS Backgrounds 3 §5.5). */
export function usedRadii(rect: Rect, r: Radii): Radii {
  const [tl, tr, br, bl] = r;
  const f = Math.min(1, rect.width / (tl + tr || 1), rect.width / (bl + br || 1), rect.height / (tl + bl || 1), rect.height / (tr + br || 1));
  return [tl * f, tr * f, br * f, bl * f];
}

/** A rounded box: a <rect> when its corners agree, a <path> when not. `extra` adds paint. */
export function boxShape(rect: Rect, radii: Radii, extra: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  if (rect.width <= 0 || rect.height <= 0) return '';
  const [tl, tr, br, bl] = usedRadii(rect, radii);
  const { x, y, width: w, height: h } = rect;
  if (tl === tr && tr === br && br === bl) {
    return `<rect${attrs([['x', x], ['y', y], ['width', w], ['height', h], ['rx', tl > 0 ? tl : undefined], ...extra])}/>`;
  }
  const arc = (r: number, ex: number, ey: number): string => (r > 0 ? `A${num(r)} ${num(r)} 0 0 1 ${num(ex)} ${num(ey)}` : '');
  const d =
    `M${num(x + tl)} ${num(y)}H${num(x + w - tr)}${arc(tr, x + w, y + tr)}` +
    `V${num(y + h - br)}${arc(br, x + w - br, y + h)}H${num(x + bl)}${arc(bl, x, y + h - bl)}` +
    `V${num(y + tl)}${arc(tl, x + tl, y)}Z`;
  return `<path${attrs([['d', d], ...extra])}/>`;
}

const visible = (s: BorderSide): s is BorderSide & { paint: Paint } => s.width > 0 && s.paint !== null && s.style !== 'none' && s.style !== 'hidden';

/** The dash pattern of a CSS border style, in the border's width. */
export function borderDash(style: string, width: number): string | undefined {
  if (style === 'dashed') return `${num(width * 3)} ${num(width * 3)}`;
  if (style === 'dotted') return `${num(width)} ${num(width)}`;
  return undefined;
}

/** A box's border, drawn inside the box as CSS draws it. */
export function borderShapes(rect: Rect, radii: Radii, borders: Borders, opacity: number): string {
  const [top, right, bottom, left] = borders;
  const same = borders.every((s) => s.width === top.width && s.style === top.style && s.paint?.color === top.paint?.color && s.paint?.alpha === top.paint?.alpha);
  if (same) {
    if (!visible(top)) return '';
    const half = top.width / 2;
    const inner = { x: rect.x + half, y: rect.y + half, width: rect.width - top.width, height: rect.height - top.width };
    const r = radii.map((v) => Math.max(0, v - half)) as unknown as Radii;
    return boxShape(inner, r, [['fill', 'none'], ...paintAttrs('stroke', top.paint, opacity), ['stroke-width', top.width === 1 ? undefined : top.width], ['stroke-dasharray', borderDash(top.style, top.width)]]);
  }
  // Sides that differ: a line along each, at the middle of its width (corners left square).
  const { x, y, width: w, height: h } = rect;
  const lines: Array<[BorderSide, number, number, number, number]> = [
    [top, x, y + top.width / 2, x + w, y + top.width / 2],
    [right, x + w - right.width / 2, y, x + w - right.width / 2, y + h],
    [bottom, x, y + h - bottom.width / 2, x + w, y + h - bottom.width / 2],
    [left, x + left.width / 2, y, x + left.width / 2, y + h],
  ];
  return lines
    .filter(([s]) => visible(s))
    .map(([s, x1, y1, x2, y2]) =>
      `<line${attrs([['x1', x1], ['y1', y1], ['x2', x2], ['y2', y2], ...paintAttrs('stroke', s.paint as Paint, opacity), ['stroke-width', s.width === 1 ? undefined : s.width], ['stroke-dasharray', borderDash(s.style, s.width)]])}/>`,
    )
    .join('');
}

/**
 * The inset shadows without blur of a computed `box-shadow` (`"rgb(1, 2, 3) 3px 0px 0px 0px inset, …"`);
 * outer shadows and blurred ones are left out: the diagram is drawn flat.
 */
export function parseInsetShadows(css: string, parse: (color: string) => Paint | null): InsetShadow[] {
  if (css === 'none' || css.trim() === '') return [];
  const out: InsetShadow[] = [];
  for (const part of css.split(/,(?![^(]*\))/)) {
    if (!/\binset\b/.test(part)) continue;
    const colour = /(rgba?\([^)]*\)|#[0-9a-f]{3,8}|[a-z]+\([^)]*\))/i.exec(part)?.[1];
    const lengths = part.replace(/rgba?\([^)]*\)|[a-z]+\([^)]*\)|#[0-9a-f]{3,8}|inset/gi, ' ').trim().split(/\s+/).map(Number.parseFloat).filter(Number.isFinite);
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    const paint = colour ? parse(colour) : null;
    if (blur > 0 || !paint) continue;
    out.push({ x, y, spread, paint });
  }
  return out;
}

/** An inset shadow without blur drawn as bands inside the padding box. */
export function insetShadowShapes(rect: Rect, radii: Radii, shadow: InsetShadow, opacity: number): string {
  const { x, y, width: w, height: h } = rect;
  const fill = paintAttrs('fill', shadow.paint, opacity);
  if (shadow.spread > 0 && shadow.x === 0 && shadow.y === 0) {
    const half = shadow.spread / 2;
    return boxShape({ x: x + half, y: y + half, width: w - shadow.spread, height: h - shadow.spread }, radii, [['fill', 'none'], ...paintAttrs('stroke', shadow.paint, opacity), ['stroke-width', shadow.spread === 1 ? undefined : shadow.spread]]);
  }
  const bands: Rect[] = [];
  const sx = Math.abs(shadow.x) + shadow.spread;
  const sy = Math.abs(shadow.y) + shadow.spread;
  if (shadow.x > 0) bands.push({ x, y, width: sx, height: h });
  if (shadow.x < 0) bands.push({ x: x + w - sx, y, width: sx, height: h });
  if (shadow.y > 0) bands.push({ x, y, width: w, height: sy });
  if (shadow.y < 0) bands.push({ x, y: y + h - sy, width: w, height: sy });
  return bands.map((b) => boxShape(b, [0, 0, 0, 0], fill)).join('');
}
