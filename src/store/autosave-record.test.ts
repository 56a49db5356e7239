import { describe, expect, it } from 'vitest';
import { readSave, salvageText } from './autosave-record';

describe('autosave records', () => {
  it.each([
    ['nothing', null, 'none'],
    ['a design (JSON, localStorage)', JSON.stringify({ version: 1, fileName: 'a.yaml', text: 'x: 1\n' }), 'ok'],
    ['a design (an object, IndexedDB)', { version: 1, fileName: 'a.yaml', text: 'x: 1\n', rev: 3, tab: 't' }, 'ok'],
    ['cut-short JSON', '{"version":1,"text":"x', 'unreadable'],
    ['another version', { version: 2, fileName: 'a.yaml', text: 'x' }, 'unreadable'],
    ['no file name', { version: 1, text: 'x' }, 'unreadable'],
    ['a number', 42, 'unreadable'],
  ])('reads %s as %s', (_name, value, kind) => {
    expect(readSave(value).kind).toBe(kind);
  });

  it('an unreadable object is kept as its JSON, with the reason', () => {
    expect(readSave({ version: 2, text: 'x' })).toEqual({ kind: 'unreadable', raw: JSON.stringify({ version: 2, text: 'x' }, null, 2), reason: 'it has version 2, this app reads version 1' });
  });

  it.each([
    ['a whole save of another version', JSON.stringify({ version: 2, text: 'a: "1"\n' }), 'a: "1"\n'],
    ['a save cut inside its text', '{"version":1,"fileName":"a.yaml","text":"kind: Gateway\\nmetadata:\\n  na', 'kind: Gateway\nmetadata:\n  na'],
    ['a save cut inside an escape', '{"text":"a\\nb\\', 'a\nb'],
    ['a save cut inside a \\u escape', '{"text":"a\\u00', 'a'],
    ['a save cut after its text', '{"text":"x: \\"q\\"\\n","positions":{"a":', 'x: "q"\n'],
    ['no text at all', '{"version":1,"fileN', null],
  ])('salvages the YAML of %s', (_name, raw, expected) => {
    expect(salvageText(raw)).toBe(expected);
  });
});
