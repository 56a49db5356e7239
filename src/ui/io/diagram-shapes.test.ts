import { describe, expect, it } from 'vitest';
import { parsePaint } from './diagram-paint';
import { borderShapes, boxShape, insetShadowShapes, parseInsetShadows, usedRadii, type BorderSide, type Borders } from './diagram-shapes';

const box = { x: 10, y: 20, width: 100, height: 40 };
const red = { color: '#ff0000', alpha: 1 };
const side = (width: number, style = 'solid', paint = red): BorderSide => ({ width, style, paint });
const none: BorderSide = { width: 0, style: 'none', paint: null };

describe('a CSS box as SVG', () => {
  it('scales radii down together where they would overlap (a pill)', () => {
    expect(usedRadii({ x: 0, y: 0, width: 60, height: 18 }, [999, 999, 999, 999])).toEqual([9, 9, 9, 9]);
    expect(usedRadii(box, [8, 8, 8, 8])).toEqual([8, 8, 8, 8]);
  });

  it('is a <rect> when its corners agree and a <path> when not', () => {
    expect(boxShape(box, [8, 8, 8, 8], [['fill', '#fff']])).toBe('<rect x="10" y="20" width="100" height="40" rx="8" fill="#fff"/>');
    expect(boxShape(box, [0, 0, 0, 0], [])).toBe('<rect x="10" y="20" width="100" height="40"/>');
    const stripe = boxShape({ x: 0, y: 0, width: 3, height: 50 }, [8, 0, 0, 8], [['fill', '#00f']]);
    // A card's 3 px family stripe, `border-radius: 8px 0 0 8px`: CSS scales the radii to 3 px.
    expect(stripe).toBe('<path d="M3 0H3V50H3A3 3 0 0 1 0 47V3A3 3 0 0 1 3 0Z" fill="#00f"/>');
    expect(boxShape({ x: 0, y: 0, width: 0, height: 5 }, [0, 0, 0, 0], [])).toBe('');
  });

  it('draws a uniform border as one stroke inside the box', () => {
    const all: Borders = [side(1), side(1), side(1), side(1)];
    expect(borderShapes(box, [8, 8, 8, 8], all, 1)).toBe('<rect x="10.5" y="20.5" width="99" height="39" rx="7.5" fill="none" stroke="#ff0000"/>');
    const dashed: Borders = [side(1.5, 'dashed'), side(1.5, 'dashed'), side(1.5, 'dashed'), side(1.5, 'dashed')];
    expect(borderShapes(box, [0, 0, 0, 0], dashed, 0.5)).toContain('stroke-opacity="0.5" stroke-width="1.5" stroke-dasharray="4.5 4.5"');
  });

  it('draws the sides that differ one by one: a header divider, a dashed row separator', () => {
    expect(borderShapes(box, [0, 0, 0, 0], [none, none, side(1), none], 1)).toBe('<line x1="10" y1="59.5" x2="110" y2="59.5" stroke="#ff0000"/>');
    expect(borderShapes(box, [0, 0, 0, 0], [side(1, 'dashed'), none, none, none], 1)).toBe('<line x1="10" y1="20.5" x2="110" y2="20.5" stroke="#ff0000" stroke-dasharray="3 3"/>');
    expect(borderShapes(box, [0, 0, 0, 0], [none, none, none, none], 1)).toBe('');
  });

  it('reads inset shadows without blur, and leaves outer and blurred ones out', () => {
    const css = 'rgb(232, 89, 12) 3px 0px 0px 0px inset, rgba(16, 24, 40, 0.06) 0px 1px 2px 0px, rgb(1, 2, 3) 0px 0px 4px 0px inset';
    expect(parseInsetShadows(css, parsePaint)).toEqual([{ x: 3, y: 0, spread: 0, paint: { color: '#e8590c', alpha: 1 } }]);
    expect(parseInsetShadows('none', parsePaint)).toEqual([]);
  });

  it('draws an inset shadow as a band along its side, or a ring when it is a spread', () => {
    expect(insetShadowShapes(box, [0, 0, 0, 0], { x: 3, y: 0, spread: 0, paint: red }, 1)).toBe('<rect x="10" y="20" width="3" height="40" fill="#ff0000"/>');
    expect(insetShadowShapes(box, [4, 4, 4, 4], { x: 0, y: 0, spread: 1, paint: red }, 1)).toBe('<rect x="10.5" y="20.5" width="99" height="39" rx="4" fill="none" stroke="#ff0000"/>');
  });
});
