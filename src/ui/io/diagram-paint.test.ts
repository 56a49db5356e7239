import { describe, expect, it } from 'vitest';
import { attrs, esc, num, paintAttrs, parsePaint, transformText } from './diagram-paint';

describe('computed colours as SVG paint', () => {
  it.each([
    ['rgb(24, 33, 47)', { color: '#18212f', alpha: 1 }],
    ['rgba(100, 116, 139, 0.22)', { color: '#64748b', alpha: 0.22 }],
    ['rgb(100 116 139 / 50%)', { color: '#64748b', alpha: 0.5 }],
    ['#abc', { color: '#aabbcc', alpha: 1 }],
    ['oklch(0.7 0.1 200)', { color: 'oklch(0.7 0.1 200)', alpha: 1 }],
  ])('%s', (css, paint) => expect(parsePaint(css)).toEqual(paint));

  it.each(['transparent', 'rgba(0, 0, 0, 0)', 'none', ''])('%j paints nothing', (css) => expect(parsePaint(css)).toBeNull());

  it('says alpha and opacity together, and nothing when opaque', () => {
    expect(paintAttrs('fill', { color: '#ffffff', alpha: 1 })).toEqual([['fill', '#ffffff'], ['fill-opacity', undefined]]);
    expect(paintAttrs('stroke', { color: '#000000', alpha: 0.5 }, 0.5)).toEqual([['stroke', '#000000'], ['stroke-opacity', '0.25']]);
  });
});

describe('writing values', () => {
  it.each([
    [1.04, '1'],
    [1.05, '1.1'],
    [-0.04, '0'],
    [-12.34, '-12.3'],
  ])('%d is written %s', (n, text) => expect(num(n)).toBe(text));

  it('escapes text and attributes, drops what XML refuses', () => {
    expect(esc('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(attrs([['x', 1.25], ['id', undefined], ['font-family', '"A" B'], ['y', null]])).toBe(' x="1.3" font-family="&quot;A&quot; B"');
  });

  it.each([
    ['namespace', 'uppercase', 'NAMESPACE'],
    ['ABC', 'lowercase', 'abc'],
    ['two words', 'capitalize', 'Two Words'],
    ['as is', 'none', 'as is'],
  ])('%s with text-transform %s', (text, transform, out) => expect(transformText(text, transform)).toBe(out));
});
