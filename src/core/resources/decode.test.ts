import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode.js';
import { decodeByHand, decodeUnits } from './decode-units.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const utf16 = (s: string, little: boolean): number[] =>
  Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).flatMap((u) => (little ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
const utf32 = (s: string, little: boolean): number[] => [...s].flatMap((c) => {
  const cp = c.codePointAt(0) as number;
  const be = [cp >>> 24, (cp >> 16) & 0xff, (cp >> 8) & 0xff, cp & 0xff];
  return little ? be.reverse() : be;
});

// YAML 1.2.2 §5.2 "Character Encodings": a byte order mark, else the null bytes around the first ASCII character.
describe('decodeSource: the encoding', () => {
  it.each([
    ['UTF-8', ascii('kind: x'), 'utf-8'],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...ascii('kind: x')], 'utf-8'],
    ['UTF-16LE with BOM', [0xff, 0xfe, ...utf16('kind: x', true)], 'utf-16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff, ...utf16('kind: x', false)], 'utf-16be'],
    ['UTF-16LE without BOM', utf16('kind: x', true), 'utf-16le'],
    ['UTF-16BE without BOM', utf16('kind: x', false), 'utf-16be'],
    ['UTF-32LE with BOM', [0xff, 0xfe, 0, 0, ...utf32('kind: x', true)], 'utf-32le'],
    ['UTF-32BE with BOM', [0, 0, 0xfe, 0xff, ...utf32('kind: x', false)], 'utf-32be'],
    ['UTF-32LE without BOM', utf32('kind: x', true), 'utf-32le'],
    ['UTF-32BE without BOM', utf32('kind: x', false), 'utf-32be'],
  ])('%s', (_what, input, encoding) => {
    const d = decodeSource('a.yaml', bytes(...input));
    expect([d.file.text, d.encoding, d.diagnostics]).toEqual(['kind: x', encoding, []]);
  });

  it.each([
    ['UTF-8', [0xf0, 0x9f, 0x98, 0x80]],
    ['UTF-16LE', [0xff, 0xfe, ...utf16('\u{1F600}', true)]],
    ['UTF-16BE', [0xfe, 0xff, ...utf16('\u{1F600}', false)]],
    ['UTF-32LE', [0xff, 0xfe, 0, 0, ...utf32('\u{1F600}', true)]],
  ])('a character beyond the BMP in %s', (_what, input) => {
    expect(decodeSource('a', bytes(...input)).file.text).toBe('\u{1F600}');
  });

  it('an empty input is an empty text', () => {
    expect(decodeSource('a', bytes())).toEqual({ file: { name: 'a', text: '' }, encoding: 'utf-8', diagnostics: [] });
  });
});

const wellFormed = (encoding: string, input: Uint8Array): boolean => {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(input);
    return true;
  } catch {
    return false;
  }
};
const encoded = fc.string({ unit: 'binary', maxLength: 16 }).map((t) => new TextEncoder().encode(t));
const BYTES = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  encoded,
  fc.tuple(encoded, fc.uint8Array({ maxLength: 4 }), encoded).map(([a, b, c]) => new Uint8Array([...a, ...b, ...c])),
);

// Unicode §3.9 "U+FFFD Substitution of Maximal Subparts" (the examples of Table 3-8 and around it).
describe('decodeSource: bytes that are not characters', () => {
  it.each([
    ['a stray byte', [0x61, 0xff, 0x62], 'a\uFFFDb'],
    ['a Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 'caf\uFFFD'],
    ['an overlong encoding', [0xc0, 0x80], '\uFFFD\uFFFD'],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], '\uFFFD\uFFFD\uFFFD'],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], '\uFFFD\uFFFD\uFFFD'],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\uFFFD\uFFFD\uFFFD\uFFFD'],
    ['a truncated sequence at the end', [0x41, 0xe2, 0x82], 'A\uFFFD'],
    ['a truncated sequence before a character', [0xf0, 0x9f, 0x98, 0x41], '\uFFFDA'],
    ['a UTF-16 unpaired surrogate', [0xff, 0xfe, 0x61, 0, 0x00, 0xd8, 0x62, 0], 'a\uFFFDb'],
    ['a UTF-16 text of odd length', [0xff, 0xfe, 0x61, 0, 0x62], 'a\uFFFD'],
    ['a UTF-32 value beyond U+10FFFF', [0xff, 0xfe, 0, 0, 0, 0, 0x11, 0], '\uFFFD'],
  ])('%s', (_what, input, text) => {
    const d = decodeSource('a.yaml', bytes(...input));
    expect(d.file.text).toBe(text);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['InvalidEncoding']);
  });

  it('is located by line and column as the editor counts them (UTF-16 units)', () => {
    const d = decodeSource('a.yaml', bytes(...ascii('a: 1\nb: '), 0xf0, 0x9f, 0x98, 0x80, 0xff, 0x0a));
    expect(d.diagnostics).toEqual([
      { code: 'InvalidEncoding', severity: 'error', message: expect.stringMatching(/^invalid UTF-8: the byte\(s\) 0xFF /), file: 'a.yaml', line: 2, column: 6, endLine: 2, endColumn: 7 },
    ]);
  });

  it('reports one error per line, at most ten, the last counting the rest', () => {
    const input = Array.from({ length: 25 }, () => [0x61, 0xff, 0xfe, 0x0a]).flat();
    const d = decodeSource('a.yaml', bytes(...input));
    expect(d.diagnostics.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.diagnostics[9]?.message).toMatch(/and 15 more line/);
  });

  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('%s: the same text as a browser TextDecoder, for any bytes', (encoding) => {
    fc.assert(
      fc.property(BYTES, (input) => {
        const expected = new TextDecoder(encoding, { ignoreBOM: true }).decode(input);
        const r = decodeByHand(input, encoding);
        expect(r.text).toBe(expected);
        expect(decodeUnits(input, encoding).text).toBe(expected);
        for (const bad of r.invalid) expect(r.text[bad.offset]).toBe('\uFFFD');
        expect(r.invalid.length === 0).toBe(wellFormed(encoding, input));
      }),
      { numRuns: 500 },
    );
  });
});
