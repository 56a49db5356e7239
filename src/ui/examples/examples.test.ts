import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, parse, validate } from '../../core/index';
import { EXAMPLES } from './catalog';

const dir = new URL('../../../public/examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('curated examples', () => {
  it('every file in public/examples is offered, and every offered one exists', () => {
    expect(EXAMPLES.map((e) => e.file).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s parses, validates and compiles without an error', (file) => {
    const parsed = parse([{ name: file, text: readFileSync(new URL(file, dir), 'utf8') }]);
    expect(parsed.resources.length).toBeGreaterThan(0);
    const errors = [...validate(parsed), ...compile(parsed.resources).diagnostics].filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.line}: ${d.message}`)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.file, e] as const))('%s has a one-line description', (_file, e) => {
    expect(e.description.length).toBeGreaterThan(10);
    expect(e.description).not.toContain('\n');
  });
});
