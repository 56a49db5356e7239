import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate.js';
import { validate } from '../validate/index.js';
import { parse } from './parse.js';

// DESIGN.md / issue 2 "Bad input": huge or hostile input gets a located diagnostic; nothing throws.
const one = (text: string) => parse([{ name: 'paste.yaml', text }]);

describe('hostile input', () => {
  it('reads 10,000 documents', () => {
    const design = generateDesign(3_400); // 1 Gateway + 3,400 routes + 6,800 Services + 1 Secret = 10,202 documents
    const r = one(design.text);
    expect(r.resources).toHaveLength(design.documents);
    expect(validate(r).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a syntax error at the end of a 20 MB paste with its exact line', () => {
    const entry = (i: number) => `  key-${String(i).padStart(8, '0')}: value-0123456789-0123456789\n`;
    const lines = Math.ceil((20 * 1024 * 1024) / entry(0).length);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${Array.from({ length: lines }, (_, i) => entry(i)).join('')}  broken: "unclosed\n`;
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const r = one(text);
    const d = r.diagnostics.find((x) => x.code === 'YAMLSyntax');
    expect(d).toBeDefined();
    expect(d!.line).toBeGreaterThan(lines);
  });

  it('refuses nesting deeper than 64 levels', () => {
    const r = one(`a: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAMLTooDeep']);
  });

  it('reads a 1 MB single-line value', () => {
    const r = one(`apiVersion: v1\nkind: Service\nmetadata: {name: x, annotations: {v: "${'x'.repeat(1 << 20)}"}}\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.resources).toHaveLength(1);
  });

  it.each([
    ['binary garbage', '\u0000\u0001\u0002\uFFFF'],
    ['only separators', '---\n---\n...\n---\n'],
    ['a lone alias', '*unknown\n'],
    ['an unknown tag', '!!python/object:os.system {}\n'],
    ['a BOM and CRLF line ends', '\uFEFFapiVersion: v1\r\nkind: Service\r\nmetadata: {name: a}\r\n'],
    ['the constructor key', 'apiVersion: v1\nkind: Service\nmetadata: {name: a, constructor: {prototype: {x: 1}}}\n'],
  ])('%s never throws', (_what, text) => {
    expect(() => validate(one(text))).not.toThrow();
  });
});
