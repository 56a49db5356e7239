/**
 * The small value types of the exported diagram and their SVG spelling: colours as the browser
 * computes them (`rgb(…)`, `rgba(…)`, `transparent`), numbers rounded to a tenth (the file stays
 * small), text escaped for XML. Pure: no DOM, tested in Node.
 */

/** A colour as SVG writes it: `#rrggbb` and an alpha (0…1) said apart. */
export interface Paint {
  readonly color: string;
  readonly alpha: number;
}

const hex2 = (n: number): string => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

/**
 * A computed CSS colour as a Paint; null for a colour that paints nothing (transparent, alpha 0).
 * Forms the browser does not turn into rgb() (oklch(), color()) pass through unchanged: SVG in the
 * same browser reads them.
 */
export function parsePaint(css: string): Paint | null {
  const v = css.trim().toLowerCase();
  if (v === '' || v === 'none' || v === 'transparent') return null;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const a = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number(rgb[4].slice(0, -1)) / 100 : Number(rgb[4]);
    if (a <= 0) return null;
    return { color: `#${hex2(Number(rgb[1]))}${hex2(Number(rgb[2]))}${hex2(Number(rgb[3]))}`, alpha: Math.min(1, a) };
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return { color: `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`, alpha: 1 };
  return { color: v, alpha: 1 };
}

/** A number as written in the file: a tenth of a pixel is finer than anything drawn. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Text and attribute values, escaped for XML (and control characters, which XML refuses, dropped). */
export function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ` name="value"` for each attribute that is set, in order; undefined and null are left out. */
export function attrs(list: ReadonlyArray<readonly [string, string | number | undefined | null]>): string {
  let out = '';
  for (const [name, value] of list) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : esc(value)}"`;
  }
  return out;
}

/** The fill (or stroke) attributes of a paint seen through `opacity`. */
export function paintAttrs(kind: 'fill' | 'stroke', paint: Paint, opacity = 1): Array<readonly [string, string | number | undefined]> {
  const alpha = Math.round(paint.alpha * opacity * 1000) / 1000;
  return [
    [kind, paint.color],
    [`${kind}-opacity`, alpha < 1 ? String(alpha) : undefined],
  ];
}

/** A length in CSS pixels from a computed value (`"12px"`, `"normal"` → 0). */
export function px(value: string): number {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

/** Text as CSS `text-transform` draws it. */
export function transformText(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'capitalize') return text.replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
  return text;
}
