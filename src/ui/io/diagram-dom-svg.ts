import { attrs, esc, parsePaint, px } from './diagram-paint';

/**
 * SVG already on the page (the edges React Flow draws, arrowhead markers, icons) copied element by
 * element, with the paint the page's CSS gives each (stroke colour, width, dashes: the classes'
 * styles are not in the copy) written out as attributes. Browser only: reads computed styles.
 */

/** Arrowheads and other markers the copied paths point at, renamed `m0`, `m1`… and copied once. */
export class MarkerTable {
  readonly defs: string[] = [];
  private readonly ids = new Map<string, string>();

  /** The copy's `url(#…)` for a computed `marker-*` value, or undefined when it names nothing drawable. */
  ref(css: string): string | undefined {
    const id = /url\(\s*["']?#([^"')]+)["']?\s*\)/.exec(css)?.[1];
    if (!id) return undefined;
    let mine = this.ids.get(id);
    if (mine === undefined) {
      const marker = document.getElementById(id);
      if (!(marker instanceof SVGMarkerElement)) return undefined;
      mine = `m${this.ids.size}`;
      this.ids.set(id, mine);
      this.defs.push(copySvgElement(marker, this, mine));
    }
    return `url(#${mine})`;
  }
}

const GEOMETRY = ['d', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'points', 'transform', 'viewBox', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'preserveAspectRatio', 'dx', 'dy', 'text-anchor', 'dominant-baseline'] as const;
const SHAPES = new Set(['path', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'rect', 'text', 'tspan']);
const CONTAINERS = new Set(['g', 'svg', 'marker']);
/** React Flow's parts that are there for the pointer, not the picture. */
const SKIP = '.react-flow__edge-interaction, .react-flow__connection, .react-flow__connectionline';

const number = (v: string): string => (v.endsWith('px') ? String(px(v)) : v);

/** A computed fill or stroke (`rgb(…)`, `none`) as `#rrggbb` and an opacity; SVG's initial values left out. */
function colour(kind: 'fill' | 'stroke', css: string, opacity: string): Array<readonly [string, string | undefined]> {
  const p = css.startsWith('url(') ? null : parsePaint(css);
  if (!p) return kind === 'fill' ? [['fill', 'none']] : [];
  const alpha = Math.round(p.alpha * Number(opacity || '1') * 1000) / 1000;
  return [
    [kind, kind === 'fill' && p.color === '#000000' ? undefined : p.color],
    [`${kind}-opacity`, alpha < 1 ? String(alpha) : undefined],
  ];
}

/** The computed paint of a shape, as attributes (SVG's initial values left out). */
function paint(el: Element, markers: MarkerTable): Array<readonly [string, string | undefined]> {
  const cs = getComputedStyle(el);
  const keep = (v: string, initial: string): string | undefined => (v === initial || v === '' ? undefined : v);
  const out: Array<readonly [string, string | undefined]> = [
    ...colour('fill', cs.fill, cs.fillOpacity),
    ...colour('stroke', cs.stroke, cs.strokeOpacity),
    ['stroke-width', keep(number(cs.strokeWidth), '1')],
    ['stroke-dasharray', keep(cs.strokeDasharray.replace(/px/g, '').replace(/,\s*/g, ' '), 'none')],
    ['stroke-linecap', keep(cs.strokeLinecap, 'butt')],
    ['stroke-linejoin', keep(cs.strokeLinejoin, 'miter')],
    ['opacity', keep(cs.opacity, '1')],
    ['marker-start', cs.markerStart === 'none' ? undefined : markers.ref(cs.markerStart)],
    ['marker-mid', cs.markerMid === 'none' ? undefined : markers.ref(cs.markerMid)],
    ['marker-end', cs.markerEnd === 'none' ? undefined : markers.ref(cs.markerEnd)],
  ];
  if (el.localName === 'text' || el.localName === 'tspan') {
    out.push(['font-family', cs.fontFamily], ['font-size', number(cs.fontSize)], ['font-weight', keep(cs.fontWeight, '400')]);
  }
  return out;
}

/** One SVG element and what it holds, as markup; '' for what is not drawn. */
export function copySvgElement(el: Element, markers: MarkerTable, id?: string): string {
  const tag = el.localName;
  if (!SHAPES.has(tag) && !CONTAINERS.has(tag)) return '';
  if (el.matches(SKIP)) return '';
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return '';
  const geometry = GEOMETRY.map((name) => [name, el.getAttribute(name) ?? undefined] as const);
  // A group passes its opacity on; its paint is not written, so children never inherit a wrong one.
  const own = SHAPES.has(tag) ? paint(el, markers) : [['opacity', cs.opacity === '1' ? undefined : cs.opacity] as const];
  const head = `<${tag === 'svg' ? 'g' : tag}${attrs([['id', id], ...(tag === 'svg' ? [] : geometry), ...own])}`;
  if (tag === 'text' || tag === 'tspan') {
    const inner = [...el.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? esc(c.textContent ?? '') : c instanceof Element ? copySvgElement(c, markers) : '')).join('');
    return `${head}>${inner}</${tag}>`;
  }
  const children = [...el.children].map((c) => copySvgElement(c, markers)).join('');
  if (!CONTAINERS.has(tag)) return `${head}/>`;
  return children === '' && tag !== 'marker' ? '' : `${head}>${children}</${tag === 'svg' ? 'g' : tag}>`;
}

/**
 * An inline <svg> (an icon in a card) placed at `box` in the diagram: a nested <svg> keeps its
 * own viewBox, so its shapes are copied unchanged.
 */
export function copyInlineSvg(el: SVGSVGElement, box: { x: number; y: number; width: number; height: number }, markers: MarkerTable, opacity: number): string {
  const children = [...el.children].map((c) => copySvgElement(c, markers)).join('');
  if (children === '') return '';
  return `<svg${attrs([
    ['x', box.x],
    ['y', box.y],
    ['width', box.width],
    ['height', box.height],
    ['viewBox', el.getAttribute('viewBox') ?? undefined],
    ['opacity', opacity < 1 ? String(Math.round(opacity * 1000) / 1000) : undefined],
    ['overflow', 'visible'],
  ])}>${children}</svg>`;
}
