import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';

// YAML 1.2.2 §5.4: CR LF, CR and LF are line breaks. A lone CR is rare (classic Mac files) but
// js-yaml and the editor read it as a break: every location must agree with them.
const service = (name: string, eol: string): string =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  ports:', '  - port: 80'].join(eol) + eol;

describe('line breaks', () => {
  it.each([
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['lone CR', '\r'],
  ])('%s: the second document is located on its own line', (_label, eol) => {
    const text = service('a', eol) + `---${eol}` + service('b', eol);
    const parsed = parse([{ name: 'f.yaml', text }]);
    expect(parsed.resources.map((r) => [r.name, r.source.line])).toEqual([
      ['a', 1],
      ['b', 9],
    ]);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a lone CR becomes LF in the text the design keeps (and the file says the text changed)', () => {
    const parsed = parse([{ name: 'f.yaml', text: service('a', '\r') }]);
    expect(parsed.files[0]?.text).toBe(service('a', '\n'));
    expect(parsed.files[0]?.redacted).toBe(true);
  });

  it('CR LF texts are kept byte for byte', () => {
    const text = service('a', '\r\n');
    const parsed = parse([{ name: 'f.yaml', text }]);
    expect(parsed.files[0]?.text).toBe(text);
    expect(parsed.files[0]?.redacted).toBe(false);
  });

  it('an error after lone CRs is reported on the line the editor shows', () => {
    const parsed = parse([{ name: 'f.yaml', text: 'apiVersion: v1\rkind: Service\rmetadata:\r  name: a\r  name: b\r' }]);
    const dup = parsed.diagnostics.find((d) => d.code === 'YAMLDuplicateKey');
    expect(dup?.line).toBe(5);
  });
});
