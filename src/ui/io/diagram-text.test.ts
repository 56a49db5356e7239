import { describe, expect, it } from 'vitest';
import { unionBox, paintOrder, svgDocument } from './diagram-document';
import { baselineOf, collapseSpace, fitCount, splitLines, textShape, type Glyph } from './diagram-text';

/** Characters 6 px wide on one line from x = 0, or wrapped every `perLine` characters. */
const glyphs = (n: number, perLine = Infinity): Glyph[] =>
  Array.from({ length: n }, (_, i) => {
    const col = i % perLine;
    const row = Math.floor(i / perLine);
    return { left: col * 6, right: col * 6 + 6, top: row * 14, bottom: row * 14 + 12 };
  });

const font = { family: 'sans-serif', size: 12, weight: '400', style: 'normal' };

describe('text as the page lays it out', () => {
  it('splits a wrapped text where the characters move down a line', () => {
    expect(splitLines(glyphs(10))).toEqual([[0, 10]]);
    expect(splitLines(glyphs(10, 4))).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(splitLines([null, ...glyphs(3)])).toEqual([[1, 4]]);
    expect(splitLines([null, null])).toEqual([]);
  });

  it.each([
    ['fits', 10, 60, null, 10],
    ['cut at the box, no ellipsis', 10, 40, null, 6],
    ['cut to leave room for an ellipsis', 10, 40, 9, 5],
    ['an ellipsis keeps one character at least', 10, 4, 9, 1],
  ])('%s', (_name, n, limit, ellipsis, count) => expect(fitCount(glyphs(n), limit, ellipsis)).toBe(count));

  it('puts the baseline where the font puts it in the line box', () => {
    expect(baselineOf(100, 20, 15, 5)).toBe(115);
    expect(baselineOf(100, 10, 15, 5)).toBe(107.5);
  });

  it('collapses white space as HTML does', () => expect(collapseSpace('a \n\t b')).toBe('a b'));

  it('writes the font only where it differs from the document', () => {
    const run = { x: 1, baseline: 2, text: 'a<b', font, paint: { color: '#111111', alpha: 1 }, opacity: 1, letterSpacing: 0 };
    expect(textShape(run, font)).toBe('<text x="1" y="2" fill="#111111">a&lt;b</text>');
    const mono = { ...run, font: { ...font, family: 'monospace', size: 11, weight: '600' }, opacity: 0.75, letterSpacing: 0.8, decoration: 'line-through' };
    expect(textShape(mono, font)).toBe('<text x="1" y="2" font-family="monospace" font-size="11" font-weight="600" letter-spacing="0.8" text-decoration="line-through" fill="#111111" fill-opacity="0.75">a&lt;b</text>');
  });
});

describe('the SVG document', () => {
  it('paints layers by z-index, then in document order', () => {
    const layers = [
      { z: 0, order: 2, markup: 'node' },
      { z: -1, order: 3, markup: 'namespace' },
      { z: 0, order: 0, markup: 'edge' },
      { z: 1001, order: 1, markup: 'label' },
    ];
    expect(paintOrder(layers).map((l) => l.markup)).toEqual(['namespace', 'edge', 'node', 'label']);
  });

  it('covers the whole box with the background, says the common font once and holds no foreignObject', () => {
    const svg = svgDocument({ box: { x: -40, y: -30, width: 200.4, height: 100 }, background: { color: '#0f141a', alpha: 1 }, font, defs: ['<marker id="m0"/>'], layers: [{ z: 0, order: 0, markup: '<g/>' }] });
    expect(svg.split('\n')).toEqual([
      '<svg xmlns="http://www.w3.org/2000/svg" width="201" height="100" viewBox="-40 -30 201 100" font-family="sans-serif" font-size="12">',
      '<defs><marker id="m0"/></defs>',
      '<rect x="-40" y="-30" width="201" height="100" fill="#0f141a"/>',
      '<g/>',
      '</svg>',
    ]);
  });

  it('bounds the drawing with a margin, on whole pixels', () => {
    expect(unionBox([{ x: 0.5, y: 10, width: 10, height: 10 }, { x: -5, y: 0, width: 5, height: 5 }], 32)).toEqual({ x: -37, y: -32, width: 80, height: 84 });
    expect(unionBox([], 32)).toBeNull();
  });
});
